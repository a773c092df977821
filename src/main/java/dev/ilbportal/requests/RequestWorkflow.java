package dev.ilbportal.requests;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.web.NotFoundException;
import java.time.Clock;
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

    @Transactional
    public void approve(UUID requestId, int revision, String planHash, CurrentUser approver) {
        requireRole(approver, PortalRole.APPROVER);
        LoadBalancerRequest request = load(requestId);
        request.approve(revision, planHash, Requester.of(approver), properties.approvalsNeeded(), clock.instant());
        requests.save(request);
    }

    @Transactional
    public void reject(UUID requestId, int revision, String planHash, String reason, CurrentUser approver) {
        requireRole(approver, PortalRole.APPROVER);
        LoadBalancerRequest request = load(requestId);
        request.reject(revision, planHash, Requester.of(approver), reason, clock.instant());
        requests.save(request);
    }

    @Transactional
    public void overrideApprove(UUID requestId, int revision, String planHash, String reason, CurrentUser admin) {
        requireRole(admin, PortalRole.ADMIN);
        LoadBalancerRequest request = load(requestId);
        request.overrideApprove(revision, planHash, Requester.of(admin), reason, clock.instant());
        requests.save(request);
    }

    @Transactional
    public void withdraw(UUID requestId, CurrentUser requester) {
        LoadBalancerRequest request = load(requestId);
        if (!requester.has(PortalRole.REQUESTER) || !requester.isMemberOf(request.team())) {
            throw new AccessDeniedException("Only a requester of team " + request.team() + " may withdraw it");
        }
        request.withdraw(Requester.of(requester), clock.instant());
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

    private LoadBalancerRequest load(UUID requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("Request " + requestId));
    }

    private static void requireRole(CurrentUser user, PortalRole role) {
        if (!user.has(role)) {
            throw new AccessDeniedException(role.title() + " role needed");
        }
    }
}
