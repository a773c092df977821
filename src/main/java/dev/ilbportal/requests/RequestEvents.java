package dev.ilbportal.requests;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;
import java.util.UUID;

/**
 * What happened to a request, published for provisioning, notifications and the audit trail. Each is written to the
 * audit trail in the transaction that makes the change.
 */
public final class RequestEvents {

    private RequestEvents() {
    }

    /** Common parts: the request as the subject, status before and after. */
    interface RequestEvent extends PortalEvent {

        UUID requestId();

        String team();

        @Override
        default EventSubject subject() {
            return EventSubject.request(requestId().toString(), team());
        }
    }

    private static Map<String, Object> state(RequestStatus status) {
        return Map.of("status", status.name());
    }

    private static Map<String, Object> state(RequestStatus status, int revision, String planHash) {
        return Map.of("status", status.name(), "revision", revision, "plan_hash", planHash);
    }

    public record DraftCreated(UUID requestId, String team, String name, Participant by) implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.draft-created"; }
        public Object after() {
            return name == null ? Map.of("status", RequestStatus.DRAFT.name())
                    : Map.of("status", RequestStatus.DRAFT.name(), "name", name);
        }
    }

    public record RequestEdited(UUID requestId, String team, RequestStatus statusBefore, int revisionsVoided,
                                Participant by) implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.edited"; }
        public Object before() { return state(statusBefore); }
        public Object after() { return state(RequestStatus.DRAFT); }
        public Map<String, Object> details() { return Map.of("approvals_voided", revisionsVoided); }
    }

    public record RequestSubmitted(UUID requestId, String team, String region, int revision, String planHash,
                                   Participant by) implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.submitted"; }
        public Object before() { return state(RequestStatus.DRAFT); }
        public Object after() { return state(RequestStatus.SUBMITTED, revision, planHash); }
        public Map<String, Object> details() { return Map.of("region", String.valueOf(region)); }
    }

    public record RequestApprovalRecorded(UUID requestId, String team, int revision, String planHash,
                                          int approvals, int approvalsNeeded, Participant by) implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.approval-recorded"; }
        public Object after() { return state(RequestStatus.SUBMITTED, revision, planHash); }
        public Map<String, Object> details() {
            return Map.of("approvals", approvals, "approvals_needed", approvalsNeeded);
        }
    }

    public record RequestApproved(UUID requestId, String team, String region, int revision, String planHash,
                                  boolean override, String reason, Participant by) implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.approved"; }
        public Object before() { return state(RequestStatus.SUBMITTED, revision, planHash); }
        public Object after() { return state(RequestStatus.APPROVED, revision, planHash); }
        public Map<String, Object> details() {
            return reason == null ? Map.of("override", override) : Map.of("override", override, "reason", reason);
        }
    }

    public record RequestRejected(UUID requestId, String team, int revision, String reason, Participant by)
            implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.rejected"; }
        public Object before() { return state(RequestStatus.SUBMITTED); }
        public Object after() { return state(RequestStatus.REJECTED); }
        public Map<String, Object> details() { return Map.of("revision", revision, "reason", reason); }
    }

    public record RequestWithdrawn(UUID requestId, String team, RequestStatus statusBefore, Participant by)
            implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.withdrawn"; }
        public Object before() { return state(statusBefore); }
        public Object after() { return state(RequestStatus.WITHDRAWN); }
    }

    public record RequestExpired(UUID requestId, String team, int revision) implements RequestEvent {
        public Actor actor() { return Actor.portal("request-expiry"); }
        public String action() { return "request.expired"; }
        public Object before() { return state(RequestStatus.SUBMITTED); }
        public Object after() { return state(RequestStatus.EXPIRED); }
        public Map<String, Object> details() { return Map.of("revision", revision); }
    }

    public record DraftDeleted(UUID requestId, String team, Participant by) implements RequestEvent {
        public Actor actor() { return by.actor(); }
        public String action() { return "request.draft-deleted"; }
        public Object before() { return state(RequestStatus.DRAFT); }
    }
}
