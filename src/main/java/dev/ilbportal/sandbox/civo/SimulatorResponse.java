package dev.ilbportal.sandbox.civo;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the simulator answers: a status, a JSON body and any extra headers. */
record SimulatorResponse(int status, JsonNode body, Map<String, String> headers) {

    static SimulatorResponse ok(JsonNode body) {
        return new SimulatorResponse(200, body, Map.of());
    }

    static SimulatorResponse of(CivoError error) {
        return new SimulatorResponse(error.status(), SimulatorJson.error(error.code(), error.reason()), Map.of());
    }
}
