package dev.ilbportal.requests.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The approval policy.
 *
 * @param approvalsNeeded how many different approvers must approve the same revision
 * @param expiry          how long a submitted request waits for its decision before it expires
 * @param expiryCheck     how often the expiry job looks for requests that are due
 * @param restoreWithoutApproval whether a firewall restore whose plan only deletes ingress rules is approved by
 *                        policy at once (audited as such); a re-attach of the firewall always waits for an approver
 * @param maxLifetime     how far ahead a request's end date may be
 * @param autoDecommissionApproval whether the decommission filed at a load balancer's end date waits for an approver
 *                        or is approved by policy
 * @param teamBindings    by team (as the portal names it, e.g. {@code payments}): the Civo networks, clusters,
 *                        Kubernetes namespaces and instances its requests may use; a team without an entry may use
 *                        any, and approvers are warned (docs/hardening.md "Team bindings")
 */
@Validated
@ConfigurationProperties("portal.requests")
public record RequestsProperties(
        @DefaultValue("1") @Min(1) @Max(10) int approvalsNeeded,
        @DefaultValue("7d") @NotNull Duration expiry,
        @DefaultValue("5m") @NotNull Duration expiryCheck,
        @DefaultValue("false") boolean restoreWithoutApproval,
        @DefaultValue("365d") @NotNull Duration maxLifetime,
        @DefaultValue("wait-for-approver") @NotNull AutoDecommissionApproval autoDecommissionApproval,
        java.util.Map<String, TeamBinding> teamBindings) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public RequestsProperties {
        teamBindings = teamBindings == null ? java.util.Map.of() : java.util.Map.copyOf(teamBindings);
    }

    /** The policy without team bindings (every team may use any network, cluster and namespace). */
    public RequestsProperties(int approvalsNeeded, Duration expiry, Duration expiryCheck, boolean restoreWithoutApproval,
                              Duration maxLifetime, AutoDecommissionApproval autoDecommissionApproval) {
        this(approvalsNeeded, expiry, expiryCheck, restoreWithoutApproval, maxLifetime, autoDecommissionApproval,
                java.util.Map.of());
    }

    /**
     * What one team's requests may use. Each entry is a name with {@code *} as a wildcard, compared without regard to
     * case, or {@code tag:<tag>} (again with {@code *}) for what Civo tags: clusters and instances.
     *
     * @param networks   networks by label ({@code payments-net}), Civo name or id; a request in another is refused
     * @param clusters   Kubernetes clusters by name or id, or {@code tag:...}; none listed: no Kubernetes Services
     * @param namespaces Kubernetes namespaces ({@code payments}, {@code payments-*}); none listed: none allowed
     * @param instances  optional: instances by name or {@code tag:...} that tag or name pools may reach; none listed:
     *                   any instance of the team's networks
     */
    public record TeamBinding(java.util.List<String> networks, java.util.List<String> clusters,
                              java.util.List<String> namespaces, java.util.List<String> instances) {

        public TeamBinding {
            networks = networks == null ? java.util.List.of() : java.util.List.copyOf(networks);
            clusters = clusters == null ? java.util.List.of() : java.util.List.copyOf(clusters);
            namespaces = namespaces == null ? java.util.List.of() : java.util.List.copyOf(namespaces);
            instances = instances == null ? java.util.List.of() : java.util.List.copyOf(instances);
        }
    }

    /** What happens to the decommission the portal files when a load balancer reaches its end date. */
    public enum AutoDecommissionApproval {
        /** It waits in the queue for an approver, like any request. */
        WAIT_FOR_APPROVER,
        /** It is approved at once by the portal's policy (audited as such). */
        BY_POLICY
    }

    /** The name of the policy that approves end-of-life decommissions, as the audit trail shows it. */
    public static final String AUTO_DECOMMISSION_APPROVAL = "portal.requests.auto-decommission-approval";

    /** The name of the policy that lets pure rule removals through, as the audit trail shows it. */
    public static final String RESTORE_WITHOUT_APPROVAL = "portal.requests.restore-without-approval";
}
