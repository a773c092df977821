package dev.ilbportal.sandbox.civo;

import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Side;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's vantage points over HTTP, for a portal in another process: {@code POST /sandbox/probe} with
 * {@code {"side":"inside","network_id":"...","ip":"10.0.0.5","port":443,"http":false,"timeout_ms":2000}} tries the
 * connection through the network model and answers {@code {"reach":"CONNECTED","detail":"...","http_status":200}}.
 * It takes the simulator's API key like every other path.
 */
final class ProbeRoutes {

    private static final long MAX_TIMEOUT_MS = 30_000;

    private final SandboxVantage inside;
    private final SandboxVantage outside;

    ProbeRoutes(SandboxNetwork network) {
        this.inside = new SandboxVantage(network, Side.INSIDE);
        this.outside = new SandboxVantage(network, Side.OUTSIDE);
    }

    SimulatorResponse handle(String method, String rawBody) {
        if (!method.equals("POST")) {
            throw CivoError.notFound("not_found", "Use POST on /sandbox/probe");
        }
        RequestFields fields = RequestFields.of(SimulatorRequest.parseBody(rawBody));
        String side = fields.choice("side", "", List.of("inside", "outside"));
        String networkId = fields.text("network_id", "");
        if (side.equals("inside") && networkId.isBlank()) {
            throw CivoError.missing("network_id");
        }
        String ip = fields.requiredText("ip");
        int port = fields.port("port", true);
        boolean http = fields.bool("http", false);
        Integer timeoutMs = fields.integer("timeout_ms");
        Duration timeout = Duration.ofMillis(Math.min(MAX_TIMEOUT_MS, Math.max(1, timeoutMs == null ? 5000 : timeoutMs)));
        Probe probe = (side.equals("inside") ? inside : outside).probe(networkId, ip, port, http, timeout);
        ObjectNode answer = SimulatorJson.object().put("reach", probe.reach().name().toUpperCase(Locale.ROOT))
                .put("detail", probe.detail());
        if (probe.httpStatus() != null) {
            answer.put("http_status", probe.httpStatus());
        }
        return SimulatorResponse.ok(answer);
    }
}
