package dev.ilbportal.requests;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestVisibility;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How other modules read requests: one request as a read-only view, and the plan of one of its revisions. */
@Service
public class RequestLookup {

    private final LoadBalancerRequests requests;

    RequestLookup(LoadBalancerRequests requests) {
        this.requests = requests;
    }

    @Transactional(readOnly = true)
    public Optional<RequestView> find(UUID requestId) {
        return requests.findById(requestId).map(RequestLookup::view);
    }

    /** The request, if this person may see it (others get nothing, not even that it exists). */
    @Transactional(readOnly = true)
    public Optional<RequestView> findVisibleTo(UUID requestId, CurrentUser user) {
        return requests.findById(requestId).filter(request -> RequestVisibility.canSee(user, request))
                .map(RequestLookup::view);
    }

    /** The day a request's load balancer should end, if it asked for one. */
    @Transactional(readOnly = true)
    public Optional<java.time.LocalDate> endDateOf(UUID requestId) {
        return requests.findById(requestId).map(LoadBalancerRequest::endsOn);
    }

    /** The plan frozen into one revision of a request: its canonical JSON and hash, as the approvers saw them. */
    @Transactional(readOnly = true)

    public Optional<SubmittedPlan> planOf(UUID requestId, int revision) {
        return requests.findById(requestId).flatMap(request -> request.revisions().stream()
                .filter(candidate -> candidate.number() == revision)
                .findFirst()
                .map(found -> new SubmittedPlan(found.planJson(), found.planHash())));
    }

    private static RequestView view(LoadBalancerRequest request) {
        return new RequestView(request.id(), request.team(), request.region(), request.name(), request.kind(),
                request.status(), request.loadBalancerId(), request.requester(), request.currentRevisionNumber());
    }
}
