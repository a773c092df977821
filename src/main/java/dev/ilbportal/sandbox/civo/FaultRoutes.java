package dev.ilbportal.sandbox.civo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own admin endpoint, outside Civo's paths: {@code GET /sandbox/faults} lists what is active,
 * {@code POST /sandbox/faults} adds faults, {@code DELETE /sandbox/faults} clears them all.
 */
final class FaultRoutes {

    private final SandboxFaults faults;

    FaultRoutes(SandboxFaults faults) {
        this.faults = faults;
    }

    SimulatorResponse handle(String method, String rawBody) {
        return switch (method) {
            case "GET" -> SimulatorResponse.ok(describe());
            case "POST" -> {
                add(SimulatorRequest.parseBody(rawBody));
                yield SimulatorResponse.ok(describe());
            }
            case "DELETE" -> {
                faults.clear();
                yield SimulatorResponse.ok(SimulatorJson.success());
            }
            default -> throw CivoError.notFound("not_found", "Use GET, POST or DELETE on /sandbox/faults");
        };
    }

    /** Body: {@code {"seed":7,"faults":[{...}],"keep_pending":["stuck-*"]}}; every key is optional. */
    private void add(JsonNode body) {
        RequestFields fields = RequestFields.of(body);
        if (fields.has("seed")) {
            JsonNode seed = body.get("seed");
            if (!seed.isIntegralNumber()) {
                throw CivoError.invalid("seed", "expected an integer");
            }
            faults.reseed(seed.longValue());
        }
        for (RequestFields fault : fields.objects("faults")) {
            faults.inject(fault(fault));
        }
        fields.strings("keep_pending").forEach(faults::keepPending);
    }

    private static Fault fault(RequestFields fields) {
        String kind = fields.choice("kind", "",
                List.of("error", "latency", "rate_limit", "drop_connection", "malformed_body"));
        Fault fault = switch (kind) {
            case "error" -> Fault.error(integer(fields, "status", 500),
                    fields.text("code", "internal_server_error"), fields.text("reason", "Injected by the sandbox"));
            case "latency" -> Fault.latency(Duration.ofMillis(integer(fields, "latency_ms", 1000)));
            case "rate_limit" -> Fault.rateLimit(Duration.ofSeconds(integer(fields, "retry_after_seconds", 1)));
            case "drop_connection" -> Fault.dropConnection();
            default -> Fault.malformedBody();
        };
        fault = fault.on(fields.text("method", null), fields.text("path", null))
                .times(integer(fields, "times", -1));
        if (fields.has("probability")) {
            double chance = fields.number("probability");
            if (chance < 0 || chance > 1) {
                throw CivoError.invalid("probability", "must be between 0 and 1");
            }
            fault = fault.withProbability(chance);
        }
        return fault;
    }

    private static int integer(RequestFields fields, String name, int fallback) {
        Integer value = fields.integer(name);
        return value == null ? fallback : value;
    }

    private ObjectNode describe() {
        ObjectNode json = SimulatorJson.object();
        ArrayNode list = json.putArray("faults");
        for (Fault fault : faults.active()) {
            ObjectNode node = list.addObject().put("kind", fault.kind().name().toLowerCase(Locale.ROOT))
                    .put("method", fault.method()).put("path", fault.path()).put("times", fault.times())
                    .put("probability", fault.probability());
            switch (fault.kind()) {
                case ERROR -> node.put("status", fault.status()).put("code", fault.code())
                        .put("reason", fault.reason());
                case LATENCY -> node.put("latency_ms", fault.delay().toMillis());
                case RATE_LIMIT -> node.put("retry_after_seconds", fault.delay().toSeconds());
                default -> {
                }
            }
        }
        json.set("keep_pending", SimulatorJson.strings(faults.pendingNamePatterns()));
        return json;
    }
}
