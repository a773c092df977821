package dev.ilbportal.provisioning.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.web.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may open one inventory entry's pages: its team, auditors and admins. To anyone else it is "not found", so its
 * existence does not leak; what they may then ask for is each page's own rule.
 */
final class InventoryVisibility {

    private InventoryVisibility() {
    }

    static InternalLoadBalancer seenBy(CurrentUser user, UUID loadBalancerId, Optional<InternalLoadBalancer> found) {
        return found.filter(lb -> user.isMemberOf(lb.team()) || user.has(PortalRole.AUDITOR)
                        || user.has(PortalRole.ADMIN))
                .orElseThrow(() -> new NotFoundException("Load balancer " + loadBalancerId));
    }
}
