package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Load balancer targets chosen by instance tags or names rather than IPs; empty lists are not sent because Civo wants
 * either tags or names in one pool, not both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InstancePool(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> names,
        @JsonInclude(JsonInclude.Include.NON_NULL) String protocol,
        int sourcePort,
        int targetPort,
        HealthCheck healthCheck) {

    public InstancePool {
        tags = Lists.orEmpty(tags);
        names = Lists.orEmpty(names);
    }
}
