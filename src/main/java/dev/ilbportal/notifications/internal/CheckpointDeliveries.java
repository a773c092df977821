package dev.ilbportal.notifications.internal;

import dev.ilbportal.audit.Checkpoint;
import dev.ilbportal.audit.CheckpointWritten;
import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.notifications.NotificationsProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts every signed audit checkpoint into the outbox for the global webhooks that subscribed to {@code
 * audit.checkpoint}, so a copy of the chain's head also lives with a receiver the portal's operators do not control.
 * The dispatcher sends, retries and dead-letters them like any other delivery. The body carries the checkpoint as the
 * checkpoint files hold it plus the exact text that was signed, so a receiver can check it with the public key alone.
 */
@Component
class CheckpointDeliveries {

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final NotificationsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    CheckpointDeliveries(Webhooks webhooks, Deliveries deliveries, NotificationsProperties properties,
                         JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(CheckpointWritten written) {
        Checkpoint checkpoint = written.checkpoint();
        UUID eventId = eventIdOf(checkpoint);
        Instant now = clock.instant();
        for (Webhook webhook : webhooks.receivingCheckpoints()) {
            UUID id = UUID.randomUUID();
            deliveries.add(new Delivery(id, eventId, NotificationKind.AUDIT_CHECKPOINT, Channel.WEBHOOK,
                    WebhookAddresses.masked(webhook.url()), null, webhook.id(),
                    "Audit checkpoint at sequence " + checkpoint.sequence(), body(id, eventId, checkpoint),
                    Delivery.Status.PENDING, 0, now, null, now, null));
        }
    }

    /** The same checkpoint always has the same event id, so a receiver can drop one it already holds. */
    static UUID eventIdOf(Checkpoint checkpoint) {
        return UUID.nameUUIDFromBytes((checkpoint.keyId() + "\n" + checkpoint.signedText())
                .getBytes(StandardCharsets.UTF_8));
    }

    private String body(UUID deliveryId, UUID eventId, Checkpoint checkpoint) {
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("sequence", checkpoint.sequence());
        signed.put("hash", checkpoint.hash());
        signed.put("time", checkpoint.timeText());
        signed.put("key_id", checkpoint.keyId());
        signed.put("signature", checkpoint.signature());
        signed.put("signed_text", checkpoint.signedText());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery_id", deliveryId.toString());
        body.put("event_id", eventId.toString());
        body.put("kind", NotificationKind.AUDIT_CHECKPOINT.key());
        body.put("occurred_at", checkpoint.timeText());
        body.put("checkpoint", signed);
        body.put("public_key", properties.linkTo("/audit/public-key"));
        return json.writeValueAsString(body);
    }
}
