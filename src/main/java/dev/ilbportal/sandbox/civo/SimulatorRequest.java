package dev.ilbportal.sandbox.civo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One API call as the routes see it: method, the path below {@code /v2} (or {@code /v2/vpc}) split into segments,
 * the query, the JSON body and the region it addresses.
 */
final class SimulatorRequest {

    private final String method;
    private final List<String> segments;
    private final Map<String, String> query;
    private final JsonNode body;
    private final CivoWorld world;

    SimulatorRequest(String method, List<String> segments, String rawQuery, String rawBody, CivoWorld world) {
        this.method = method;
        this.segments = segments;
        this.query = parseQuery(rawQuery);
        this.body = parseBody(rawBody);
        this.world = world;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    static JsonNode parseBody(String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            return SimulatorJson.object();
        }
        JsonNode parsed;
        try {
            parsed = SimulatorJson.MAPPER.readTree(rawBody);
        } catch (JacksonException e) {
            // Civo's code for unparseable bodies is unknown [I]; the parameter_ family is the closest.
            throw CivoError.badRequest("parameter_body_invalid", "The request body is not valid JSON");
        }
        if (parsed == null || !parsed.isObject()) {
            throw CivoError.badRequest("parameter_body_invalid", "The request body must be a JSON object");
        }
        return parsed;
    }

    String method() {
        return method;
    }

    List<String> segments() {
        return segments;
    }

    int size() {
        return segments.size();
    }

    String segment(int index) {
        return segments.get(index);
    }

    boolean is(String expectedMethod, int expectedSize) {
        return method.equals(expectedMethod) && segments.size() == expectedSize;
    }

    String query(String name) {
        return query.get(name);
    }

    RequestFields fields() {
        return RequestFields.of(body);
    }

    /** Query parameter first, then the body's {@code region}, then the default region (docs/civo.md §1.4). */
    String region() {
        String code = query.get("region");
        if (code == null || code.isBlank()) {
            code = fields().text("region", null);
        }
        return world.region(code).code();
    }

    CivoWorld world() {
        return world;
    }
}
