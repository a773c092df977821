package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A private network; a load balancer, its firewall and its backends must all share one. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Network(
        String id,
        String name,
        String label,
        @JsonProperty("default") @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean isDefault,
        String cidr,
        String cidrV6,
        String status,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean ipv4Enabled,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean ipv6Enabled,
        List<String> nameserversV4,
        List<String> nameserversV6,
        String gatewayIpv4,
        Integer freeIpCount,
        Integer vlanId,
        String physicalInterface,
        String allocationPoolV4Start,
        String allocationPoolV4End,
        String region) {

    public Network {
        nameserversV4 = Lists.orEmpty(nameserversV4);
        nameserversV6 = Lists.orEmpty(nameserversV6);
    }
}
