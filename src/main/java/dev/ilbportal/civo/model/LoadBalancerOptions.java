package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Load balancer timeouts as Civo's duration strings ({@code "60s"}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoadBalancerOptions(String serverTimeout, String clientTimeout) {
}
