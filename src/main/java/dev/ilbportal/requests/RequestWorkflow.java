package dev.ilbportal.requests;

import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestChangedMeanwhile;
import dev.ilbportal.requests.internal.RequestVisibility;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions on submitted requests: approve, reject, override, withdraw, expire. Each call loads the request,
 * checks who acts, applies one transition and saves it; a concurrent change makes the save fail (optimistic
 * locking), so exactly one outcome wins.
 */
@Service
public class RequestWorkflow {

    private final LoadBalancerRequests requests;
    private final RequestsProperties properties;
    private final Clock clock;

    public RequestWorkflow(LoadBalancerRequests requests, RequestsProperties properties, Clock clock) {
        this.requests = requests;
        this.properties = properties;
        this.clock = clock;
    }

    /** Approves the revision the approver reviewed, as long as the request is still as they saw it. */
    @Transactional
    public void approve(UUID requestId, long seenVersion, int revision, String planHash, CurrentUser approver) {
        decide(requestId, seenVersion, approver, PortalRole.APPROVER, (request, by, at) ->
                request.approve(revision, planHash, by, properties.approvalsNeeded(), at));
    }

    /** Rejects the revision the approver reviewed, with a reason, as long as the request is still as they saw it. */
    @Transactional
    public void reject(UUID requestId, long seenVersion, int revision, String planHash, String reason,
                       CurrentUser approver) {
        decide(requestId, seenVersion, approver, PortalRole.APPROVER, (request, by, at) ->
                request.reject(revision, planHash, by, reason, at));
    }

    /** An admin's audited approval outside the usual rules, as long as the request is still as they saw it. */
    @Transactional
    public void overrideApprove(UUID requestId, long seenVersion, int revision, String planHash, String reason,
                                CurrentUser admin) {
        decide(requestId, seenVersion, admin, PortalRole.ADMIN, (request, by, at) ->
                request.overrideApprove(revision, planHash, by, reason, at));
    }

    /** The requester's team takes the request back, as long as it is still as they saw it. */
    @Transactional
    public void withdraw(UUID requestId, long seenVersion, CurrentUser requester) {
        withdraw(loadAsSeen(requestId, seenVersion, requester), requester);
    }

    @Transactional
    public void withdraw(UUID requestId, CurrentUser requester) {
        withdraw(load(requestId), requester);
    }

    private void withdraw(LoadBalancerRequest request, CurrentUser requester) {
        if (!requester.has(PortalRole.REQUESTER) || !requester.isMemberOf(request.team())) {
            throw new AccessDeniedException("Only a requester of team " + request.team() + " may withdraw it");
        }
        request.withdraw(Participant.of(requester), clock.instant());
        requests.save(request);
    }

    /** Marks one due request expired; called by the expiry job for each due id, one transaction each. */
    @Transactional
    public boolean expireIfDue(UUID requestId) {
        LoadBalancerRequest request = load(requestId);
        boolean expired = request.expireIfDue(clock.instant());
        if (expired) {
            requests.save(request);
        }
        return expired;
    }

    /** A decision on one request by a person in {@code role}, on the version they saw, saved at once. */
    private void decide(UUID requestId, long seenVersion, CurrentUser person, PortalRole role, Decision decision) {
        requireRole(person, role);
        LoadBalancerRequest request = loadAsSeen(requestId, seenVersion, person);
        decision.apply(request, Participant.of(person), clock.instant());
        requests.save(request);
    }

    /** One transition of the request, by a person, at a time. */
    @FunctionalInterface
    private interface Decision {
        void apply(LoadBalancerRequest request, Participant by, Instant at);
    }

    /**
     * Loads the request for a person's action: one they may not see is "not found" (its existence does not leak),
     * and one that changed since they opened it is refused, so nobody acts on a state they never saw.
     */
    private LoadBalancerRequest loadAsSeen(UUID requestId, long seenVersion, CurrentUser user) {
        LoadBalancerRequest request = load(requestId);
        if (!RequestVisibility.canSee(user, request)) {
            throw new NotFoundException("Request " + requestId);
        }
        if (request.version() != seenVersion) {
            throw new RequestChangedMeanwhile("Request " + requestId + " is at version " + request.version()
                    + ", not " + seenVersion);
        }
        return request;
    }

    private LoadBalancerRequest load(UUID requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId));
    }

    private static void requireRole(CurrentUser user, PortalRole role) {
        if (!user.has(role)) {
            throw new AccessDeniedException(role.title() + " role needed");
        }
    }
}
