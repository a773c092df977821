package dev.ilbportal.civo.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A Kubernetes cluster whose services may need an internal load balancer; {@code ccm_installed} arrives as the string
 * {@code "true"}, tags may arrive as a space-separated string, and the kubeconfig is plain YAML text (treat it as a secret).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KubernetesCluster(
        String id,
        String name,
        String networkId,
        String firewallId,
        String status,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean ready,
        String kubeconfig,
        String apiEndpoint,
        String masterIp,
        String dnsEntry,
        String kubernetesVersion,
        String clusterType,
        String cniPlugin,
        @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean ccmInstalled,
        @JsonDeserialize(using = TagsDeserializer.class) List<String> tags,
        List<KubernetesNode> instances,
        String createdAt,
        String builtAt) {

    public KubernetesCluster {
        tags = Lists.orEmpty(tags);
        instances = Lists.orEmpty(instances);
    }

    @Override
    public String toString() {
        return "KubernetesCluster[id=" + id + ", name=" + name + ", networkId=" + networkId + ", status=" + status
                + ", ready=" + ready + ", kubeconfig=" + (kubeconfig == null ? null : "****") + "]";
    }
}
