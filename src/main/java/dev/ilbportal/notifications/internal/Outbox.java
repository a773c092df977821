package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationsProperties;
import dev.ilbportal.notifications.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the deliveries of a notification into the outbox, in the caller's transaction: nothing is sent here, so the
 * change that caused the notification never waits for a mail server or a webhook.
 */
@Component
class Outbox {

    private final People people;
    private final Preferences preferences;
    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final NotificationsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(People people, Preferences preferences, Webhooks webhooks, Deliveries deliveries,
           NotificationsProperties properties, JsonMapper json, Clock clock) {
        this.people = people;
        this.preferences = preferences;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    List<Delivery> enqueue(Notification notification) {
        Collection<Person> candidates = candidatesFor(notification.audience());
        Set<String> switchedOff = preferences.switchedOff(notification.kind(), Channel.EMAIL,
                candidates.stream().map(Person::subject).toList());
        List<Webhook> hooks = notification.team() == null ? List.of() : webhooks.receiving(notification.team());
        DeliveryPlan plan = DeliveryPlan.of(notification, candidates, switchedOff, hooks);
        Instant now = clock.instant();
        List<Delivery> written = new ArrayList<>();
        for (Person person : plan.mailTo()) {
            written.add(new Delivery(UUID.randomUUID(), notification.eventId(), notification.kind(), Channel.EMAIL,
                    person.email(), person.subject(), null, notification.title(), mailText(notification),
                    Delivery.Status.PENDING, 0, now, null, now, null));
        }
        for (Webhook webhook : plan.webhooks()) {
            UUID id = UUID.randomUUID();
            written.add(new Delivery(id, notification.eventId(), notification.kind(), Channel.WEBHOOK,
                    WebhookAddresses.masked(webhook.url()), null, webhook.id(), notification.title(), webhookBody(id, notification),
                    Delivery.Status.PENDING, 0, now, null, now, null));
        }
        written.forEach(deliveries::add);
        return written;
    }

    /** The audience's people, leaving out those not seen for a while: their roles and teams may be stale. */
    private Collection<Person> candidatesFor(Audience audience) {
        Instant seenSince = clock.instant().minus(properties.stalePersonAfter());
        Map<String, Person> found = new LinkedHashMap<>();
        audience.subjects().forEach(subject -> people.findSeenSince(subject, seenSince)
                .ifPresent(p -> found.put(p.subject(), p)));
        audience.roles().forEach(role -> people.withRole(role, seenSince)
                .forEach(p -> found.putIfAbsent(p.subject(), p)));
        if (audience.team() != null) {
            people.membersOf(audience.team(), seenSince).forEach(p -> found.putIfAbsent(p.subject(), p));
        }
        return found.values();
    }

    private String mailText(Notification notification) {
        return notification.text() + "\n\n"
                + "Open it in the portal: " + properties.linkTo(notification.path()) + "\n\n"
                + "-- \nILB Portal. You receive this mail because of your role or team in the portal.\n"
                + "Choose what you receive: " + properties.linkTo("/settings/notifications") + "\n";
    }

    /** The JSON body of a webhook call; {@code delivery_id} and {@code event_id} let the receiver drop repeats. */
    private String webhookBody(UUID deliveryId, Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery_id", deliveryId.toString());
        body.put("event_id", notification.eventId().toString());
        body.put("kind", notification.kind().key());
        body.put("occurred_at", notification.occurredAt().toString());
        body.put("team", notification.team());
        body.put("title", notification.title());
        body.put("text", notification.text());
        body.put("link", properties.linkTo(notification.path()));
        body.put("request_id", notification.requestId() == null ? null : notification.requestId().toString());
        body.put("load_balancer_id",
                notification.loadBalancerId() == null ? null : notification.loadBalancerId().toString());
        return json.writeValueAsString(body);
    }
}
