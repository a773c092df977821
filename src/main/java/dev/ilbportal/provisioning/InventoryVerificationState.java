package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.InternalLoadBalancers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where verification writes its verdicts into the inventory: the last outcome, and drift or recovery. */
@Service
public class InventoryVerificationState {

    private final InternalLoadBalancers inventory;

    InventoryVerificationState(InternalLoadBalancers inventory) {
        this.inventory = inventory;
    }

    /** The load balancers that verification looks after: everything not decommissioned. */
    @Transactional(readOnly = true)
    public List<InternalLoadBalancer> verifiable() {
        return inventory.findByStatusIn(List.of(InternalLoadBalancer.Status.ACTIVE,
                InternalLoadBalancer.Status.DRIFTED));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<InternalLoadBalancer> find(UUID loadBalancerId) {
        return inventory.findById(loadBalancerId);
    }

    @Transactional
    public void record(UUID loadBalancerId, String outcome, boolean drifted, boolean recovered, Instant at) {
        inventory.recordVerdict(loadBalancerId, outcome, at);
        if (drifted) {
            inventory.moveStatus(loadBalancerId, InternalLoadBalancer.Status.ACTIVE, InternalLoadBalancer.Status.DRIFTED,
                    at);
        } else if (recovered) {
            inventory.moveStatus(loadBalancerId, InternalLoadBalancer.Status.DRIFTED, InternalLoadBalancer.Status.ACTIVE,
                    at);
        }
    }
}
