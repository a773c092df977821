package dev.ilbportal.notifications;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What people changed in the notifications module: webhooks, dead deliveries sent again, their own choices. Each is
 * published in the transaction that makes the change, so it is in the audit trail or the change did not happen.
 * A webhook is recorded by its host only: its path may carry a token, and its secret is never recorded.
 */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    private static EventSubject webhook(UUID webhookId, String team) {
        return new EventSubject("webhook", webhookId.toString(), team, null, null);
    }

    private static Map<String, Object> webhookState(String host, String team, boolean enabled) {
        return Map.of("host", host, "team", team == null ? "(every team)" : team, "enabled", enabled);
    }

    /**
     * An admin added a webhook for one team, or for every team when {@code team} is null; a global one may also
     * receive the audit trail's signed checkpoints.
     */
    public record WebhookAdded(Actor actor, UUID webhookId, String host, String team, boolean receivesCheckpoints)
            implements PortalEvent {
        public WebhookAdded(Actor actor, UUID webhookId, String host, String team) {
            this(actor, webhookId, host, team, false);
        }
        public String action() { return "notifications.webhook-added"; }
        public EventSubject subject() { return webhook(webhookId, team); }
        public Object after() {
            Map<String, Object> state = new java.util.LinkedHashMap<>(webhookState(host, team, true));
            state.put("audit_checkpoints", receivesCheckpoints);
            return state;
        }
    }

    /** An admin switched a webhook on again. */
    public record WebhookEnabled(Actor actor, UUID webhookId, String host, String team) implements PortalEvent {
        public String action() { return "notifications.webhook-enabled"; }
        public EventSubject subject() { return webhook(webhookId, team); }
        public Object before() { return webhookState(host, team, false); }
        public Object after() { return webhookState(host, team, true); }
    }

    /** An admin switched a webhook off; its pending deliveries die on their next attempt. */
    public record WebhookDisabled(Actor actor, UUID webhookId, String host, String team) implements PortalEvent {
        public String action() { return "notifications.webhook-disabled"; }
        public EventSubject subject() { return webhook(webhookId, team); }
        public Object before() { return webhookState(host, team, true); }
        public Object after() { return webhookState(host, team, false); }
    }

    /** An admin deleted a webhook. */
    public record WebhookDeleted(Actor actor, UUID webhookId, String host, String team, boolean wasEnabled)
            implements PortalEvent {
        public String action() { return "notifications.webhook-deleted"; }
        public EventSubject subject() { return webhook(webhookId, team); }
        public Object before() { return webhookState(host, team, wasEnabled); }
    }

    /** An admin put a dead delivery back in line; {@code recipient} is a mail address or a webhook's masked URL. */
    public record DeliverySentAgain(Actor actor, UUID deliveryId, UUID eventId, Channel channel, String recipient,
                                    int attemptsBefore) implements PortalEvent {
        public String action() { return "notifications.delivery-sent-again"; }
        public EventSubject subject() {
            return new EventSubject("delivery", deliveryId.toString(), null, null, null);
        }
        public Object before() { return Map.of("status", "DEAD", "attempts", attemptsBefore); }
        public Object after() { return Map.of("status", "PENDING", "attempts", 0); }
        public Map<String, Object> details() {
            return Map.of("event_id", eventId.toString(), "channel", channel.name(), "recipient", recipient);
        }
    }

    /** A person chose which notification kinds reach them on a channel. */
    public record PreferencesChosen(Actor actor, Channel channel, Set<NotificationKind> switchedOffBefore,
                                    Set<NotificationKind> switchedOff) implements PortalEvent {
        public PreferencesChosen {
            switchedOffBefore = Set.copyOf(switchedOffBefore);
            switchedOff = Set.copyOf(switchedOff);
        }
        public String action() { return "notifications.preferences-chosen"; }
        public EventSubject subject() { return EventSubject.person(actor.subject()); }
        public Object before() { return Map.of("channel", channel.name(), "switched_off", names(switchedOffBefore)); }
        public Object after() { return Map.of("channel", channel.name(), "switched_off", names(switchedOff)); }
    }

    private static String names(Set<NotificationKind> kinds) {
        TreeSet<String> sorted = new TreeSet<>();
        kinds.forEach(kind -> sorted.add(kind.key()));
        return String.join(",", sorted);
    }
}
