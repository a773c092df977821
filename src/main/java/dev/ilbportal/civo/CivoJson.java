package dev.ilbportal.civo;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper for Civo bodies, tolerant of what Civo really sends (unknown fields, nulls for numbers). */
public final class CivoJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CivoJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
