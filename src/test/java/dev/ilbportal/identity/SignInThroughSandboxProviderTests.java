package dev.ilbportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalApplicationTest
class SignInThroughSandboxProviderTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private URI portal() {
        return URI.create("http://localhost:" + port);
    }

    @Test
    void requesterSignsInWithAuthorizationCodeFlowAndSeesTheirRolesAndTeam() throws Exception {
        HttpResponse<String> home = new SandboxBrowserlessLogin(portal()).signIn("alice");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, <span>Alice Adeyemi</span>")
                .contains("<strong>Requester</strong>")
                .contains("<strong>payments</strong>")
                .contains("data-feature=\"new-request\"")
                .doesNotContain("data-feature=\"audit-log\"");
    }

    @Test
    void sessionIsKeptInPostgresUnderThePortalsOwnCookieName() throws Exception {
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal());
        login.signIn("audrey");

        var cookies = ((java.net.CookieManager) login.client().cookieHandler().orElseThrow()).getCookieStore()
                .get(portal());
        assertThat(cookies).extracting(java.net.HttpCookie::getName).contains("ILBPORTAL_SESSION")
                .doesNotContain("JSESSIONID");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'audrey'",
                Integer.class)).isPositive();
    }

    @Test
    void personWithoutPortalGroupLandsOnNoAccessPageNamingTheGroups() throws Exception {
        HttpResponse<String> page = new SandboxBrowserlessLogin(portal()).signIn("nina");

        assertThat(page.uri().getPath()).isEqualTo("/no-access");
        assertThat(page.body()).contains("You have no access to the ILB Portal yet")
                .contains("portal-requesters").contains("portal-approvers")
                .contains("portal-auditors").contains("portal-admins");
    }

    @Test
    void tamperedLoginStateIsRefusedWithThePlainSignInFailedPage() throws Exception {
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal());
        login.get(portal().resolve("/oauth2/authorization/portal"));

        HttpResponse<String> callback = login.get(
                portal().resolve("/login/oauth2/code/portal?code=forged&state=not-the-state-we-sent"));
        HttpResponse<String> page = login.followRedirects(callback);

        assertThat(page.uri().getPath()).isEqualTo("/login-failed");
        assertThat(page.body()).contains("Sign-in did not complete");
    }

    @Test
    void anonymousCallsOfTheCallbackCreateNoSessionAndAtMostOneAuditRow() throws Exception {
        int sessions = jdbc.queryForObject("select count(*) from spring_session", Integer.class);
        long lastAudit = jdbc.queryForObject("select coalesce(max(sequence), 0) from audit_event", Long.class);

        for (int i = 0; i < 30; i++) {
            SandboxBrowserlessLogin stranger = new SandboxBrowserlessLogin(portal());
            HttpResponse<String> callback = stranger.get(portal().resolve("/login/oauth2/code/portal?code=x&state=y"));
            assertThat(callback.statusCode()).isEqualTo(302);
            assertThat(SandboxBrowserlessLogin.location(callback).getPath()).isEqualTo("/login-failed");
            assertThat(callback.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ILBPORTAL_SESSION"));
        }

        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class))
                .as("sessions after 30 forged callbacks").isLessThanOrEqualTo(sessions);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where sequence > ? "
                + "and action = 'identity.sign-in-failed'", Integer.class, lastAudit))
                .as("audit rows for 30 failed sign-ins from one address").isLessThanOrEqualTo(1);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(portal().resolve("/"))
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(portal().resolve("/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(proxied.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("ILBPORTAL_SESSION="))
                .singleElement().asString().containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).get().asString()
                .contains("max-age=");
        assertThat(SandboxBrowserlessLogin.location(proxied).getScheme()).isEqualTo("https");

        assertThat(direct.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("ILBPORTAL_SESSION="))
                .singleElement().asString().doesNotContainIgnoringCase("Secure");
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void displayNameOverTheColumnLimitIsShortenedAndSignInWorks() throws Exception {
        String longName = "Alice " + "Adeyemi-".repeat(60);
        HttpResponse<String> home = new SandboxBrowserlessLogin(portal()).signIn("alice",
                claims -> claims.replace("\"Alice Adeyemi\"", "\"" + longName + "\""));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, <span>Alice Adeyemi-Adeyemi-");
        String remembered = jdbc.queryForObject(
                "select display_name from notification_person where subject = 'alice'", String.class);
        assertThat(remembered).hasSize(CurrentUser.MAX_DISPLAY_NAME).startsWith("Alice Adeyemi-").endsWith("…");
    }

    @Test
    void subjectLongerThanTheSessionColumnSignsInAndTheSessionIsIndexedByItsHash() throws Exception {
        String subject = "alice-" + "0123456789".repeat(30).substring(0, 294);
        assertThat(subject).hasSize(300);

        HttpResponse<String> home = new SandboxBrowserlessLogin(portal()).signIn("alice", subject, claims -> claims);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Hello, <span>Alice Adeyemi</span>");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, CurrentUser.boundedSubject(subject))).isPositive();
        assertThat(CurrentUser.boundedSubject(subject)).startsWith("sha256:")
                .hasSize(71).isEqualTo(CurrentUser.boundedSubject(subject));
        assertThat(jdbc.queryForObject("select display_name from notification_person where subject = ?",
                String.class, CurrentUser.boundedSubject(subject))).isEqualTo("Alice Adeyemi");
    }

    @Test
    void subjectOfTwoHundredCharactersIsKeptAsItIsInTheSession() throws Exception {
        String subject = "sam-" + "x".repeat(196);

        HttpResponse<String> home = new SandboxBrowserlessLogin(portal()).signIn("sam", subject, claims -> claims);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, subject)).isPositive();
    }

    @Test
    void signingOutEndsTheProviderSessionAndLandsOnSignedOutPage() throws Exception {
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal());
        String home = login.signIn("adam").body();
        String token = home.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> logout = login.client().send(HttpRequest.newBuilder(portal().resolve("/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        URI providerLogout = SandboxBrowserlessLogin.location(logout);
        HttpResponse<String> page = login.followRedirects(logout);

        assertThat(providerLogout.getPath()).endsWith("/endsession");
        assertThat(page.uri().getPath()).isEqualTo("/signed-out");
        assertThat(login.get(portal().resolve("/")).statusCode()).isEqualTo(302);
    }

    @Test
    void healthIsPublicAndIncludesTheDatabaseOnlyForAdmins() throws Exception {
        SandboxBrowserlessLogin anonymous = new SandboxBrowserlessLogin(portal());
        HttpResponse<String> publicHealth = anonymous.client().send(
                HttpRequest.newBuilder(portal().resolve("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(publicHealth.statusCode()).isEqualTo(200);
        assertThat(publicHealth.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");

        SandboxBrowserlessLogin admin = new SandboxBrowserlessLogin(portal());
        admin.signIn("adam");
        HttpResponse<String> adminHealth = admin.client().send(
                HttpRequest.newBuilder(portal().resolve("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(adminHealth.body()).contains("\"db\"").contains("PostgreSQL");
    }

    @Test
    void actuatorBeyondHealthIsForAdminsOnly() throws Exception {
        SandboxBrowserlessLogin requester = new SandboxBrowserlessLogin(portal());
        requester.signIn("alice");
        assertThat(json(requester, "/actuator/metrics").statusCode()).isEqualTo(403);

        SandboxBrowserlessLogin admin = new SandboxBrowserlessLogin(portal());
        admin.signIn("adam");
        assertThat(json(admin, "/actuator/metrics").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> json(SandboxBrowserlessLogin session, String path) throws Exception {
        return session.client().send(HttpRequest.newBuilder(portal().resolve(path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
