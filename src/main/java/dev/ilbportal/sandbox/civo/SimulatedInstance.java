package dev.ilbportal.sandbox.civo;

import java.util.List;

/** A virtual machine of the seeded world, with the fields instance pools and backends need. */
record SimulatedInstance(String id, String name, String hostname, String region, String networkId,
        String firewallId, String privateIp, String publicIp, List<String> tags, String status, String size,
        int cpuCores, int ramMb, int diskGb, String createdAt) {

    boolean hasAllTags(List<String> wanted) {
        return tags.containsAll(wanted);
    }
}
