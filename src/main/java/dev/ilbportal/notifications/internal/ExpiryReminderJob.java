package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.notifications.NotificationsProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds approvers of a submitted request a while before it expires undecided. Each reminder is remembered by
 * request and expiry time, inserted with the reminder's deliveries in one transaction, so it goes out once even with
 * several portal instances, and again if the request is resubmitted with a new expiry.
 */
@Component
class ExpiryReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryReminderJob.class);

    /** A submitted request that expires soon. */
    record DueRequest(UUID id, String team, String name, String region, String requesterSubject, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final NotificationsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExpiryReminderJob(JdbcClient jdbc, Outbox outbox, NotificationsProperties properties,
                      TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.notifications.reminder-check:15m}",
            initialDelayString = "${portal.notifications.dispatch-initial-delay:10s}")
    int remindApprovers() {
        Instant now = clock.instant();
        int reminded = 0;
        for (DueRequest request : dueRequests(now, properties.reminderBefore())) {
            Boolean sent = transactions.execute(tx -> remind(request, now));
            if (Boolean.TRUE.equals(sent)) {
                reminded++;
            }
        }
        if (reminded > 0) {
            log.info("Reminded approvers of {} request(s) about to expire", reminded);
        }
        return reminded;
    }

    /** Uses the lb_request expiry index; the requests module's table is read, never written. */
    private List<DueRequest> dueRequests(Instant now, Duration before) {
        return jdbc.sql("""
                        select r.id, r.team, r.name, r.region, r.requester_subject, r.expires_at from lb_request r
                        where r.status = 'SUBMITTED' and r.expires_at > ? and r.expires_at <= ?
                          and not exists (select 1 from notification_reminder m
                                          where m.request_id = r.id and m.expires_at = r.expires_at)
                        order by r.expires_at""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(before)))
                .query((row, n) -> new DueRequest(row.getObject("id", UUID.class), row.getString("team"),
                        row.getString("name"), row.getString("region"), row.getString("requester_subject"),
                        row.getTimestamp("expires_at").toInstant()))
                .list();
    }

    private boolean remind(DueRequest request, Instant now) {
        int claimed = jdbc.sql("""
                        insert into notification_reminder (request_id, expires_at, sent_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(request.id(), Timestamp.from(request.expiresAt()), Timestamp.from(now)).update();
        if (claimed == 0) {
            return false;
        }
        Duration left = Duration.between(now, request.expiresAt());
        String title = "Request " + request.name() + " (team " + request.team() + ") expires in " + inWords(left);
        String text = "Request " + request.name() + " for team " + request.team() + " in region " + request.region()
                + " still waits for a decision. It expires undecided at " + request.expiresAt() + ".";
        outbox.enqueue(new Notification(UUID.randomUUID(), NotificationKind.EXPIRY_REMINDER, request.team(), title,
                text, EventNotifications.requestPath(request.id()), request.id(), null, now,
                Audience.role(PortalRole.APPROVER).except(request.requesterSubject())));
        return true;
    }

    private static String inWords(Duration left) {
        long hours = left.toHours();
        if (hours >= 1) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, left.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
