package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.sandbox.DemoPerson;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.JarProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production jar against a real Keycloak (the 26.x distribution from Maven Central, unpacked by the build into
 * target/keycloak, started with deploy/keycloak/ilb-portal-realm.json): every demo person signs in through
 * Keycloak's own login form in Chromium, sees their roles and teams (or the no-access page), and signs out.
 * Logs: target/keycloak-it/.
 */
class KeycloakSignInIT {

    private static final Path LOGS = Path.of("target", "keycloak-it");
    private static final String CLIENT_SECRET = "change-me-in-production";

    @Test
    void everyDemoPersonSignsInThroughKeycloaksLoginFormAndOut() throws Exception {
        long started = System.nanoTime();
        Path keycloakHome = Path.of(System.getProperty("portal.keycloak.home", "target/keycloak/missing"));
        assertThat(keycloakHome.resolve("bin/kc.sh")).as("Keycloak unpacked by the build").exists();
        int keycloakPort = JarProcess.freePort();
        int portalPort = JarProcess.freePort();
        writeRealm(keycloakHome, portalPort);

        List<String> command = List.of("bash", keycloakHome.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + keycloakPort,
                "--http-management-port=" + JarProcess.freePort(), "--health-enabled=false");
        Files.createDirectories(LOGS);
        ProcessBuilder keycloakBuilder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve("keycloak.log").toFile());
        keycloakBuilder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        keycloakBuilder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        Process keycloak = keycloakBuilder.start();
        String issuer = "http://localhost:" + keycloakPort + "/realms/ilb-portal";
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             CivoSimulator civo = CivoSimulator.start(SimulatorSettings.forTests())) {
            awaitHttp200(URI.create(issuer + "/.well-known/openid-configuration"), Duration.ofMinutes(8), keycloak);
            long keycloakUp = System.nanoTime();
            Map<String, String> environment = new HashMap<>();
            environment.put("SERVER_PORT", Integer.toString(portalPort));
            environment.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
            environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
            environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
            environment.put("PORTAL_IDENTITY_OIDC_ISSUER_URI", issuer);
            environment.put("PORTAL_IDENTITY_OIDC_CLIENT_ID", "ilb-portal");
            environment.put("PORTAL_IDENTITY_OIDC_CLIENT_SECRET", CLIENT_SECRET);
            environment.put("CIVO_API_KEY", civo.apiKey());
            environment.put("PORTAL_CIVO_BASEURL", civo.baseUrl().toString());
            environment.put("PORTAL_URL", "http://localhost:" + portalPort);
            environment.put("JAVA_TOOL_OPTIONS", "-Xmx384m");
            java.nio.file.Path audit = java.nio.file.Files.createTempDirectory("keycloak-it-audit");
            environment.put("PORTAL_AUDIT_SIGNINGKEYFILE", audit.resolve("signing-key.pem").toString());
            environment.put("PORTAL_AUDIT_GENERATEMISSINGKEY", "true");
            environment.put("PORTAL_AUDIT_CHECKPOINTDIRECTORY", audit.resolve("checkpoints").toString());
            try (JarProcess portal = new JarProcess("portal", List.of(), environment, LOGS).start();
                 Browser browser = Browser.start(url -> url.startsWith("http://localhost:" + portalPort + "/"))) {
                portal.awaitHealthy(URI.create("http://localhost:" + portalPort + "/actuator/health"),
                        Duration.ofMinutes(8));
                long portalUp = System.nanoTime();
                for (DemoPerson person : DemoPerson.all()) {
                    signInAndOut(browser.newPage(), person, "http://localhost:" + portalPort, keycloakPort);
                }
                System.out.printf("KeycloakSignInIT: Keycloak up after %.1fs, portal after %.1fs more, %d people "
                                + "signed in and out in %.1fs; total %.1fs%n", seconds(started, keycloakUp),
                        seconds(keycloakUp, portalUp), DemoPerson.all().size(), seconds(portalUp, System.nanoTime()),
                        seconds(started, System.nanoTime()));
            }
        } finally {
            keycloak.destroy();
            keycloak.waitFor();
        }
    }

    private static void signInAndOut(Page page, DemoPerson person, String portal, int keycloakPort) {
        page.navigate(portal + "/");
        assertThat(page.url()).as(person.username() + " is sent to Keycloak")
                .startsWith("http://localhost:" + keycloakPort + "/realms/ilb-portal/");
        page.fill("#username", person.username());
        page.fill("#password", person.username() + "-demo");
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(portal));
        Browser.screenshot(page, "keycloak-" + person.username());

        List<String> roles = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        for (String group : person.groups()) {
            switch (group) {
                case "portal-requesters" -> roles.add("Requester");
                case "portal-approvers" -> roles.add("Approver");
                case "portal-auditors" -> roles.add("Auditor");
                case "portal-admins" -> roles.add("Admin");
                default -> teams.add(group.substring("team-".length()));
            }
        }
        if (roles.isEmpty()) {
            assertThat(page.url()).as(person.username()).endsWith("/no-access");
            assertThat(page.locator("[data-test=no-access]").count()).isEqualTo(1);
        } else {
            String lead = page.locator("p.lead").innerText();
            assertThat(page.locator("[data-test=greeting]").innerText()).contains(person.name());
            assertThat(lead).as(person.username() + "'s roles and teams").contains(roles);
            for (String team : teams) {
                assertThat(lead).contains("member of").contains(team);
            }
            assertThat(page.locator("[data-test=signed-in-as]").innerText()).contains(person.name()).contains(roles);

            page.click("form[action='/logout'] button");
            page.waitForURL(url -> url.startsWith(portal + "/signed-out"));
            assertThat(page.locator("[data-test=signed-out]").count()).isEqualTo(1);
            page.navigate(portal + "/");
            assertThat(page.url()).as("after signing out, Keycloak asks again")
                    .startsWith("http://localhost:" + keycloakPort + "/realms/ilb-portal/");
            assertThat(page.locator("#username").count()).isEqualTo(1);
        }
        page.context().close();
    }

    /** The demo realm, with the client's redirect URIs pointing at this test's portal port. */
    private static void writeRealm(Path keycloakHome, int portalPort) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode realm = (ObjectNode) json.readTree(Path.of("deploy", "keycloak", "ilb-portal-realm.json").toFile());
        for (var client : realm.withArray("clients")) {
            if ("ilb-portal".equals(client.path("clientId").asString())) {
                ArrayNode redirects = ((ObjectNode) client).putArray("redirectUris");
                redirects.add("http://localhost:" + portalPort + "/login/oauth2/code/portal");
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris",
                        "http://localhost:" + portalPort + "/signed-out");
                assertThat(client.path("secret").asString()).isEqualTo(CLIENT_SECRET);
            }
        }
        Path imports = keycloakHome.resolve("data").resolve("import");
        Files.createDirectories(imports);
        Files.writeString(imports.resolve("ilb-portal-realm.json"), json.writeValueAsString(realm));
    }

    private static void awaitHttp200(URI uri, Duration timeout, Process process) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
                        + LOGS.resolve("keycloak.log"));
            }
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve " + uri + " within " + timeout);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
