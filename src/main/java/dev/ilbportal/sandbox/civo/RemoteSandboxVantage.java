package dev.ilbportal.sandbox.civo;

import dev.ilbportal.civo.CivoConnection;
import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Side;
import dev.ilbportal.verification.Vantage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A vantage point of a standalone Civo sandbox (another process): each probe is a {@code POST /sandbox/probe} to the
 * sandbox the portal uses as Civo, with the same key. No answer makes the check inconclusive, never a pass.
 */
final class RemoteSandboxVantage implements Vantage {

    private final CivoConnection sandbox;
    private final Side side;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RemoteSandboxVantage(CivoConnection sandbox, Side side) {
        this.sandbox = sandbox;
        this.side = side;
    }

    @Override
    public String name() {
        return "sandbox-" + side.name().toLowerCase(Locale.ROOT) + " (" + sandbox.baseUrl().getHost() + ")";
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Probe probe(String networkId, String ip, int port, boolean probeHttp, Duration timeout) {
        ObjectNode body = SimulatorJson.object().put("side", side.name().toLowerCase(Locale.ROOT))
                .put("network_id", networkId == null ? "" : networkId).put("ip", ip).put("port", port)
                .put("http", probeHttp).put("timeout_ms", timeout.toMillis());
        URI uri = URI.create(sandbox.baseUrl().toString().replaceAll("/+$", "") + "/sandbox/probe");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout.plusSeconds(5))
                    .header("Authorization", "Bearer " + sandbox.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SimulatorJson.write(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Probe(Probe.Reach.ERROR, "The Civo sandbox answered " + response.statusCode()
                        + " to a probe", null);
            }
            JsonNode answer = SimulatorJson.MAPPER.readTree(response.body());
            Integer status = answer.has("http_status") ? answer.get("http_status").asInt() : null;
            return new Probe(Probe.Reach.valueOf(answer.get("reach").asString()), answer.path("detail").asString(),
                    status);
        } catch (IOException | RuntimeException e) {
            return new Probe(Probe.Reach.ERROR, "The Civo sandbox did not answer a probe: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(Probe.Reach.ERROR, "Interrupted", null);
        }
    }
}
