package dev.ilbportal.requests;

import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.requests.internal.SpecRules;
import dev.ilbportal.requests.internal.SpecSnapshot;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Where provisioning asks for a load balancer to be taken down: the ask becomes a decommission request, submitted at
 * once with its plan, that waits for the same approvals as a new one. The request and its spec stay requests' own.
 */
@Service
public class Decommissions {

    private final LoadBalancerRequests requests;
    private final RequestsProperties properties;
    private final Clock clock;

    Decommissions(LoadBalancerRequests requests, RequestsProperties properties, Clock clock) {
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What is asked: the inventory entry and the request it was built from, where it is, why it can go, the plan of
     * calls that removes it, and who asks.
     */
    public record DecommissionAsk(UUID loadBalancerId, UUID builtByRequestId, String team, String region,
                                  String name, String reason, ProvisioningPlan plan, Participant by) {
    }

    /**
     * Files the decommission request and returns its id.
     *
     * @throws RequestRuleViolation without a reason, or when a decommission of that load balancer is already open
     */
    /** Whether a decommission of that load balancer is already asked for (open or approved). */
    @Transactional(readOnly = true)
    public boolean isAsked(UUID loadBalancerId) {
        return requests.existsDecommissionFor(loadBalancerId);
    }

    /**
     * The portal's own ask when a load balancer reaches its end date: filed in the portal's name, then either left
     * for an approver or approved at once, as {@code portal.requests.auto-decommission-approval} says.
     *
     * @return the request's id
     */
    @Transactional
    public UUID askAtEndDate(DecommissionAsk ask) {
        UUID id = ask(ask);
        if (properties.autoDecommissionApproval() == RequestsProperties.AutoDecommissionApproval.BY_POLICY) {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            request.approveByPolicy(RequestsProperties.AUTO_DECOMMISSION_APPROVAL, clock.instant());
            requests.save(request);
        }
        return id;
    }

    @Transactional
    public UUID ask(DecommissionAsk ask) {
        if (!StringUtils.hasText(ask.reason())) {
            throw new RequestRuleViolation("Say why it can go; approvers read it.");
        }
        if (ask.reason().length() > SpecRules.MAX_JUSTIFICATION_LENGTH) {
            throw new RequestRuleViolation("Keep the reason under " + SpecRules.MAX_JUSTIFICATION_LENGTH
                    + " characters; it has " + ask.reason().length() + ".");
        }
        if (SpecRules.hasControlCharacter(ask.reason())) {
            throw new RequestRuleViolation("The reason contains a control character (NUL, for example); remove it.");
        }
        if (requests.existsDecommissionFor(ask.loadBalancerId())) {
            throw new RequestRuleViolation("A decommission of " + ask.name() + " is already asked for.");
        }
        SpecSnapshot spec = requests.specOfAskAbout(ask.builtByRequestId(), ask.reason(), ask.region(), ask.name());
        LoadBalancerRequest request = LoadBalancerRequest.decommission(ask.team(), ask.by(), ask.loadBalancerId(),
                spec, ask.plan().toSubmitted(), clock.instant(), properties.expiry());
        try {
            return requests.saveAndFlush(request).id();
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            // The unique index of open decommissions: someone asked for the same one at the same moment.
            throw new RequestRuleViolation("A decommission of " + ask.name() + " is already asked for.");
        }
    }
}
