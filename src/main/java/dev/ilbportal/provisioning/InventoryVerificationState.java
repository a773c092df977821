package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.InternalLoadBalancers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where verification writes its verdicts into the inventory: the last outcome and the proof status it leads to.
 * The proof status is verification's word (PROVEN, EXPOSED, UNPROVEN, STALE); the inventory only keeps and shows it.
 */
@Service
public class InventoryVerificationState {

    private final InternalLoadBalancers inventory;

    InventoryVerificationState(InternalLoadBalancers inventory) {
        this.inventory = inventory;
    }

    /** The load balancers that verification looks after: the active ones. */
    @Transactional(readOnly = true)
    public List<InternalLoadBalancer> verifiable() {
        return inventory.findByStatusIn(List.of(InternalLoadBalancer.Status.ACTIVE));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<InternalLoadBalancer> find(UUID loadBalancerId) {
        return inventory.findById(loadBalancerId);
    }

    /** Records a run's verdict and the proof status it leads to, in the caller's transaction. */
    @Transactional
    public void record(UUID loadBalancerId, String outcome, String proofStatus, Instant at) {
        inventory.recordProof(loadBalancerId, outcome, "PASS".equals(outcome), proofStatus, at);
    }

    /** Moves the proof status without a run (a proof that aged); false when someone else moved it first. */
    @Transactional
    public boolean moveProofStatus(UUID loadBalancerId, String from, String to, Instant at) {
        return inventory.moveProofStatus(loadBalancerId, from, to, at) == 1;
    }
}
