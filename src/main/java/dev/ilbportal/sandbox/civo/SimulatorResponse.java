package dev.ilbportal.sandbox.civo;

import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** What the simulator answers: a status, a JSON body and any extra headers. */
record SimulatorResponse(int status, JsonNode body, Map<String, String> headers) {

    static SimulatorResponse ok(JsonNode body) {
        return new SimulatorResponse(200, body, Map.of());
    }

    /** A list answer: each item rendered as Civo renders it, in the given order. */
    static <T> SimulatorResponse okList(Iterable<T> items, Function<T, JsonNode> render) {
        ArrayNode list = SimulatorJson.array();
        items.forEach(item -> list.add(render.apply(item)));
        return ok(list);
    }

    static SimulatorResponse of(CivoError error) {
        return new SimulatorResponse(error.status(), SimulatorJson.error(error.code(), error.reason()), Map.of());
    }
}
