package dev.ilbportal.requests;

import dev.ilbportal.requests.internal.EndDate;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.requests.internal.SpecSnapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Where provisioning asks for a load balancer's end date to move later: a request of its own kind, checked like the
 * wizard's end date (after today, within {@code portal.requests.max-lifetime}, and later than the current one),
 * approved like any other. Its plan has no Civo call.
 */
@Service
public class EndDateExtensions {

    private final LoadBalancerRequests requests;
    private final RequestsProperties properties;
    private final Clock clock;

    EndDateExtensions(LoadBalancerRequests requests, RequestsProperties properties, Clock clock) {
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /** What is asked: the inventory entry and its request, where it is, its current end date, the new one as typed. */
    public record ExtensionAsk(UUID loadBalancerId, UUID builtByRequestId, String team, String region, String name,
                               LocalDate currentEndsOn, String newEndsOn, String reason, Participant by) {
    }

    /** A refused end date, said for the date field. */
    public static final class EndDateRefused extends RequestRuleViolation {
        public EndDateRefused(String message) {
            super(message);
        }
    }

    /**
     * Files the extension and returns its id.
     *
     * @throws EndDateRefused       when the new date is missing, garbage, not after today or the current end date, or
     *                              too far ahead
     * @throws RequestRuleViolation without a reason, or when an extension is already waiting
     */
    @Transactional
    public UUID ask(ExtensionAsk ask) {
        LocalDate today = LocalDate.now(clock);
        EndDate endDate = EndDate.parse(ask.newEndsOn(), today, properties.maxLifetime());
        if (endDate.problem() != null) {
            throw new EndDateRefused(endDate.problem());
        }
        if (endDate.date() == null) {
            throw new EndDateRefused("Enter the new end date as YYYY-MM-DD.");
        }
        if (ask.currentEndsOn() != null && !endDate.date().isAfter(ask.currentEndsOn())) {
            throw new EndDateRefused("The new end date must be later than the current one, " + ask.currentEndsOn()
                    + ".");
        }
        if (!StringUtils.hasText(ask.reason())) {
            throw new RequestRuleViolation("Say why it is needed for longer; approvers read it.");
        }
        if (requests.existsOpenExtensionFor(ask.loadBalancerId())) {
            throw new RequestRuleViolation("An extension of " + ask.name() + " is already waiting for its decision.");
        }
        SpecSnapshot spec = requests.specOfAskAbout(ask.builtByRequestId(), ask.reason(), ask.region(), ask.name());
        ProvisioningPlan noCalls = new ProvisioningPlan(ask.region(), List.of());
        LoadBalancerRequest request = LoadBalancerRequest.extendEndDate(ask.team(), ask.by(), ask.loadBalancerId(),
                spec, endDate.date(), noCalls.toSubmitted(), clock.instant(), properties.expiry());
        return requests.save(request).id();
    }
}
