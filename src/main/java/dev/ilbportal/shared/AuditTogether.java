package dev.ilbportal.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asks the audit trail to append the events the current transaction publishes together, just before it commits (one
 * read of the chain's head and one batch insert), instead of one by one as they are published. For a transaction
 * that records many changes at once, such as a batch of a verification round's runs. Every event still lands in the
 * chain, in the order published, in the same transaction.
 *
 * <p>The events are written out as they are published, but the append lock is taken only at the commit, so it is held
 * for as short a time as possible. A transaction that asks for this must therefore take no lock before then that
 * another appender could be waiting for while it holds the append lock (updating a row others update after they
 * append): such writes go in {@link #afterAppending}, which runs them after the events are appended, under the lock,
 * so every transaction takes the append lock before those row locks and two of them never wait for each other.
 */
public final class AuditTogether {

    /** The order of the audit trail's append among a transaction's before-commit work: first. */
    public static final int APPEND_ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final Object MARK = AuditTogether.class;
    private static final Object WRITES = new Object();

    private AuditTogether() {
    }

    /** Marks the transaction active on this thread; there must be one. */
    public static void inThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Appending audit events together needs an active transaction");
        }
        if (TransactionSynchronizationManager.hasResource(MARK)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(MARK, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(MARK);
            }
        });
    }

    /** Whether the transaction active on this thread asked for it. */
    public static boolean requested() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.hasResource(MARK);
    }

    /**
     * Runs {@code write} in this transaction just before it commits, after its events were appended (so with the
     * append lock held), in the order given; the transaction must have asked for {@link #inThisTransaction}.
     */
    @SuppressWarnings("unchecked")
    public static void afterAppending(Runnable write) {
        if (!requested()) {
            throw new IllegalStateException("Writing after the audit append needs AuditTogether.inThisTransaction()");
        }
        List<Runnable> writes = (List<Runnable>) TransactionSynchronizationManager.getResource(WRITES);
        if (writes == null) {
            List<Runnable> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(WRITES, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return APPEND_ORDER + 1;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    created.forEach(Runnable::run);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WRITES);
                }
            });
            writes = created;
        }
        writes.add(write);
    }
}
