package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The inventory as provisioning's API, web pages and tests read it: every row leaves as a read-only
 * {@link InternalLoadBalancer}. Changes to a row are made here in this package (provisioning's jobs and listeners);
 * verification's verdicts come in through {@code InventoryVerificationState}.
 */
@Component
public class Inventory {

    private final InternalLoadBalancers rows;

    Inventory(InternalLoadBalancers rows) {
        this.rows = rows;
    }

    public Optional<InternalLoadBalancer> findById(UUID id) {
        return rows.findById(id).map(InventoryEntry::view);
    }

    /** The load balancer built for a request, once its job recorded it. */
    public Optional<InternalLoadBalancer> findByRequestId(UUID requestId) {
        return rows.findByRequestId(requestId).map(InventoryEntry::view);
    }

    /** The current rows of several load balancers, read together (those that no longer exist are left out). */
    public Map<UUID, InternalLoadBalancer> findAll(Collection<UUID> ids) {
        Map<UUID, InternalLoadBalancer> found = new HashMap<>();
        rows.findAllById(ids).forEach(row -> found.put(row.id(), row.view()));
        return found;
    }

    public List<InternalLoadBalancer> inStatus(InternalLoadBalancer.Status status) {
        return rows.findByStatusIn(List.of(status)).stream().map(InventoryEntry::view).toList();
    }

    public List<InternalLoadBalancer> activeWithProofStatusIn(Collection<String> proofStatuses) {
        return rows.findByStatusAndProofStatusIn(InternalLoadBalancer.Status.ACTIVE, proofStatuses).stream()
                .map(InventoryEntry::view).toList();
    }

    /** The inventory page's query, newest first; {@code onlyTeams} limits a requester to their own teams. */
    public Page<InternalLoadBalancer> search(boolean restricted, Collection<String> onlyTeams, String team,
                                             String region, InternalLoadBalancer.Status status, Pageable page) {
        return rows.search(restricted, onlyTeams, team, region, status, page).map(InventoryEntry::view);
    }

    /** Records a verdict and the proof status it leads to, in the caller's transaction. */
    public void recordProof(UUID id, String outcome, String proofStatus, Instant at) {
        rows.recordProof(id, outcome, "PASS".equals(outcome), proofStatus, at);
    }

    /** Moves the proof status only from the expected one; false when someone else moved it first. */
    public boolean moveProofStatus(UUID id, String from, String to, Instant at) {
        return rows.moveProofStatus(id, from, to, at) == 1;
    }
}
