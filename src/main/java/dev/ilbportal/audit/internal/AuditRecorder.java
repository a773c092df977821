package dev.ilbportal.audit.internal;

import dev.ilbportal.audit.AuditLog;
import dev.ilbportal.shared.AuditTogether;
import dev.ilbportal.shared.PortalEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends every {@link PortalEvent} to the audit trail synchronously, inside the publisher's transaction, so the
 * change and its audit row commit or roll back together (a {@code @TransactionalEventListener} would run after the
 * commit and could lose the row). Events that record no change (a sign-in, a refusal) get a transaction of their own.
 * A transaction that asked for {@link AuditTogether} has its events prepared as published and appended in one batch
 * just before it commits.
 */
@Component
class AuditRecorder {

    /** The transaction resource that holds a transaction's events waiting to be appended together. */
    private static final Object PENDING = new Object();

    private final AuditLog log;
    private final TransactionTemplate joinOrStart;

    AuditRecorder(AuditLog log, PlatformTransactionManager transactions) {
        this.log = log;
        this.joinOrStart = new TransactionTemplate(transactions);
    }

    @EventListener
    void record(PortalEvent event) {
        if (event.recordsChange() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The " + event.action() + " event records a change, so it must be "
                    + "published inside the transaction that makes the change; none is active");
        }
        if (event.recordsChange() && AuditTogether.requested()) {
            pending().add(log.prepare(event));
            return;
        }
        joinOrStart.executeWithoutResult(status -> log.append(event));
    }

    /**
     * The events of a transaction that asked for {@link AuditTogether}, prepared as they are published (outside the
     * append lock) and appended in one batch just before the commit, ahead of the transaction's
     * {@link AuditTogether#afterAppending} writes: the lock is taken then, and held only for numbering, hashing,
     * the insert, those writes and the commit.
     */
    @SuppressWarnings("unchecked")
    private List<AuditLog.Prepared> pending() {
        List<AuditLog.Prepared> pending = (List<AuditLog.Prepared>) TransactionSynchronizationManager
                .getResource(PENDING);
        if (pending != null) {
            return pending;
        }
        List<AuditLog.Prepared> created = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(PENDING, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return AuditTogether.APPEND_ORDER;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (!created.isEmpty()) {
                    log.appendPrepared(List.copyOf(created));
                    created.clear();
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
        });
        return created;
    }
}
