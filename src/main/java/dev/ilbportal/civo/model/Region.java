package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A Civo region (from {@code GET /v2/regions}); every other resource lives in exactly one. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Region(
        String code,
        String name,
        String type,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean outOfCapacity,
        String country,
        String countryName,
        @JsonProperty("default") @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean isDefault,
        RegionFeatures features) {
}
