package dev.ilbportal.api;

import dev.ilbportal.sandbox.civo.SeedWorld;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Request bodies the JSON API's tests send, in the sandbox's world. */
public final class ApiBodies {

    private ApiBodies() {
    }

    /** A complete spec of the payments team's small database load balancer in the sandbox's world. */
    public static Map<String, Object> spec(String name) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("team", "payments");
        spec.put("region", "LON1");
        spec.put("networkId", SeedWorld.networkId("LON1", "payments-net"));
        spec.put("name", name);
        spec.put("algorithm", "round_robin");
        spec.put("firewall", Map.of("mode", "CREATE", "newName", name + "-internal"));
        spec.put("target", Map.of("kind", "INSTANCE_TAGS", "values", List.of("payments-api")));
        spec.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", 5432, "targetPort", 5432)));
        return spec;
    }

    /** A name no other test uses. */
    public static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** An approval, rejection or override of the request as the API last showed it; {@code reason} may be null. */
    public static Map<String, Object> decision(JsonNode request, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revisionNumber", request.get("currentRevision").asInt());
        body.put("planHash", request.get("planHash").asString());
        body.put("version", request.get("version").asLong());
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
