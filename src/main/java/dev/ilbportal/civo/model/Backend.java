package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A load balancer target given by IP; ports are integers here, unlike in firewall rules. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Backend(
        String ip,
        @JsonInclude(JsonInclude.Include.NON_NULL) String protocol,
        int sourcePort,
        int targetPort,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer healthCheckPort) {
}
