package dev.ilbportal.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notification outbox's meters, read from its own table on each scrape: {@code portal.outbox.backlog} (deliveries
 * still pending) and {@code portal.outbox.oldest.age} (seconds since the oldest pending one was created; 0 when none).
 */
@Component
class OutboxMeters implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutboxMeters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("portal.outbox.backlog", jdbc, db -> number(db,
                        "select count(*) from notification_delivery where status = 'PENDING'"))
                .description("Notification deliveries not yet sent").register(registry);
        Gauge.builder("portal.outbox.oldest.age", jdbc, db -> number(db, "select coalesce(extract(epoch from "
                        + "now() - min(created_at)), 0) from notification_delivery where status = 'PENDING'"))
                .description("Age of the oldest pending notification delivery").baseUnit("seconds")
                .register(registry);
    }

    private static double number(JdbcTemplate db, String sql) {
        Number value = db.queryForObject(sql, Number.class);
        return value == null ? 0 : value.doubleValue();
    }
}
