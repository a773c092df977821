package dev.ilbportal.requests.internal;

import dev.ilbportal.civo.CivoJson;
import tools.jackson.databind.node.ObjectNode;

/** How a spec is stored on the request: camelCase JSON of the spec records, read back leniently. */
public final class SpecJson {

    private SpecJson() {
    }

    public static String write(LoadBalancerSpec spec) {
        return CivoJson.mapper().writeValueAsString(spec);
    }

    public static LoadBalancerSpec read(String json) {
        return CivoJson.mapper().readValue(json, LoadBalancerSpec.class);
    }

    public static SpecSnapshot snapshot(LoadBalancerSpec spec) {
        return new SpecSnapshot(write(spec), blankToNull(spec.region()), blankToNull(spec.name()));
    }

    /** The stored spec of a load balancer with another justification: what a decommission request asks with. */
    public static String withJustification(String json, String justification) {
        ObjectNode spec = (ObjectNode) CivoJson.mapper().readTree(json);
        spec.put("justification", justification);
        return CivoJson.mapper().writeValueAsString(spec);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
