package dev.ilbportal.audit;

import dev.ilbportal.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plays the database owner who tampers with the trail: the one person the portal's own role cannot stop, so only a
 * checkpoint outside the database can catch them. Each call runs in one transaction with the table's triggers off.
 */
final class DatabaseOwner {

    private DatabaseOwner() {
    }

    /** Replaces every row from the first given event's sequence on with the given rows (triggers off). */
    static void replaceTail(java.util.List<AuditEvent> rows) {
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement();
                 java.sql.PreparedStatement insert = connection.prepareStatement("insert into audit_event ("
                         + AuditLog.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                sql.execute("alter table audit_event disable trigger user");
                sql.execute("delete from audit_event where sequence >= " + rows.getFirst().sequence());
                for (AuditEvent e : rows) {
                    insert.setLong(1, e.sequence());
                    insert.setObject(2, java.time.OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC));
                    String[] text = {e.actorSubject(), e.actorName(), e.actorRoles(), e.action(), e.subjectType(),
                            e.subjectId(), e.team(), e.requestId(), e.loadBalancerId(), e.beforeJson(), e.afterJson(),
                            e.detailsJson(), e.previousHash(), e.hash()};
                    for (int i = 0; i < text.length; i++) {
                        insert.setString(i + 3, text[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
                sql.execute("alter table audit_event enable trigger user");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The owner's rewrite failed", e);
        }
    }

    static void bypassingTriggers(String... statements) {
        try (Connection connection = TestDatabase.get().ownerConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("alter table audit_event disable trigger user");
                for (String statement : statements) {
                    sql.execute(statement);
                }
                sql.execute("alter table audit_event enable trigger user");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The owner's tampering failed", e);
        }
    }
}
