package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.Inventory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where verification writes its verdicts into the inventory: the last outcome and the proof status it leads to.
 * The proof status is verification's word (PROVEN, EXPOSED, UNPROVEN, STALE); the inventory only keeps and shows it.
 */
@Service
public class InventoryVerificationState {

    private final Inventory inventory;
    private final JdbcTemplate jdbc;

    InventoryVerificationState(Inventory inventory, JdbcTemplate jdbc) {
        this.inventory = inventory;
        this.jdbc = jdbc;
    }

    /** A run's verdict for one load balancer and the proof status it leads to. */
    public record Verdict(UUID loadBalancerId, String outcome, String proofStatus, Instant at) {
    }

    /** The current rows of several load balancers, read together (those that no longer exist are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, InternalLoadBalancer> findAll(Collection<UUID> loadBalancerIds) {
        return inventory.findAll(loadBalancerIds);
    }

    /**
     * Records several verdicts in the caller's transaction in one batch of updates, each as {@link #record} would
     * (only the verdict's columns are written, so a concurrent change of the row is not lost).
     */
    @Transactional
    public void recordAll(List<Verdict> verdicts) {
        if (verdicts.size() > 1 && verdicts.stream().map(Verdict::loadBalancerId).distinct().count()
                == verdicts.size()) {
            // one statement for the whole batch (each column as an array); with a load balancer twice the updates
            // must apply in order, so such a batch takes the one-by-one path below
            int size = verdicts.size();
            Object[] ids = new Object[size];
            String[] outcomes = new String[size];
            String[] statuses = new String[size];
            String[] times = new String[size];
            for (int i = 0; i < size; i++) {
                Verdict verdict = verdicts.get(i);
                ids[i] = verdict.loadBalancerId();
                outcomes[i] = verdict.outcome();
                statuses[i] = verdict.proofStatus();
                times[i] = verdict.at().toString();
            }
            jdbc.update(connection -> {
                var update = connection.prepareStatement("""
                        update internal_load_balancer l set last_verification = v.outcome,
                            last_verified_at = v.at::timestamptz,
                            last_passed_at = case when v.outcome = 'PASS' then v.at::timestamptz
                                else l.last_passed_at end,
                            proof_status_since = case when l.proof_status = v.status then l.proof_status_since
                                else v.at::timestamptz end,
                            proof_status = v.status
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as v(id, outcome, status, at)
                        where l.id = v.id""");
                update.setArray(1, connection.createArrayOf("uuid", ids));
                update.setArray(2, connection.createArrayOf("text", outcomes));
                update.setArray(3, connection.createArrayOf("text", statuses));
                update.setArray(4, connection.createArrayOf("text", times));
                return update;
            });
            return;
        }
        jdbc.batchUpdate("""
                update internal_load_balancer set last_verification = ?, last_verified_at = ?,
                    last_passed_at = case when ? then ? else last_passed_at end,
                    proof_status_since = case when proof_status = ? then proof_status_since else ? end,
                    proof_status = ?
                where id = ?""", verdicts, 500, (ps, verdict) -> {
            Timestamp at = Timestamp.from(verdict.at());
            ps.setString(1, verdict.outcome());
            ps.setTimestamp(2, at);
            ps.setBoolean(3, "PASS".equals(verdict.outcome()));
            ps.setTimestamp(4, at);
            ps.setString(5, verdict.proofStatus());
            ps.setTimestamp(6, at);
            ps.setString(7, verdict.proofStatus());
            ps.setObject(8, verdict.loadBalancerId());
        });
    }

    /** The load balancers that verification looks after: the active ones. */
    @Transactional(readOnly = true)
    public List<InternalLoadBalancer> verifiable() {
        return inventory.inStatus(InternalLoadBalancer.Status.ACTIVE);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<InternalLoadBalancer> find(UUID loadBalancerId) {
        return inventory.findById(loadBalancerId);
    }

    /** Records a run's verdict and the proof status it leads to, in the caller's transaction. */
    @Transactional
    public void record(UUID loadBalancerId, String outcome, String proofStatus, Instant at) {
        inventory.recordProof(loadBalancerId, outcome, proofStatus, at);
    }

    /** Moves the proof status without a run (a proof that aged); false when someone else moved it first. */
    @Transactional
    public boolean moveProofStatus(UUID loadBalancerId, String from, String to, Instant at) {
        return inventory.moveProofStatus(loadBalancerId, from, to, at);
    }
}
