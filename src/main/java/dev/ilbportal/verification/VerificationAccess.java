package dev.ilbportal.verification;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.InternalLoadBalancer;

/**
 * Who reads a load balancer's verification history and who may ask for a run now, for the history page and the
 * API alike: auditors, admins and approvers see every history; the team sees its own. Admins, approvers and the
 * team's requesters may verify now.
 */
public final class VerificationAccess {

    private VerificationAccess() {
    }

    public static boolean canSee(CurrentUser user, InternalLoadBalancer lb) {
        return user.has(PortalRole.AUDITOR) || user.has(PortalRole.ADMIN) || user.has(PortalRole.APPROVER)
                || user.isMemberOf(lb.team());
    }

    public static boolean mayVerify(CurrentUser user, InternalLoadBalancer lb) {
        return user.has(PortalRole.ADMIN) || user.has(PortalRole.APPROVER)
                || (user.has(PortalRole.REQUESTER) && user.isMemberOf(lb.team()));
    }
}
