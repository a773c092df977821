package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database refuses changes to audit rows, and whoever gets past it (the database owner switching triggers off)
 * is caught by the chain check. Each tampering is undone afterwards, so the shared test database keeps an intact chain.
 */
@PortalApplicationTest
class AuditChainTamperingTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    ChainCheck chainCheck;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private List<AuditEvent> appendThree(String loadBalancerId) {
        return new TransactionTemplate(transactions).execute(status -> log.appendAll(List.of(
                SampleEvent.about(loadBalancerId, "r-" + loadBalancerId, "request.submitted", Map.of("revision", 1)),
                SampleEvent.about(loadBalancerId, "r-" + loadBalancerId, "request.approved", Map.of("revision", 1)),
                SampleEvent.about(loadBalancerId, "r-" + loadBalancerId, "provisioning.load-balancer-created",
                        Map.of("state", "available")))));
    }

    private static void asOwnerBypassingTriggers(String... statements) {
        DatabaseOwner.bypassingTriggers(statements);
    }

    @Test
    void triggersRefuseEvenTheOwnerUpdateDeleteAndTruncate() {
        long sequence = appendThree("lb-refuse").get(1).sequence();

        JdbcTemplate owner = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.get().jdbcUrl(),
                TestDatabase.get().ownerUsername(), TestDatabase.get().ownerPassword(), true));
        assertThatThrownBy(() -> owner.update("update audit_event set actor_name = 'Mallory' where sequence = ?",
                sequence)).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> owner.update("delete from audit_event where sequence = ?", sequence))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> owner.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: TRUNCATE refused");
        assertThat(jdbc.queryForObject("select actor_name from audit_event where sequence = ?", String.class,
                sequence)).isEqualTo("Riley Rao");
    }

    @Test
    void detectsAnEditedEvent() {
        AuditEvent edited = appendThree("lb-edit").get(1);
        assertThat(chainCheck.check().intact()).isTrue();

        asOwnerBypassingTriggers("update audit_event set details_json = '{\"revision\":2}' where sequence = "
                + edited.sequence());
        try {
            ChainCheck.Result result = chainCheck.check();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(edited.sequence());
            assertThat(result.problem()).contains("(edited)");
        } finally {
            asOwnerBypassingTriggers("update audit_event set details_json = '" + edited.detailsJson()
                    + "' where sequence = " + edited.sequence());
        }
        assertThat(chainCheck.check().intact()).isTrue();
    }

    @Test
    void detectsADeletedEvent() {
        AuditEvent deleted = appendThree("lb-delete").get(1);

        asOwnerBypassingTriggers("create temporary table deleted_event on commit drop as select * from audit_event"
                + " where sequence = " + deleted.sequence(), "delete from audit_event where sequence = "
                + deleted.sequence(), "create table if not exists audit_event_kept_by_test as select * from deleted_event");
        try {
            ChainCheck.Result result = chainCheck.check();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(deleted.sequence() + 1);
            assertThat(result.problem()).contains("event " + deleted.sequence() + " is missing").contains("(deleted)");
        } finally {
            asOwnerBypassingTriggers("insert into audit_event select * from audit_event_kept_by_test",
                    "drop table audit_event_kept_by_test");
        }
        assertThat(chainCheck.check().intact()).isTrue();
    }

    @Test
    void detectsReorderedEvents() {
        List<AuditEvent> three = appendThree("lb-reorder");
        long first = three.get(0).sequence();
        long second = three.get(1).sequence();
        String swap = "update audit_event set sequence = -1 where sequence = " + first + ";"
                + "update audit_event set sequence = " + first + " where sequence = " + second + ";"
                + "update audit_event set sequence = " + second + " where sequence = -1";

        asOwnerBypassingTriggers(swap);
        try {
            ChainCheck.Result result = chainCheck.check();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(first);
            assertThat(result.problem()).contains("does not follow event " + (first - 1)).contains("reordered");
        } finally {
            asOwnerBypassingTriggers(swap);
        }
        assertThat(chainCheck.check().intact()).isTrue();
    }

    @Test
    void concurrentWritersKeepTheChainLinear() throws Exception {
        long before = log.head().sequence();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String lb = "lb-concurrent-" + t;
                writers.add(() -> {
                    TransactionTemplate transaction = new TransactionTemplate(transactions);
                    for (int i = 0; i < perThread; i++) {
                        int run = i;
                        transaction.executeWithoutResult(status -> events.publishEvent(
                                SampleEvent.about(lb, "r-" + lb, "verification.run-completed", Map.of("run", run))));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Long> sequences = jdbc.queryForList("select sequence from audit_event where sequence > ? "
                + "and action = 'verification.run-completed' order by sequence", Long.class, before);
        assertThat(sequences).hasSize(threads * perThread);
        assertThat(jdbc.queryForObject("select count(*) from audit_event a join audit_event b "
                + "on b.sequence = a.sequence + 1 where a.sequence > ? and b.previous_hash <> a.hash", Long.class,
                before)).isZero();
        ChainCheck.Result result = chainCheck.check();
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.headSequence()).isEqualTo(log.head().sequence());
    }
}
