package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;

/**
 * Who may see a request: requesters see their own teams' requests (drafts included); approvers see every request
 * once submitted; auditors and admins read everything. Anybody else sees nothing, not even that it exists.
 */
public final class RequestVisibility {

    private RequestVisibility() {
    }

    public static boolean canSee(CurrentUser user, LoadBalancerRequest request) {
        if (user.has(PortalRole.AUDITOR) || user.has(PortalRole.ADMIN)) {
            return true;
        }
        if (user.has(PortalRole.REQUESTER) && user.isMemberOf(request.team())) {
            return true;
        }
        return user.has(PortalRole.APPROVER) && request.status() != RequestStatus.DRAFT;
    }

    /** Editing, submitting, withdrawing and deleting drafts are for requesters of the request's team. */
    public static boolean canChange(CurrentUser user, LoadBalancerRequest request) {
        return user.has(PortalRole.REQUESTER) && user.isMemberOf(request.team());
    }
}
