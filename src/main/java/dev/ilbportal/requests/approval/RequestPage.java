package dev.ilbportal.requests.approval;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.internal.RequestDecision.Outcome;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Everything the request page shows, read from the aggregate in one transaction, so the template never touches
 * lazy entities and shows exactly what the person may see and do.
 *
 * @param facts      the current spec in words (empty when the spec cannot be read as a spec)
 * @param ports      the current spec's port rows
 * @param specJson   the current spec's JSON, shown when it cannot be put in words
 * @param current    the revision waiting for (or given) the decision, null while never submitted
 * @param plan       the current revision's plan, null while never submitted
 * @param revisions  every revision, newest first, each with its diff against the one before
 * @param decisions  every decision, oldest first
 */
public record RequestPage(UUID id, String name, String team, String region, RequestStatus status,
                          String requesterName, ZonedDateTime createdAt, ZonedDateTime submittedAt,
                          ZonedDateTime expiresAt, ZonedDateTime decidedAt, long version,
                          List<Fact> facts, List<PortMapping> ports, String specJson,
                          Revision current, ProvisioningPlan plan, List<Revision> revisions,
                          List<Decision> decisions, Actions actions) {

    /** One line of the spec in words: what it is about and what was chosen. */
    public record Fact(String label, String value) {
    }

    /**
     * One submitted revision.
     *
     * @param diff what changed against the revision before; null for revision 1
     */
    public record Revision(int number, String authorName, ZonedDateTime createdAt, String planHash, SpecDiff diff) {
    }

    /** One approver's (or admin's) decision on one revision. */
    public record Decision(int revision, Outcome outcome, String deciderName, String reason,
                           ZonedDateTime decidedAt, boolean voided) {

        public String outcomeText() {
            return switch (outcome) {
                case APPROVED -> "Approved";
                case REJECTED -> "Rejected";
                case OVERRIDE_APPROVED -> "Approved by admin override";
                case POLICY_APPROVED -> "Approved by policy";
            };
        }
    }

    /**
     * What the person looking may do, and, when they are an approver who may not decide, why not.
     *
     * @param mayDecide        approve and reject are offered
     * @param whyNoDecision    for an approver who may not decide on this request: the reason, shown instead
     * @param mayOverride      an admin may approve outside the usual rules, with a reason
     * @param mayWithdraw      a requester of the team may take the request back
     * @param approvalsGiven   approvals of the current revision so far
     * @param approvalsNeeded  approvals the current revision needs
     */
    public record Actions(boolean mayDecide, String whyNoDecision, boolean mayOverride, boolean mayWithdraw,
                          boolean mayEdit, int approvalsGiven, int approvalsNeeded) {

        public boolean any() {
            return mayDecide || mayOverride || mayWithdraw || mayEdit || whyNoDecision != null;
        }
    }

    public String statusText() {
        return switch (status) {
            case DRAFT -> "Draft";
            case SUBMITTED -> "Waiting for approval";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case WITHDRAWN -> "Withdrawn";
            case EXPIRED -> "Expired undecided";
        };
    }

    /** The Bootstrap badge colour of the status. */
    public String statusBadge() {
        return switch (status) {
            case DRAFT -> "text-bg-light border";
            case SUBMITTED -> "text-bg-primary";
            case APPROVED -> "text-bg-success";
            case REJECTED -> "text-bg-danger";
            case WITHDRAWN -> "text-bg-secondary";
            case EXPIRED -> "text-bg-warning";
        };
    }
}
