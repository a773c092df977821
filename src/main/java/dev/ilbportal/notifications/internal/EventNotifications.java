package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerEndingSoon;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningFailed;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestEvents.RequestRejected;
import dev.ilbportal.requests.RequestEvents.RequestSubmitted;
import dev.ilbportal.shared.PortalEvent;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.VerificationEvents.ProbeAnswerRefused;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what other modules did into notifications and writes them to the outbox. The listeners are synchronous, so
 * they run in the publisher's transaction: the notification commits with the change, or not at all.
 */
@Component
class EventNotifications {

    private final Outbox outbox;
    private final RequestSummaries summaries;
    private final Clock clock;

    EventNotifications(Outbox outbox, RequestSummaries summaries, Clock clock) {
        this.outbox = outbox;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** The events that become notifications, each through its own {@code notificationFor}. */
    @EventListener({RequestSubmitted.class, RequestApproved.class, RequestRejected.class,
            LoadBalancerProvisioned.class, ProvisioningFailed.class, ProofStatusChanged.class,
            LoadBalancerEndingSoon.class, ProbeAnswerRefused.class})
    void on(PortalEvent event) {
        Notification notification = switch (event) {
            case RequestSubmitted submitted -> notificationFor(submitted);
            case RequestApproved approved -> notificationFor(approved);
            case RequestRejected rejected -> notificationFor(rejected);
            case LoadBalancerProvisioned provisioned -> notificationFor(provisioned);
            case ProvisioningFailed failed -> notificationFor(failed);
            // Exposed and stale go to the team and admins at once, and so does the way back to proven.
            case ProofStatusChanged changed when changed.to().alarming() || changed.recovered() ->
                    notificationFor(changed);
            case LoadBalancerEndingSoon endingSoon -> notificationFor(endingSoon);
            case ProbeAnswerRefused refused -> notificationFor(refused);
            default -> null;
        };
        if (notification != null) {
            outbox.enqueue(notification);
        }
    }

    Notification notificationFor(LoadBalancerEndingSoon event) {
        String when = event.daysBefore() == 1 ? "tomorrow" : "in " + event.daysBefore() + " days";
        String title = "Load balancer " + event.name() + " ends " + when;
        String text = "The internal load balancer " + event.name() + " of team " + event.team() + " reaches its end "
                + "date on " + event.endsOn() + ". On that day the portal asks for its decommissioning. To keep it "
                + "longer, ask for a later end date.";
        return notification(NotificationKind.END_DATE_REMINDER, event.team(), title, text, "/inventory", null,
                event.loadBalancerId(), Audience.team(event.team()));
    }

    Notification notificationFor(RequestSubmitted event) {
        RequestSummary request = summary(event.requestId());
        String title = "Request " + request.name() + " (team " + event.team() + ") waits for your approval";
        String text = event.by().displayName() + " submitted revision " + event.revision() + " of request "
                + request.name() + " for team " + event.team() + " in region " + event.region()
                + ". It waits for an approver's decision.";
        return notification(NotificationKind.REQUEST_SUBMITTED, event.team(), title, text,
                requestPath(event.requestId()), event.requestId(), null,
                Audience.role(PortalRole.APPROVER).except(event.by().subject()));
    }

    Notification notificationFor(RequestApproved event) {
        RequestSummary request = summary(event.requestId());
        String title = "Request " + request.name() + " was approved";
        String text = event.by().displayName() + (event.override() ? " approved (as an admin override) " : " approved ")
                + "revision " + event.revision() + " of request " + request.name() + " for team " + event.team()
                + ". Provisioning starts now."
                + (event.reason() == null || event.reason().isBlank() ? "" : "\nReason: " + event.reason());
        return notification(NotificationKind.REQUEST_APPROVED, event.team(), title, text,
                requestPath(event.requestId()), event.requestId(), null, Audience.person(request.requesterSubject()));
    }

    Notification notificationFor(RequestRejected event) {
        RequestSummary request = summary(event.requestId());
        String title = "Request " + request.name() + " was rejected";
        String text = event.by().displayName() + " rejected revision " + event.revision() + " of request "
                + request.name() + " for team " + event.team() + ".\nReason: " + event.reason();
        return notification(NotificationKind.REQUEST_REJECTED, event.team(), title, text,
                requestPath(event.requestId()), event.requestId(), null, Audience.person(request.requesterSubject()));
    }

    Notification notificationFor(LoadBalancerProvisioned event) {
        RequestSummary request = summary(event.requestId());
        String title = "Load balancer " + request.name() + " is ready";
        String text = "The internal load balancer " + request.name() + " of team " + event.team() + " is available in "
                + event.region() + " at private address " + event.privateIp() + ", behind firewall "
                + event.firewallId() + " with no inbound rules.";
        return notification(NotificationKind.PROVISIONED, event.team(), title, text,
                progressPath(event.requestId()), event.requestId(), event.loadBalancerId(),
                Audience.person(request.requesterSubject()));
    }

    Notification notificationFor(ProvisioningFailed event) {
        RequestSummary request = summary(event.requestId());
        String title = "Provisioning of " + request.name() + " failed";
        String text = "Provisioning of request " + request.name() + " for team " + event.team() + " failed at step "
                + event.step() + (event.code() == null ? "" : " (" + event.code() + ")") + ": " + event.reason()
                + "\nAn admin can retry it from the failed step or abandon it.";
        return notification(NotificationKind.PROVISIONING_FAILED, event.team(), title, text,
                progressPath(event.requestId()), event.requestId(), null,
                Audience.person(request.requesterSubject()).and(PortalRole.ADMIN));
    }

    Notification notificationFor(ProofStatusChanged event) {
        NotificationKind kind;
        String title;
        String text;
        if (event.to() == ProofStatus.EXPOSED) {
            kind = NotificationKind.DRIFTED;
            title = "Load balancer " + event.name() + " is exposed";
            text = "The internal load balancer " + event.name() + " of team " + event.team()
                    + (event.from() == ProofStatus.PROVEN ? " passed verification before and now fails"
                    : " fails verification") + ", so it may be reachable from outside. " + event.reason() + ".";
        } else if (event.to() == ProofStatus.STALE) {
            kind = NotificationKind.STALE;
            title = "Load balancer " + event.name() + " is no longer proven internal";
            text = "The internal load balancer " + event.name() + " of team " + event.team()
                    + " has had no passing verification for more than twice the interval. " + event.reason()
                    + ". The schedule may have stopped, an agent may be down, or Civo may not answer.";
        } else {
            kind = NotificationKind.RECOVERED;
            title = "Load balancer " + event.name() + " recovered";
            text = "The internal load balancer " + event.name() + " of team " + event.team()
                    + " passes verification again (it was " + event.from().title().toLowerCase() + ").";
        }
        return notification(kind, event.team(), title, text, verificationPath(event.loadBalancerId()), null,
                event.loadBalancerId(), Audience.team(event.team()).and(PortalRole.ADMIN));
    }

    Notification notificationFor(ProbeAnswerRefused event) {
        String title = "A probe agent's answer was refused";
        String text = "Verification threw away an answer of " + event.vantage() + ": " + event.reason()
                + ". Someone between the portal and the agent may be answering in its place; the checks it "
                + "answered are inconclusive.";
        return notification(NotificationKind.PROBE_ANSWER_REFUSED, null, title, text, "/inventory", null, null,
                Audience.role(PortalRole.ADMIN));
    }

    private RequestSummary summary(UUID requestId) {
        return summaries.of(requestId).orElse(new RequestSummary(requestId.toString(), null, null));
    }

    private Notification notification(NotificationKind kind, String team, String title, String text, String path,
                                      UUID requestId, UUID loadBalancerId, Audience audience) {
        Instant now = clock.instant();
        return new Notification(UUID.randomUUID(), kind, team, title, text, path, requestId, loadBalancerId, now,
                audience);
    }

    static String requestPath(UUID requestId) {
        return "/requests/" + requestId;
    }

    static String progressPath(UUID requestId) {
        return "/provisioning/requests/" + requestId;
    }

    static String verificationPath(UUID loadBalancerId) {
        return "/verification/load-balancers/" + loadBalancerId;
    }
}
