package dev.ilbportal.requests.approval;

import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.internal.RequestDecision;
import dev.ilbportal.requests.internal.RequestRevision;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.internal.RequestVisibility;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.requests.approval.RequestPage.Actions;
import dev.ilbportal.requests.approval.RequestPage.Decision;
import dev.ilbportal.requests.approval.RequestPage.Revision;
import dev.ilbportal.web.NotFoundException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;

/**
 * Reads one request as its page shows it to one person. A request the person may not see is "not found", so its
 * existence does not leak.
 */
@Service
public class RequestPages {

    private final LoadBalancerRequests requests;
    private final RequestsProperties properties;

    public RequestPages(LoadBalancerRequests requests, RequestsProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public RequestPage show(UUID id, CurrentUser user) {
        LoadBalancerRequest request = requests.findById(id)
                .filter(found -> RequestVisibility.canSee(user, found))
                .orElseThrow(() -> new NotFoundException("Request " + id));
        LoadBalancerSpec spec = readSpec(request.specJson());
        List<Revision> revisions = new ArrayList<>();
        RequestRevision previous = null;
        for (RequestRevision revision : request.revisions()) {
            SpecDiff diff = previous == null ? null : SpecDiff.between(previous.specJson(), revision.specJson());
            revisions.add(new Revision(revision.number(), revision.author().displayName(),
                    utc(revision.createdAt()), revision.planHash(), diff));
            previous = revision;
        }
        Revision current = revisions.stream()
                .filter(revision -> revision.number() == request.currentRevisionNumber()).findFirst().orElse(null);
        ProvisioningPlan plan = request.currentRevision()
                .map(revision -> ProvisioningPlan.read(revision.planJson(), revision.planHash()))
                .orElse(null);
        Collections.reverse(revisions);
        List<Decision> decisions = request.decisions().stream()
                .map(decision -> new Decision(decision.revisionNumber(), decision.outcome(),
                        decision.decider().displayName(), decision.reason(), utc(decision.decidedAt()),
                        decision.isVoided()))
                .toList();
        return new RequestPage(request.id(), request.name(), request.team(), request.region(), request.status(),
                request.requester().displayName(), utc(request.createdAt()), utc(request.submittedAt()),
                utc(request.expiresAt()), utc(request.decidedAt()), request.version(),
                spec == null ? List.of() : SpecDescription.of(spec), spec == null ? List.of() : spec.ports(),
                request.specJson(), current, plan, revisions, decisions, actionsFor(user, request));
    }

    private Actions actionsFor(CurrentUser user, LoadBalancerRequest request) {
        boolean submitted = request.status() == RequestStatus.SUBMITTED;
        String whyNot = null;
        if (user.has(PortalRole.APPROVER) && submitted) {
            whyNot = whyNoDecision(user, request);
        } else if (user.has(PortalRole.ADMIN) && submitted && request.authorsAndEditors().contains(user.subject())) {
            whyNot = whyNoDecision(user, request);
        }
        boolean mayDecide = user.has(PortalRole.APPROVER) && submitted && whyNot == null;
        boolean mayWithdraw = RequestVisibility.canChange(user, request) && (submitted
                || request.status() == RequestStatus.DRAFT || request.status() == RequestStatus.REJECTED);
        boolean mayEdit = mayWithdraw && request.kind() == dev.ilbportal.requests.RequestKind.PROVISION;
        return new Actions(mayDecide, whyNot, user.has(PortalRole.ADMIN) && submitted
                && !request.authorsAndEditors().contains(user.subject()), mayWithdraw, mayEdit,
                request.approvalsOfCurrentRevision(), properties.approvalsNeeded());
    }

    /** The aggregate's own rules, said before the approver tries: it refuses the same people when they do. */
    private static String whyNoDecision(CurrentUser user, LoadBalancerRequest request) {
        if (user.subject().equals(request.requester().subject())) {
            return "You asked for this load balancer, so you cannot decide on it.";
        }
        if (request.authorsAndEditors().contains(user.subject())) {
            return "You edited this request, so you cannot decide on it.";
        }
        boolean alreadyApproved = request.decisions().stream().anyMatch(decision -> !decision.isVoided()
                && decision.revisionNumber() == request.currentRevisionNumber()
                && decision.outcome() == RequestDecision.Outcome.APPROVED
                && decision.decider().subject().equals(user.subject()));
        if (alreadyApproved) {
            return "You have already approved revision " + request.currentRevisionNumber()
                    + "; it is waiting for another approver.";
        }
        return null;
    }

    private static LoadBalancerSpec readSpec(String json) {
        try {
            return CivoJson.mapper().readValue(json, LoadBalancerSpec.class);
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }
}
