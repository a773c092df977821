package dev.ilbportal.requests;

import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.requests.internal.SpecSnapshot;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Where provisioning asks for an exposed load balancer's firewall to be restored: the ask becomes a request of its own
 * kind, submitted at once with the plan read from Civo, that waits for the same approvals as any other, unless the
 * {@code portal.requests.restore-without-approval} policy lets a plan that only deletes rules through.
 */
@Service
public class FirewallRestores {

    private final LoadBalancerRequests requests;
    private final RequestsProperties properties;
    private final Clock clock;

    public FirewallRestores(LoadBalancerRequests requests, RequestsProperties properties, Clock clock) {
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What is asked: the inventory entry and the request it was built from, where it is, why, the plan of calls that
     * restores it, and who asks.
     */
    public record RestoreAsk(UUID loadBalancerId, UUID builtByRequestId, String team, String region, String name,
                             String reason, ProvisioningPlan plan, Participant by) {
    }

    /** The filed request, and whether the policy approved it at once. */
    public record Filed(UUID requestId, boolean approvedByPolicy) {
    }

    /**
     * Files the restore request.
     *
     * @throws RequestRuleViolation without a reason, with nothing to restore, or when a restore of that load balancer
     *                              is already waiting
     */
    @Transactional
    public Filed ask(RestoreAsk ask) {
        if (!StringUtils.hasText(ask.reason())) {
            throw new RequestRuleViolation("Say what happened and why the firewall should be restored; approvers read "
                    + "it.");
        }
        if (ask.plan().ruleDeletions().isEmpty() && ask.plan().firewallAttach().isEmpty()) {
            throw new RequestRuleViolation("Civo shows nothing to restore: the approved firewall is attached and has "
                    + "no ingress rule. Verify again.");
        }
        if (requests.existsOpenRestoreFor(ask.loadBalancerId())) {
            throw new RequestRuleViolation("A restore of " + ask.name() + "'s firewall is already waiting for its "
                    + "decision.");
        }
        SpecSnapshot spec = requests.specOfAskAbout(ask.builtByRequestId(), ask.reason(), ask.region(), ask.name());
        LoadBalancerRequest request = LoadBalancerRequest.restoreFirewall(ask.team(), ask.by(), ask.loadBalancerId(),
                spec, ask.plan().toSubmitted(), clock.instant(), properties.expiry());
        boolean byPolicy = properties.restoreWithoutApproval() && ask.plan().isPureRuleRemoval();
        if (byPolicy) {
            request.approveByPolicy(RequestsProperties.RESTORE_WITHOUT_APPROVAL, clock.instant());
        }
        return new Filed(requests.save(request).id(), byPolicy);
    }
}
