package dev.ilbportal.requests.api;

import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.internal.RequestListItem;
import java.time.Instant;
import java.util.UUID;

/** One line of the requests list, as the team list page shows it. */
record RequestSummary(UUID id, String name, String team, String region, RequestStatus status, Instant updatedAt,
                      String requester, boolean everSubmitted) {

    static RequestSummary of(RequestListItem item) {
        return new RequestSummary(item.id(), item.name(), item.team(), item.region(), item.status(),
                item.updatedAt(), item.requesterName(), item.everSubmitted());
    }
}
