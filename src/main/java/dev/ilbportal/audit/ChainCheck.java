package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the whole chain in sequence order, streaming rows through a database cursor, and recomputes every hash and
 * link; reports the first broken link: an edited event (its content no longer gives its hash), a missing one (a gap
 * in the sequence) or one out of place (it names another predecessor). It also compares the trail with every signed
 * checkpoint written outside the database ({@link Checkpoints}): a database owner who rewrites the newest rows and
 * recomputes their hashes, or removes the last rows, leaves a chain that is consistent in itself but no longer
 * matches a checkpoint, and the check names the first checkpointed sequence that no longer matches.
 */
@Service
public class ChainCheck {

    /** What a check found: intact with N events and the head, or the first event at which the chain breaks. */
    public record Result(boolean intact, long events, Long headSequence, String headHash, Long brokenAt,
                         String problem, int checkpoints, Long checkpointSequence) {

        public Result(boolean intact, long events, Long headSequence, String headHash, Long brokenAt, String problem) {
            this(intact, events, headSequence, headHash, brokenAt, problem, 0, null);
        }

        public String summary() {
            return intact ? "intact, " + events + " events, head hash " + headHash + ", matches " + checkpoints
                    + " signed checkpoints" + (checkpointSequence == null ? "" : " (newest at event "
                    + checkpointSequence + ")")
                    : "broken at event " + brokenAt + ": " + problem;
        }
    }

    /** A check that was recorded in the trail, at {@code sequence}. */
    public record Recorded(long sequence, Result result) {
    }

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;
    private final ApplicationEventPublisher events;
    private final AuditLog log;

    private final Checkpoints checkpoints;

    public ChainCheck(DataSource dataSource, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                      AuditLog log, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readWrite = new TransactionTemplate(transactions);
        this.events = events;
        this.log = log;
    }

    /** Checks the chain, against the checkpoints, without recording anything. */
    public Result check() {
        Checkpoints.Verified signed = checkpoints.verified();
        Result result = readOnly.execute(status -> {
            try (Stream<AuditEvent> rows = cursor.queryForStream(
                    "select " + AuditLog.COLUMNS + " from audit_event order by sequence", AuditLog.ROWS)) {
                return walk(rows.iterator(), signed.valid());
            }
        });
        if (result.intact() && signed.badSignatures() > 0) {
            return new Result(false, result.events(), null, null, null, signed.badSignatures()
                    + " checkpoint(s) in the checkpoint files do not carry a valid signature of key "
                    + checkpoints.keyId() + " (forged or damaged checkpoint files)", result.checkpoints(),
                    result.checkpointSequence());
        }
        return result;
    }

    /** Checks the chain and records the check, by {@code actor}, as the newest event of the trail. */
    public Recorded checkAndRecord(Actor actor) {
        Result result = check();
        return readWrite.execute(status -> {
            events.publishEvent(new ChainChecked(actor, result));
            return new Recorded(log.head().sequence(), result);
        });
    }

    static Result walk(Iterator<AuditEvent> rows) {
        return walk(rows, List.of());
    }

    /** The walk, comparing each event that a checkpoint names with the hash the checkpoint signed. */
    static Result walk(Iterator<AuditEvent> rows, List<Checkpoint> signed) {
        Map<Long, List<Checkpoint>> bySequence = new HashMap<>();
        long newestCheckpointed = 0;
        for (Checkpoint checkpoint : signed) {
            bySequence.computeIfAbsent(checkpoint.sequence(), s -> new ArrayList<>(1)).add(checkpoint);
            newestCheckpointed = Math.max(newestCheckpointed, checkpoint.sequence());
        }
        long lastMatched = 0;
        int compared = 0;
        long expectedSequence = 1;
        String expectedPrevious = AuditChain.GENESIS;
        long count = 0;
        while (rows.hasNext()) {
            AuditEvent event = rows.next();
            if (event.sequence() != expectedSequence) {
                return broken(count, event.sequence(), "event " + expectedSequence
                        + (event.sequence() - expectedSequence > 1 ? " to " + (event.sequence() - 1) : "")
                        + " is missing: the chain jumps from " + (expectedSequence - 1) + " to " + event.sequence()
                        + " (deleted)");
            }
            if (!event.previousHash().equals(expectedPrevious)) {
                return broken(count, event.sequence(), "it does not follow event " + (expectedSequence - 1)
                        + ": it names the predecessor " + event.previousHash() + " but event "
                        + (expectedSequence - 1) + " has hash " + expectedPrevious
                        + " (events deleted, inserted or reordered)");
            }
            String recomputed = AuditChain.hashOf(event);
            if (!recomputed.equals(event.hash())) {
                return broken(count, event.sequence(), "its content hashes to " + recomputed
                        + ", not to its stored hash " + event.hash() + " (edited)");
            }
            List<Checkpoint> naming = bySequence.get(event.sequence());
            if (naming != null) {
                for (Checkpoint checkpoint : naming) {
                    if (!checkpoint.hash().equals(event.hash())) {
                        return broken(count, event.sequence(), "it no longer matches the checkpoint signed at "
                                + AuditEvent.TIME.format(checkpoint.time()) + ": the checkpoint has hash "
                                + checkpoint.hash() + ", the trail now has " + event.hash() + "; "
                                + (lastMatched == 0 ? "no earlier checkpoint matches either"
                                : "the checkpoint at event " + lastMatched + " still matches")
                                + ", so events " + (lastMatched + 1) + " to " + event.sequence()
                                + " were rewritten and their hashes recomputed");
                    }
                    compared++;
                }
                lastMatched = event.sequence();
            }
            count++;
            expectedSequence++;
            expectedPrevious = event.hash();
        }
        if (newestCheckpointed >= expectedSequence) {
            Checkpoint newest = bySequence.get(newestCheckpointed).getFirst();
            return broken(count, expectedSequence, "events " + expectedSequence + " to " + newestCheckpointed
                    + " are missing: the checkpoint signed at " + AuditEvent.TIME.format(newest.time())
                    + " covers event " + newestCheckpointed + " but the trail ends at event " + (expectedSequence - 1)
                    + " (truncated)");
        }
        return new Result(true, count, count == 0 ? null : expectedSequence - 1, expectedPrevious, null, null,
                compared, lastMatched == 0 ? null : lastMatched);
    }

    private static Result broken(long checked, long at, String problem) {
        return new Result(false, checked, null, null, at, problem);
    }
}
