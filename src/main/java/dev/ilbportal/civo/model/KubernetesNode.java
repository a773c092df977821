package dev.ilbportal.civo.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A node of a Kubernetes cluster, as embedded in the cluster; enough to point load balancer backends at it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KubernetesNode(
        String id,
        String hostname,
        String status,
        String publicIp,
        String privateIp,
        String firewallId,
        List<String> tags) {

    public KubernetesNode {
        tags = Lists.orEmpty(tags);
    }
}
