package dev.ilbportal.verification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.ProbeSignature;
import dev.ilbportal.verification.Side;
import dev.ilbportal.verification.Vantage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A probe agent elsewhere (usually outside the private network) as a vantage point: each probe is one signed HTTPS
 * request, and the answer counts only when the agent signed it over this request's nonce. An agent that does not
 * answer, refuses, or answers unsigned or with a wrong signature makes the check inconclusive, never a pass.
 */
public class RemoteProbeAgentVantage implements Vantage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI agent;
    private final String secret;
    private final Side side;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RemoteProbeAgentVantage(URI agent, String secret, Side side, Clock clock) {
        this.agent = agent;
        this.secret = secret;
        this.side = side;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "probe-agent-" + side.name().toLowerCase() + " (" + agent.getHost() + ")";
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
        ObjectNode request = JSON.createObjectNode();
        request.put("ip", ip);
        request.put("port", port);
        request.put("http", http);
        request.put("timeout_ms", timeout.toMillis());
        String body = JSON.writeValueAsString(request);
        long timestamp = clock.instant().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        try {
            HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(agent.resolve("/probe"))
                            .timeout(timeout.plusSeconds(5))
                            .header("Content-Type", "application/json")
                            .header(ProbeSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                            .header(ProbeSignature.NONCE_HEADER, nonce)
                            .header(ProbeSignature.SIGNATURE_HEADER, ProbeSignature.sign(secret, timestamp, nonce,
                                    body))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Probe(Probe.Reach.ERROR, "The probe agent answered " + response.statusCode(), null);
            }
            String answerSignature = response.headers().firstValue(ProbeSignature.ANSWER_SIGNATURE_HEADER)
                    .orElse(null);
            if (answerSignature == null) {
                return new Probe(Probe.Reach.UNTRUSTED, LoadBalancerChecks.UNTRUSTED_MARK + ": it was unsigned",
                        null);
            }
            if (!ProbeSignature.answerMatches(secret, nonce, response.body(), answerSignature)) {
                return new Probe(Probe.Reach.UNTRUSTED, LoadBalancerChecks.UNTRUSTED_MARK
                        + ": its signature does not match this request", null);
            }
            JsonNode answer = JSON.readTree(response.body());
            Integer status = answer.has("http_status") ? answer.get("http_status").asInt() : null;
            return new Probe(Probe.Reach.valueOf(answer.get("reach").asString()), answer.path("detail").asString(),
                    status);
        } catch (java.io.IOException | RuntimeException e) {
            return new Probe(Probe.Reach.ERROR, "The probe agent did not answer: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(Probe.Reach.ERROR, "Interrupted", null);
        }
    }
}
