package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.InternalLoadBalancers;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drifted load balancers a person should see at once: their teams', or all of them for auditors and admins. */
@Service
public class DriftedLoadBalancers {

    private final InternalLoadBalancers inventory;

    DriftedLoadBalancers(InternalLoadBalancers inventory) {
        this.inventory = inventory;
    }

    @Transactional(readOnly = true)
    public List<InternalLoadBalancer> visibleTo(CurrentUser user) {
        boolean everything = user.has(PortalRole.AUDITOR) || user.has(PortalRole.ADMIN)
                || user.has(PortalRole.APPROVER);
        return inventory.findByStatusIn(List.of(InternalLoadBalancer.Status.DRIFTED)).stream()
                .filter(lb -> everything || user.isMemberOf(lb.team()))
                .toList();
    }
}
