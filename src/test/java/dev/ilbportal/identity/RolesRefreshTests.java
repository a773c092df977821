package dev.ilbportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import dev.ilbportal.support.MutableClock;
import dev.ilbportal.support.MutableClockConfiguration;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Roles and teams are read again when the access token is refreshed, through the sandbox's real OpenID Connect
 * provider over HTTP: the portal's clock moves past the access token's hour, the next click refreshes it with the
 * refresh token, and the provider's new ID token carries the person's groups as they are now.
 */
@PortalApplicationTest
@Import(MutableClockConfiguration.class)
class RolesRefreshTests {

    @LocalServerPort
    int port;

    @Autowired
    MockOAuth2Server provider;

    @Autowired
    MutableClock clock;

    private URI portal() {
        return URI.create("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The provider's answer to the next token request: Adam as the directory has him now. */
    private void providerNowSaysAdamIsIn(List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("portal", "adam", JOSEObjectType.JWT.getType(),
                List.of("ilb-portal"), Map.of("name", "Adam Novak", "preferred_username", "adam",
                        "email", "adam@platform.example", "groups", groups), 3600));
    }

    private int status(SandboxBrowserlessLogin session, String path) throws Exception {
        return session.client().send(HttpRequest.newBuilder(portal().resolve(path))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void personRemovedFromTheAdminGroupLosesTheRoleAtTheNextRefresh() throws Exception {
        SandboxBrowserlessLogin adam = new SandboxBrowserlessLogin(portal());
        adam.signIn("adam");
        assertThat(status(adam, "/actuator/metrics")).as("as admin, before the refresh").isEqualTo(200);

        providerNowSaysAdamIsIn(List.of("portal-auditors"));
        try {
            clock.advance(Duration.ofMinutes(30));
            assertThat(status(adam, "/actuator/metrics")).as("the access token is still valid: no refresh yet")
                    .isEqualTo(200);

            clock.advance(Duration.ofMinutes(40));
            assertThat(status(adam, "/actuator/metrics")).as("after the refresh").isEqualTo(403);
            // The new token's hour runs from the provider's now: back on that clock, no further refresh is due.
            clock.reset();
            HttpResponse<String> home = adam.get(portal().resolve("/"));
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<strong>Auditor</strong>").doesNotContain("<strong>Admin</strong>");
        } finally {
            drainUnusedCallback();
        }
    }

    @Test
    void refreshWhoseIdTokenNamesSomeoneElseEndsTheSession() throws Exception {
        SandboxBrowserlessLogin audrey = new SandboxBrowserlessLogin(portal());
        audrey.signIn("audrey");
        assertThat(status(audrey, "/")).isEqualTo(200);

        providerNowSaysAdamIsIn(List.of("portal-admins"));
        try {
            clock.advance(Duration.ofMinutes(70));

            HttpResponse<String> next = audrey.get(portal().resolve("/"));
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(SandboxBrowserlessLogin.location(next).getPath()).isEqualTo("/oauth2/authorization/portal");
        } finally {
            drainUnusedCallback();
        }
    }

    /** A callback the portal did not use (the test failed before the refresh) must not sign someone else in. */
    private void drainUnusedCallback() throws Exception {
        java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(provider.tokenEndpointUrl("portal").toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=drain&client_secret=drain&scope=drain")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
