package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing worth telling people about, in words, with the portal page it concerns and who should hear it. The event
 * id is shared by every delivery of it, so a receiver can tell two deliveries of the same event apart from two events.
 */
record Notification(UUID eventId, NotificationKind kind, String team, String title, String text, String path,
                    UUID requestId, UUID loadBalancerId, Instant occurredAt, Audience audience) {
}
