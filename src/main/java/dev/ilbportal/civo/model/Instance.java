package dev.ilbportal.civo.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A virtual machine that can sit behind a load balancer, by IP or by tag/name in an instance pool. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Instance(
        String id,
        String name,
        String hostname,
        List<String> tags,
        String privateIp,
        String publicIp,
        String networkId,
        String firewallId,
        String status,
        String region,
        String size,
        Integer cpuCores,
        Integer ramMb,
        Integer diskGb,
        String createdAt,
        String sourceType,
        String sourceId,
        String reverseDns,
        String notes,
        String ipv6,
        String initialUser) {

    public Instance {
        tags = Lists.orEmpty(tags);
    }
}
