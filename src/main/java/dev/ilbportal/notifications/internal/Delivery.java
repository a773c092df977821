package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one recipient in the outbox. Its id goes into the webhook body as {@code delivery_id}, so a
 * receiver that sees the same delivery twice (a retry after a lost answer) can tell it is the same one.
 */
record Delivery(UUID id, UUID eventId, NotificationKind kind, Channel channel, String recipient, String personSubject,
                UUID webhookId, String title, String body, Status status, int attempts, Instant nextAttemptAt,
                String lastError, Instant createdAt, Instant sentAt) {

    /** The recipient as pages show it: a mail address, or a webhook's URL up to its host. */
    public String shownRecipient() {
        return channel == Channel.WEBHOOK ? WebhookAddresses.masked(recipient) : recipient;
    }

    /** Where a delivery stands: waiting (or waiting again), sent, or given up after the last attempt. */
    enum Status {
        PENDING,
        SENT,
        DEAD
    }
}
