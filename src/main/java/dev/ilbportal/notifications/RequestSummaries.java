package dev.ilbportal.notifications;

import dev.ilbportal.requests.RequestLookup;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Looks up the requester and name of a request, which most events carry by id only. */
@Component
class RequestSummaries {

    private final RequestLookup requests;

    RequestSummaries(RequestLookup requests) {
        this.requests = requests;
    }

    Optional<RequestSummary> of(UUID requestId) {
        return requests.find(requestId).map(request -> new RequestSummary(
                request.name() == null ? "(unnamed)" : request.name(), request.requester().subject(),
                request.requester().displayName()));
    }
}
