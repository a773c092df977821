package dev.ilbportal.audit.internal;

import dev.ilbportal.audit.AuditLog;
import dev.ilbportal.shared.PortalEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends every {@link PortalEvent} to the audit trail synchronously, inside the publisher's transaction, so the
 * change and its audit row commit or roll back together (a {@code @TransactionalEventListener} would run after the
 * commit and could lose the row). Events that record no change (a sign-in, a refusal) get a transaction of their own.
 */
@Component
class AuditRecorder {

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
        joinOrStart.executeWithoutResult(status -> log.append(event));
    }
}
