package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's own database connection (the role it runs as, not the owner who migrates) may read and append the
 * audit trail and is refused every statement that could change or hide it.
 */
@PortalApplicationTest
class PortalRoleGrantsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void thePortalConnectsAsItsOwnRoleNotAsTheOwner() {
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(TestDatabase.APP);
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_event'",
                String.class)).isEqualTo(TestDatabase.OWNER);
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
    }

    @Test
    void thePortalsConnectionMayAppendAndRead() {
        AuditEvent appended = new TransactionTemplate(transactions).execute(status -> log.append(
                SampleEvent.about("lb-grants", "r-lb-grants", "request.submitted", Map.of("revision", 1))));
        assertThat(log.find(appended.sequence())).contains(appended);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            update audit_event set actor_name = 'Mallory'         | permission denied for table audit_event
            delete from audit_event                               | permission denied for table audit_event
            truncate audit_event                                  | permission denied for table audit_event
            alter table audit_event disable trigger user          | must be owner of table audit_event
            alter table audit_event disable trigger audit_event_refuse_update_delete | must be owner of table audit_event
            drop trigger audit_event_refuse_update_delete on audit_event | must be owner of relation audit_event
            alter table audit_event add column note text          | must be owner of table audit_event
            alter table audit_event drop constraint audit_event_hash_uk | must be owner of table audit_event
            drop table audit_event                                | must be owner of table audit_event
            create or replace function audit_event_refuse_change() returns trigger language plpgsql as 'begin return new; end' | permission denied for schema public
            set session_replication_role = replica               | permission denied to set parameter "session_replication_role"
            create table audit_event_copy (sequence bigint)       | permission denied for schema public
            delete from flyway_schema_history                     | permission denied for table flyway_schema_history
            """)
    void thePortalsConnectionIsRefused(String statement, String refusal) {
        assertThatThrownBy(() -> jdbc.execute(statement)).rootCause().hasMessageContaining(refusal);
    }

    @Test
    void aTableALaterMigrationCreatesIsGrantedToThePortalRoleByDefault() throws Exception {
        try (Connection owner = TestDatabase.get().ownerConnection(); Statement sql = owner.createStatement()) {
            sql.execute("create table if not exists grants_probe (id bigint generated always as identity, note text)");
        }
        try {
            jdbc.update("insert into grants_probe (note) values ('granted')");
            assertThat(jdbc.queryForObject("select count(*) from grants_probe", Long.class)).isPositive();
            assertThatThrownBy(() -> jdbc.execute("alter table grants_probe add column other text")).rootCause()
                    .hasMessageContaining("must be owner");
        } finally {
            try (Connection owner = TestDatabase.get().ownerConnection(); Statement sql = owner.createStatement()) {
                sql.execute("drop table grants_probe");
            }
        }
    }
}
