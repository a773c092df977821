package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.Person;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who receives one notification on which channel: the people of its audience who have an address and did not switch
 * its kind off, each once, and the enabled webhooks of its team plus the global ones.
 */
record DeliveryPlan(List<Person> mailTo, List<Webhook> webhooks) {

    static DeliveryPlan of(Notification notification, Collection<Person> people, Set<String> switchedOffByEmail,
                           Collection<Webhook> webhooks) {
        Map<String, Person> recipients = new LinkedHashMap<>();
        people.stream()
                .filter(notification.audience()::includes)
                .filter(Person::hasEmail)
                .filter(person -> !switchedOffByEmail.contains(person.subject()))
                .sorted(Comparator.comparing(Person::subject))
                .forEach(person -> recipients.putIfAbsent(person.subject(), person));
        List<Webhook> receiving = webhooks.stream().filter(webhook -> webhook.receives(notification))
                .distinct().toList();
        return new DeliveryPlan(List.copyOf(recipients.values()), receiving);
    }
}
