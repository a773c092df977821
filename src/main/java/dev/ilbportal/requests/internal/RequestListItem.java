package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.RequestStatus;
import java.time.Instant;
import java.util.UUID;

/** One line of the team requests list: enough to find a request again and see where it stands. */
public record RequestListItem(UUID id, String name, String team, String region, RequestStatus status,
                             Instant updatedAt, String requesterName, boolean everSubmitted) {

    static RequestListItem of(LoadBalancerRequest request) {
        return new RequestListItem(request.id(), request.name(), request.team(), request.region(), request.status(),
                request.updatedAt(), request.requester().displayName(), request.currentRevisionNumber() > 0);
    }

    public boolean isDraft() {
        return status == RequestStatus.DRAFT;
    }

    /** Only drafts that were never submitted can be deleted; the others stay for the record. */
    public boolean isDeletable() {
        return isDraft() && !everSubmitted;
    }

    public String badgeClass() {
        return switch (status) {
            case DRAFT -> "text-bg-secondary";
            case SUBMITTED -> "text-bg-primary";
            case APPROVED -> "text-bg-success";
            case REJECTED -> "text-bg-danger";
            case WITHDRAWN, EXPIRED -> "text-bg-light";
        };
    }
}
