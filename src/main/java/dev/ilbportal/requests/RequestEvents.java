package dev.ilbportal.requests;

import java.util.UUID;

/** What happened to a request, published for provisioning, notifications and the audit trail. */
public final class RequestEvents {

    private RequestEvents() {
    }

    public record DraftCreated(UUID requestId, String team, String name, Requester by) {
    }

    public record RequestEdited(UUID requestId, String team, RequestStatus statusBefore, int revisionsVoided,
                                Requester by) {
    }

    public record RequestSubmitted(UUID requestId, String team, String region, int revision, String planHash,
                                   Requester by) {
    }

    public record RequestApprovalRecorded(UUID requestId, String team, int revision, String planHash,
                                          int approvals, int approvalsNeeded, Requester by) {
    }

    public record RequestApproved(UUID requestId, String team, String region, int revision, String planHash,
                                  boolean override, String reason, Requester by) {
    }

    public record RequestRejected(UUID requestId, String team, int revision, String reason, Requester by) {
    }

    public record RequestWithdrawn(UUID requestId, String team, RequestStatus statusBefore, Requester by) {
    }

    public record RequestExpired(UUID requestId, String team, int revision) {
    }

    public record DraftDeleted(UUID requestId, String team, Requester by) {
    }
}
