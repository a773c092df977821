package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import java.util.Iterator;
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
 * in the sequence) or one out of place (it names another predecessor).
 */
@Service
public class ChainCheck {

    /** What a check found: intact with N events and the head, or the first event at which the chain breaks. */
    public record Result(boolean intact, long events, Long headSequence, String headHash, Long brokenAt,
                         String problem) {

        public String summary() {
            return intact ? "intact, " + events + " events, head hash " + headHash
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

    public ChainCheck(DataSource dataSource, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                      AuditLog log) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readWrite = new TransactionTemplate(transactions);
        this.events = events;
        this.log = log;
    }

    /** Checks the chain without recording anything. */
    public Result check() {
        return readOnly.execute(status -> {
            try (Stream<AuditEvent> rows = cursor.queryForStream(
                    "select " + AuditLog.COLUMNS + " from audit_event order by sequence", AuditLog.ROWS)) {
                return walk(rows.iterator());
            }
        });
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
            count++;
            expectedSequence++;
            expectedPrevious = event.hash();
        }
        return new Result(true, count, count == 0 ? null : expectedSequence - 1, expectedPrevious, null, null);
    }

    private static Result broken(long checked, long at, String problem) {
        return new Result(false, checked, null, null, at, problem);
    }
}
