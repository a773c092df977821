package dev.ilbportal.requests;

import dev.ilbportal.civo.CivoJson;

/** How a spec is stored on the request: camelCase JSON of the spec records, read back leniently. */
final class SpecJson {

    private SpecJson() {
    }

    static String write(LoadBalancerSpec spec) {
        return CivoJson.mapper().writeValueAsString(spec);
    }

    static LoadBalancerSpec read(String json) {
        return CivoJson.mapper().readValue(json, LoadBalancerSpec.class);
    }

    static SpecSnapshot snapshot(LoadBalancerSpec spec) {
        return new SpecSnapshot(write(spec), blankToNull(spec.region()), blankToNull(spec.name()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
