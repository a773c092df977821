package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationEvents.DeliverySentAgain;
import dev.ilbportal.notifications.NotificationEvents.PreferencesChosen;
import dev.ilbportal.notifications.NotificationEvents.WebhookAdded;
import dev.ilbportal.notifications.NotificationEvents.WebhookDeleted;
import dev.ilbportal.notifications.NotificationEvents.WebhookDisabled;
import dev.ilbportal.notifications.NotificationEvents.WebhookEnabled;
import dev.ilbportal.notifications.NotificationEvents;
import dev.ilbportal.notifications.NotificationKind;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change people make to notifications (webhooks, dead deliveries, their own choices), each in one transaction
 * with its audit event, so no change commits unrecorded.
 */
@Service
class NotificationSettings {

    /** What became of a change asked for a webhook or delivery that may not exist (any more). */
    enum Outcome { DONE, UNCHANGED, NOT_FOUND }

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final Preferences preferences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationSettings(Webhooks webhooks, Deliveries deliveries, Preferences preferences,
                         ApplicationEventPublisher events, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Webhook addWebhook(CurrentUser admin, String url, String secret, String team) {
        return addWebhook(admin, url, secret, team, false);
    }

    /** Adds a webhook; only a global one ({@code team} null) may receive the audit trail's checkpoints. */
    @Transactional
    Webhook addWebhook(CurrentUser admin, String url, String secret, String team, boolean receivesCheckpoints) {
        if (receivesCheckpoints && team != null) {
            throw new IllegalArgumentException("Audit checkpoints go to global webhooks only");
        }
        Webhook webhook = new Webhook(UUID.randomUUID(), url, secret, team, true, admin.subject(), clock.instant(),
                receivesCheckpoints);
        webhooks.add(webhook);
        events.publishEvent(new WebhookAdded(admin.asActor(), webhook.id(), WebhookAddresses.hostOf(url), team,
                receivesCheckpoints));
        return webhook;
    }

    @Transactional
    Outcome switchWebhook(CurrentUser admin, UUID id, boolean enabled) {
        Optional<Webhook> found = webhooks.find(id);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Webhook webhook = found.get();
        if (webhook.enabled() == enabled || !webhooks.enable(id, enabled)) {
            return Outcome.UNCHANGED;
        }
        String host = WebhookAddresses.hostOf(webhook.url());
        events.publishEvent(enabled ? new WebhookEnabled(admin.asActor(), id, host, webhook.team())
                : new WebhookDisabled(admin.asActor(), id, host, webhook.team()));
        return Outcome.DONE;
    }

    @Transactional
    Outcome deleteWebhook(CurrentUser admin, UUID id) {
        Optional<Webhook> found = webhooks.find(id);
        if (found.isEmpty() || !webhooks.delete(id)) {
            return Outcome.NOT_FOUND;
        }
        Webhook webhook = found.get();
        events.publishEvent(new WebhookDeleted(admin.asActor(), id, WebhookAddresses.hostOf(webhook.url()),
                webhook.team(), webhook.enabled()));
        return Outcome.DONE;
    }

    @Transactional
    Outcome sendAgain(CurrentUser admin, UUID deliveryId) {
        Optional<Delivery> found = deliveries.find(deliveryId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Delivery delivery = found.get();
        if (!deliveries.sendAgain(deliveryId, clock.instant())) {
            return Outcome.UNCHANGED;
        }
        String recipient = delivery.channel() == Channel.WEBHOOK ? WebhookAddresses.masked(delivery.recipient())
                : delivery.recipient();
        events.publishEvent(new DeliverySentAgain(admin.asActor(), deliveryId, delivery.eventId(), delivery.channel(),
                recipient, delivery.attempts()));
        return Outcome.DONE;
    }

    /** The kinds this person switched off on a channel. */
    @Transactional(readOnly = true)
    Set<NotificationKind> switchedOff(CurrentUser person, Channel channel) {
        return preferences.switchedOff(person.subject(), channel);
    }

    @Transactional
    void choose(CurrentUser person, Channel channel, Set<NotificationKind> wanted) {
        Set<NotificationKind> before = preferences.switchedOff(person.subject(), channel);
        preferences.choose(person.subject(), channel, wanted);
        Set<NotificationKind> after = preferences.switchedOff(person.subject(), channel);
        events.publishEvent(new PreferencesChosen(person.asActor(), channel, before, after));
    }
}
