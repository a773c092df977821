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
