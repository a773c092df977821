package dev.ilbportal.requests.approval;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.SpecJson;
import dev.ilbportal.requests.internal.TeamBindings;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The request page's warnings for approvers and admins: the network, cluster or namespace asked for is not bound to
 * the request's team ({@link TeamBindings#warnings}). Networks and clusters come from the short-lived look-up cache,
 * read outside any transaction; when Civo does not answer the page says so instead.
 */
@Service
class BindingWarnings {

    private final TeamBindings bindings;
    private final CivoLookupCache lookups;

    BindingWarnings(TeamBindings bindings, CivoLookupCache lookups) {
        this.bindings = bindings;
        this.lookups = lookups;
    }

    List<String> of(RequestPage page, CurrentUser viewer) {
        if (!viewer.has(PortalRole.APPROVER) && !viewer.has(PortalRole.ADMIN)) {
            return List.of();
        }
        LoadBalancerSpec spec;
        try {
            spec = SpecJson.read(page.specJson());
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        if (spec.region() == null || spec.region().isBlank()) {
            return List.of();
        }
        try {
            Optional<Network> network = spec.networkId() == null ? Optional.empty()
                    : lookups.networks(spec.region()).stream().filter(n -> spec.networkId().equals(n.id())).findFirst();
            Optional<String> clusterId = Optional.ofNullable(spec.target())
                    .flatMap(LoadBalancerSpec.BackendTarget::kubernetes)
                    .map(LoadBalancerSpec.KubernetesTarget::clusterId);
            Optional<KubernetesCluster> cluster = clusterId.isEmpty() ? Optional.empty()
                    : lookups.kubernetesClusters(spec.region()).stream()
                            .filter(c -> clusterId.get().equals(c.id())).findFirst();
            return bindings.warnings(page.team(), spec, network, cluster);
        } catch (CivoApiException failure) {
            return List.of("Civo did not answer, so the portal could not check this request against team "
                    + page.team() + "'s bindings; look at the network and cluster before deciding.");
        }
    }
}
