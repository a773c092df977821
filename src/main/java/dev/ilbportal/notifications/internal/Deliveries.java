package dev.ilbportal.notifications.internal;

import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: deliveries waiting, sent and dead. */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Delivery delivery) {
        jdbc.sql("""
                        insert into notification_delivery (id, event_id, kind, channel, recipient, person_subject,
                            webhook_id, title, body, status, attempts, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(delivery.id(), delivery.eventId(), delivery.kind().name(), delivery.channel().name(),
                        delivery.recipient(), delivery.personSubject(), delivery.webhookId(), delivery.title(),
                        delivery.body(), delivery.status().name(), delivery.attempts(),
                        Timestamp.from(delivery.nextAttemptAt()), Timestamp.from(delivery.createdAt()))
                .update();
    }

    /**
     * Locks up to {@code limit} due deliveries that no other dispatcher holds ({@code SKIP LOCKED}) and pushes their
     * next attempt past the lease, so that once this transaction commits nobody else takes them while they are sent;
     * a dispatcher that dies leaves them to be taken again when the lease runs out.
     */
    List<Delivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<Delivery> due = jdbc.sql("""
                        select * from notification_delivery
                        where status = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at
                        limit ?
                        for update skip locked""")
                .params(Timestamp.from(now), limit).query(Deliveries::delivery).list();
        for (Delivery delivery : due) {
            jdbc.sql("update notification_delivery set next_attempt_at = ? where id = ?")
                    .params(Timestamp.from(leaseUntil), delivery.id()).update();
        }
        return due;
    }

    /** Hands a claimed delivery back untried, unless its lease already ran out and someone else may hold it. */
    void release(UUID id, Instant leaseUntil, Instant now) {
        jdbc.sql("""
                        update notification_delivery set next_attempt_at = ?
                        where id = ? and status = 'PENDING' and next_attempt_at = ?""")
                .params(Timestamp.from(now), id, Timestamp.from(leaseUntil)).update();
    }

    void markSent(UUID id, Instant now) {
        jdbc.sql("""
                        update notification_delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?,
                            last_error = null
                        where id = ?""")
                .params(Timestamp.from(now), id).update();
    }

    void markFailed(UUID id, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                        update notification_delivery set attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                        where id = ?""")
                .params(error, Timestamp.from(nextAttemptAt), id).update();
    }

    void markDead(UUID id, String error) {
        jdbc.sql("""
                        update notification_delivery set status = 'DEAD', attempts = attempts + 1, last_error = ?
                        where id = ?""")
                .params(error, id).update();
    }

    /** Puts a dead delivery back in line with fresh attempts; false when it is not dead (any more). */
    boolean sendAgain(UUID id, Instant now) {
        return jdbc.sql("""
                        update notification_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?
                        where id = ? and status = 'DEAD'""")
                .params(Timestamp.from(now), id).update() == 1;
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select * from notification_delivery where id = ?").param(id).query(Deliveries::delivery)
                .optional();
    }

    List<Delivery> ofEvent(UUID eventId) {
        return jdbc.sql("select * from notification_delivery where event_id = ? order by channel, recipient")
                .param(eventId).query(Deliveries::delivery).list();
    }

    Page<Delivery> withStatus(Delivery.Status status, Pageable page) {
        List<Delivery> content = jdbc.sql("""
                        select * from notification_delivery where status = ?
                        order by created_at desc limit ? offset ?""")
                .params(status.name(), page.getPageSize(), page.getOffset()).query(Deliveries::delivery).list();
        long total = jdbc.sql("select count(*) from notification_delivery where status = ?").param(status.name())
                .query(Long.class).single();
        return new PageImpl<>(content, page, total);
    }

    private static Delivery delivery(ResultSet row, int number) throws SQLException {
        Timestamp sentAt = row.getTimestamp("sent_at");
        return new Delivery(row.getObject("id", UUID.class), row.getObject("event_id", UUID.class),
                NotificationKind.valueOf(row.getString("kind")), Channel.valueOf(row.getString("channel")),
                row.getString("recipient"), row.getString("person_subject"), row.getObject("webhook_id", UUID.class),
                row.getString("title"), row.getString("body"), Delivery.Status.valueOf(row.getString("status")),
                row.getInt("attempts"), row.getTimestamp("next_attempt_at").toInstant(), row.getString("last_error"),
                row.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant());
    }
}
