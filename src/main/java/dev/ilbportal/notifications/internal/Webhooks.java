package dev.ilbportal.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhooks admins configured. */
@Repository
class Webhooks {

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Webhook webhook) {
        jdbc.sql("""
                        insert into notification_webhook (id, url, secret, team, enabled, created_by, created_at,
                                                          receives_checkpoints)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(webhook.id(), webhook.url(), webhook.secret(), webhook.team(), webhook.enabled(),
                        webhook.createdBy(), Timestamp.from(webhook.createdAt()), webhook.receivesCheckpoints())
                .update();
    }

    List<Webhook> all() {
        return jdbc.sql("select * from notification_webhook order by team nulls first, created_at")
                .query(Webhooks::webhook).list();
    }

    /** The enabled webhooks that receive a team's events: the team's own and the global ones. */
    List<Webhook> receiving(String team) {
        return jdbc.sql("select * from notification_webhook where enabled and (team is null or team = ?) order by id")
                .param(team).query(Webhooks::webhook).list();
    }

    /** The enabled webhooks that subscribed to the audit trail's signed checkpoints. */
    List<Webhook> receivingCheckpoints() {
        return jdbc.sql("select * from notification_webhook where enabled and receives_checkpoints order by id")
                .query(Webhooks::webhook).list();
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.sql("select * from notification_webhook where id = ?").param(id).query(Webhooks::webhook)
                .optional();
    }

    boolean enable(UUID id, boolean enabled) {
        return jdbc.sql("update notification_webhook set enabled = ? where id = ?").params(enabled, id).update() == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from notification_webhook where id = ?").param(id).update() == 1;
    }

    private static Webhook webhook(ResultSet row, int number) throws SQLException {
        return new Webhook(row.getObject("id", UUID.class), row.getString("url"), row.getString("secret"),
                row.getString("team"), row.getBoolean("enabled"), row.getString("created_by"),
                row.getTimestamp("created_at").toInstant(),
                row.getBoolean("receives_checkpoints"));
    }
}
