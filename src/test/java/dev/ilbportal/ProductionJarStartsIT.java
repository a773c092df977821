package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;

/**
 * The production jar, which carries no sandbox library, starts on production settings alone: an outside PostgreSQL,
 * an outside OpenID Connect provider and a Civo API key. (Here they are an embedded PostgreSQL, a mock provider and
 * the simulator, all started by this test outside the portal's process.)
 */
class ProductionJarStartsIT {

    @Test
    void startsOnProductionSettingsAndSendsVisitorsToTheConfiguredProvider() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             CivoSimulator civo = CivoSimulator.start(SimulatorSettings.forTests())) {
            MockOAuth2Server provider = new MockOAuth2Server();
            provider.start();
            Process portal = null;
            try {
                String issuer = provider.issuerUrl("production").toString();
                ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", System.getProperty("portal.jar"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                Map<String, String> env = builder.environment();
                env.put("SERVER_PORT", Integer.toString(port));
                env.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
                env.put("SPRING_DATASOURCE_USERNAME", "postgres");
                env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
                env.put("PORTAL_IDENTITY_OIDC_ISSUER_URI", issuer);
                env.put("PORTAL_IDENTITY_OIDC_CLIENT_ID", "ilb-portal");
                env.put("PORTAL_IDENTITY_OIDC_CLIENT_SECRET", "secret");
                env.put("CIVO_API_KEY", civo.apiKey());
                env.put("PORTAL_CIVO_BASE_URL", civo.baseUrl().toString());
                Path audit = java.nio.file.Files.createTempDirectory("portal-audit");
                env.put("PORTAL_AUDIT_SIGNING_KEY_FILE", audit.resolve("signing-key.pem").toString());
                env.put("PORTAL_AUDIT_GENERATE_MISSING_KEY", "true");
                env.put("PORTAL_AUDIT_CHECKPOINT_DIRECTORY", audit.resolve("checkpoints").toString());
                portal = builder.start();

                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpResponse<String> health = null;
                long deadline = System.currentTimeMillis() + 90_000;
                while (System.currentTimeMillis() < deadline && portal.isAlive()) {
                    try {
                        health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                        break;
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(500);
                    }
                }
                assertThat(health).as("the portal answered").isNotNull();
                assertThat(health.body()).contains("\"status\":\"UP\"");

                HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/oauth2/authorization/portal")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(302);
                assertThat(login.headers().firstValue("Location").orElseThrow()).startsWith(issuer);
            } finally {
                if (portal != null) {
                    portal.destroy();
                    portal.waitFor();
                }
                provider.shutdown();
            }
        }
    }
}
