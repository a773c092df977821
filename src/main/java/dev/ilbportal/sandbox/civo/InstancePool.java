package dev.ilbportal.sandbox.civo;

import java.util.List;

/** Instances a load balancer sends traffic to, chosen by tags or by names. */
record InstancePool(List<String> tags, List<String> names, String protocol, int sourcePort, int targetPort,
        int healthCheckPort, String healthCheckPath) {
}
