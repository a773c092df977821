package dev.ilbportal.provisioning;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;

/**
 * Who sees which part of the inventory, for the inventory page and the API alike: auditors and admins see every
 * team's load balancers; everyone else only their own teams'.
 */
public final class InventoryAccess {

    private InventoryAccess() {
    }

    public static boolean seesEveryTeam(CurrentUser user) {
        return user.has(PortalRole.AUDITOR) || user.has(PortalRole.ADMIN);
    }

    public static boolean canSee(CurrentUser user, InternalLoadBalancer lb) {
        return seesEveryTeam(user) || user.isMemberOf(lb.team());
    }
}
