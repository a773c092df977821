package dev.ilbportal.audit;

import dev.ilbportal.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Plays the database owner who tampers with the trail: the one person the portal's own role cannot stop, so only a
 * checkpoint outside the database can catch them. Each call runs in one transaction with the table's triggers off.
 */
final class DatabaseOwner {

    private DatabaseOwner() {
    }

    /** What the owner does inside the transaction, with the triggers off. */
    private interface Tampering {
        void on(Connection connection, Statement sql) throws SQLException;
    }

    /** Replaces every row from the first given event's sequence on with the given rows (triggers off). */
    static void replaceTail(List<AuditEvent> rows) {
        withTriggersOff("rewrite", (connection, sql) -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_event ("
                    + AuditLog.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                sql.execute("delete from audit_event where sequence >= " + rows.getFirst().sequence());
                for (AuditEvent e : rows) {
                    insert.setLong(1, e.sequence());
                    insert.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
                    String[] text = {e.actorSubject(), e.actorName(), e.actorRoles(), e.action(), e.subjectType(),
                            e.subjectId(), e.team(), e.requestId(), e.loadBalancerId(), e.beforeJson(), e.afterJson(),
                            e.detailsJson(), e.previousHash(), e.hash()};
                    for (int i = 0; i < text.length; i++) {
                        insert.setString(i + 3, text[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    static void bypassingTriggers(String... statements) {
        withTriggersOff("tampering", (connection, sql) -> {
            for (String statement : statements) {
                sql.execute(statement);
            }
        });
    }

    private static void withTriggersOff(String what, Tampering tampering) {
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("alter table audit_event disable trigger user");
                tampering.on(connection, sql);
                sql.execute("alter table audit_event enable trigger user");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The owner's " + what + " failed", e);
        }
    }
}
