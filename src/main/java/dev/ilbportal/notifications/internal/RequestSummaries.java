package dev.ilbportal.notifications.internal;

import dev.ilbportal.requests.LoadBalancerRequests;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Looks up the requester and name of a request, which most events carry by id only. */
@Component
class RequestSummaries {

    private final LoadBalancerRequests requests;

    RequestSummaries(LoadBalancerRequests requests) {
        this.requests = requests;
    }

    Optional<RequestSummary> of(UUID requestId) {
        return requests.findById(requestId).map(request -> new RequestSummary(
                request.name() == null ? "(unnamed)" : request.name(), request.requester().subject(),
                request.requester().displayName()));
    }
}
