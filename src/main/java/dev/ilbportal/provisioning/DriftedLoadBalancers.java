package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active load balancers a person should look at at once, because verification found them exposed or has not
 * proven them for too long (stale): their teams', or all of them for auditors, approvers and admins.
 */
@Service
public class DriftedLoadBalancers {

    private final Inventory inventory;

    DriftedLoadBalancers(Inventory inventory) {
        this.inventory = inventory;
    }

    @Transactional(readOnly = true)
    public List<InternalLoadBalancer> visibleTo(CurrentUser user) {
        boolean everything = user.has(PortalRole.AUDITOR) || user.has(PortalRole.ADMIN)
                || user.has(PortalRole.APPROVER);
        return inventory.activeWithProofStatusIn(List.of("EXPOSED", "STALE"))
                .stream()
                .filter(lb -> everything || user.isMemberOf(lb.team()))
                .toList();
    }
}
