package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonDeserialize;

/** What a Civo region offers; the portal only places load balancers where {@code loadbalancer} is on. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegionFeatures(
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean iaas,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean kubernetes,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean objectStore,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean loadbalancer,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean dbaas,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean volume,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean paas,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean gpu,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean publicIpNodePools) {
}
