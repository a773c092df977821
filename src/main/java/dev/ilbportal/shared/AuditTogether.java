package dev.ilbportal.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asks the audit trail to append the events the current transaction publishes together, just before it commits (one
 * read of the chain's head and one batch insert), instead of one by one as they are published. For a transaction
 * that records many changes at once, such as a batch of a verification round's runs. Every event still lands in the
 * chain, in the order published, in the same transaction; the append lock is still taken at the first event, so the
 * order in which locks are taken does not change.
 */
public final class AuditTogether {

    private static final Object MARK = AuditTogether.class;

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
}
