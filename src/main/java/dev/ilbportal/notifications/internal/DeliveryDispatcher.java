package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.NotificationsProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Deliveries are claimed in a short transaction with row locks ({@code FOR UPDATE SKIP
 * LOCKED}), sent outside any transaction, and their outcome recorded: sent, retried later with exponential backoff,
 * or dead after the last attempt, where admins see them and can send them again.
 */
@Component
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final Deliveries deliveries;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final NotificationsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeliveryDispatcher(Deliveries deliveries, MailChannel mail, WebhookChannel webhooks,
                       NotificationsProperties properties, TransactionTemplate transactions, Clock clock) {
        this.deliveries = deliveries;
        this.mail = mail;
        this.webhooks = webhooks;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.notifications.poll-interval:5s}",
            initialDelayString = "${portal.notifications.dispatch-initial-delay:10s}")
    void dispatchScheduled() {
        dispatchDue();
    }

    /**
     * Claims and tries one batch of due deliveries; returns how many were tried. The claim's lease covers the whole
     * batch ({@link NotificationsProperties#batchLease()}), and no attempt starts with less than one attempt's time
     * left on it: what is left over goes back to the outbox at once, so no other dispatcher can take a delivery while
     * it is being sent, and a mail never goes twice because a batch ran long.
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(properties.batchLease()).truncatedTo(ChronoUnit.MICROS);
        List<Delivery> claimed = transactions.execute(tx ->
                deliveries.claimDue(now, properties.batchSize(), leaseUntil));
        if (claimed == null) {
            return 0;
        }
        int tried = 0;
        for (Delivery delivery : claimed) {
            if (clock.instant().plus(properties.attemptLimit()).isAfter(leaseUntil)) {
                List<Delivery> left = claimed.subList(tried, claimed.size());
                left.forEach(rest -> deliveries.release(rest.id(), leaseUntil, clock.instant()));
                log.info("Lease of the dispatch batch ran short; {} delivery(ies) go back to the outbox", left.size());
                break;
            }
            attempt(delivery);
            tried++;
        }
        return tried;
    }

    private void attempt(Delivery delivery) {
        try {
            switch (delivery.channel()) {
                case EMAIL -> mail.send(delivery);
                case WEBHOOK -> webhooks.send(delivery);
            }
            deliveries.markSent(delivery.id(), clock.instant());
        } catch (DeliveryFailure failure) {
            recordFailure(delivery, failure.getMessage(), failure.isPermanent());
        } catch (RuntimeException unexpected) {
            recordFailure(delivery, "Unexpected error: " + unexpected.getClass().getSimpleName(), false);
        }
    }

    private void recordFailure(Delivery delivery, String error, boolean permanent) {
        int attempts = delivery.attempts() + 1;
        if (permanent || attempts >= properties.maxAttempts()) {
            deliveries.markDead(delivery.id(), error);
            log.warn("Gave up on {} delivery {} of event {} after {} attempt(s): {}", delivery.channel(),
                    delivery.id(), delivery.eventId(), attempts, error);
        } else {
            Instant next = clock.instant().plus(properties.backoffAfter(attempts));
            deliveries.markFailed(delivery.id(), error, next);
            log.info("{} delivery {} failed (attempt {} of {}), next attempt at {}: {}", delivery.channel(),
                    delivery.id(), attempts, properties.maxAttempts(), next, error);
        }
    }
}
