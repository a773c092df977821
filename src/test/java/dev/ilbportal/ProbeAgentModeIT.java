package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packaged jar started with --probe-agent is the probe agent alone: no database, no identity provider. */
class ProbeAgentModeIT {

    @Test
    void packagedJarRunsAsProbeAgent() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("portal.jar"), "--probe-agent")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORTAL_PROBE_AGENT_SECRET", "a-shared-secret-of-some-length");
        builder.environment().put("PORTAL_PROBE_AGENT_PORT", Integer.toString(port));
        builder.environment().put("PORTAL_PROBE_AGENT_BIND", "127.0.0.1");
        Process agent = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).isNotNull();
            assertThat(health.body()).contains("UP");
            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/probe"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(401);
        } finally {
            agent.destroy();
        }
    }
}
