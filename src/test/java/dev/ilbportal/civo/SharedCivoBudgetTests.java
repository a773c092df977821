package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ilbportal.civo.internal.MeteredBudget;
import dev.ilbportal.civo.internal.PostgresBudget;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import dev.ilbportal.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account's budget in PostgreSQL, used by two portal instances: each with its own connection pool, as two
 * processes would be, sharing nothing but the database.
 */
class SharedCivoBudgetTests {

    private static HikariDataSource first;
    private static HikariDataSource second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        first = pool("first");
        second = pool("second");
        TestDatabase database = TestDatabase.get();
        // migrations run as the schema's owner, as in production; the pools connect as the portal's own role
        Flyway.configure().dataSource(database.jdbcUrl(), database.ownerUsername(), database.ownerPassword())
                .locations("classpath:db/migration").placeholders(java.util.Map.of("approle", database.username()))
                .load().migrate();
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    @Test
    void twoInstancesTogetherStayWithinOneBudget() throws Exception {
        Instances both = onOneAccount(new CivoProperties.RateLimit(20, 5));
        List<Long> grantedAt = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        allAtOnce(8, thread -> {
            PostgresBudget instance = thread % 2 == 0 ? both.first() : both.second();
            CivoLane lane = CivoLane.values()[thread % 3];
            for (int call = 0; call < 8; call++) {
                instance.acquire(lane);
                grantedAt.add(System.nanoTime() - start);
            }
        });
        List<Long> sorted = new ArrayList<>(grantedAt);
        Collections.sort(sorted);
        // 64 tokens at 20/s with a burst of 5: no earlier than (64 - 5) / 20 = 2.95 s, whichever instance asks.
        assertThat(sorted).hasSize(64);
        assertThat(Duration.ofNanos(sorted.getLast())).isGreaterThan(Duration.ofMillis(2_800));
        for (int i = 0; i + 25 < sorted.size(); i++) {
            // any second holds at most rate + burst = 25 grants, across both instances
            assertThat(sorted.get(i + 25) - sorted.get(i)).isGreaterThan(1_000_000_000L - 50_000_000L);
        }
        assertThat(both.first().totals()).extracting(PostgresBudget.LaneTotals::calls)
                .containsExactly(24L, 24L, 16L);
    }

    @Test
    void aPersonsLookUpWaitsLittleWhileABurstOfBackgroundWorkQueues() throws Exception {
        Instances both = onOneAccount(new CivoProperties.RateLimit(5, 5));
        PostgresBudget verifier = both.first();
        PostgresBudget pages = both.second();
        List<Duration> backgroundWaits = Collections.synchronizedList(new ArrayList<>());
        List<Duration> personWaits = new ArrayList<>();
        whileRepeating(Collections.nCopies(20, () -> backgroundWaits.add(verifier.acquire(CivoLane.BACKGROUND))),
                () -> {
                    Thread.sleep(1_500);
                    for (int lookUp = 0; lookUp < 6; lookUp++) {
                        personWaits.add(pages.acquire(CivoLane.INTERACTIVE));
                        Thread.sleep(100);
                    }
                });
        // background work leaves two tokens for people when it runs alone, and yields 6:1 when they compete: a
        // person waits at most about one token's interval (200 ms at 5/s), however long the background queue is
        assertThat(personWaits).allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(450)));
        assertThat(backgroundWaits.stream().max(Duration::compareTo).orElseThrow())
                .isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void whenCivoSaysItsWindowIsSpentEveryInstanceHolds() throws Exception {
        Instances both = onOneAccount(new CivoProperties.RateLimit(50, 5));
        PostgresBudget sawThe429 = both.first();
        sawThe429.acquire(CivoLane.INTERACTIVE);

        sawThe429.pauseUntil(Instant.now().plusMillis(800));
        Duration waited = both.second().acquire(CivoLane.INTERACTIVE);

        assertThat(waited).isGreaterThan(Duration.ofMillis(650)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void competingLanesSplitTheBudgetByTheirShares() throws Exception {
        Instances both = onOneAccount(new CivoProperties.RateLimit(40, 1));
        List<Work> loops = new ArrayList<>();
        for (CivoLane lane : List.of(CivoLane.PROVISIONING, CivoLane.BACKGROUND)) {
            for (PostgresBudget instance : List.of(both.first(), both.second())) {
                loops.add(() -> instance.acquire(lane));
            }
        }
        whileRepeating(loops, () -> Thread.sleep(3_000));
        List<PostgresBudget.LaneTotals> totals = both.first().totals();
        long provisioning = totals.get(CivoLane.PROVISIONING.ordinal()).calls();
        long background = totals.get(CivoLane.BACKGROUND.ordinal()).calls();
        // shares 3:1: background keeps its guaranteed share, provisioning gets clearly more (the exact 3:1 blurs on a
        // loaded machine, where the pollers wake late)
        assertThat(background).isGreaterThan((provisioning + background) / 8);
        assertThat(provisioning * 2).isGreaterThan(3 * background);
    }

    @Test
    void twoPortalClientsOnOneDatabaseAreNeverRefusedByACivoEnforcingTheBudget() throws Exception {
        try (CivoSimulator civo = CivoSimulator.start(SimulatorSettings.forTests())) {
            civo.budget().enforce(10, 5);
            // the portal's bucket a little under Civo's, so requests that arrive a little early are still within it
            CivoProperties.RateLimit rate = new CivoProperties.RateLimit(9, 4);
            CivoProperties properties = CivoProperties.defaults(civo.baseUrl(), civo.apiKey()).withRateLimit(rate);
            CivoConnection connection = new CivoConnection(civo.baseUrl(), civo.apiKey());
            String account = CivoClientConfiguration.account(connection) + "-" + UUID.randomUUID().toString()
                    .substring(0, 8);
            List<CivoClient> instances = List.of(client(connection, properties, budget(first, account, rate)),
                    client(connection, properties, budget(second, account, rate)));
            long start = System.nanoTime();
            allAtOnce(6, thread -> {
                CivoClient client = instances.get(thread % 2);
                for (int call = 0; call < 5; call++) {
                    client.listFirewalls(null);
                }
            });
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            assertThat(civo.budget().stats().refusedWith429()).isZero();
            assertThat(civo.budget().stats().of("GET /v2/firewalls")).isEqualTo(30);
            // (30 - 4) / 9 = 2.9 s is the budget's floor; the portal should not be much slower than it
            assertThat(wall).isBetween(Duration.ofMillis(2_700), Duration.ofMillis(5_000));
        }
    }

    /** The budgets of the two instances for one fresh account, so that no other test's calls count. */
    private record Instances(PostgresBudget first, PostgresBudget second) {
    }

    private static Instances onOneAccount(CivoProperties.RateLimit rate) {
        String account = UUID.randomUUID().toString().substring(0, 16);
        return new Instances(budget(first, account, rate), budget(second, account, rate));
    }

    private interface Work {
        void run() throws Exception;
    }

    private interface ThreadWork {
        void run(int thread) throws Exception;
    }

    /** Runs {@code work} on {@code threads} virtual threads at once (each given its number) until all are done. */
    private static void allAtOnce(int threads, ThreadWork work) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int number = thread;
                all.add(executor.submit(() -> {
                    work.run(number);
                    return null;
                }));
            }
            for (Future<?> each : all) {
                each.get();
            }
        }
    }

    /** Repeats each of {@code loops} on its own virtual thread while {@code meanwhile} runs, then stops them. */
    private static void whileRepeating(List<Work> loops, Work meanwhile) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Work loop : loops) {
                executor.submit(() -> {
                    while (!stop.get()) {
                        loop.run();
                    }
                    return null;
                });
            }
            try {
                meanwhile.run();
            } finally {
                stop.set(true);
            }
        }
    }

    private static CivoClient client(CivoConnection connection, CivoProperties properties, PostgresBudget budget) {
        return new CivoClient(connection, properties, org.springframework.web.client.RestClient.builder(),
                Clock.systemUTC(), Sleeper.SYSTEM, () -> 0.5, new MeteredBudget(budget, null));
    }

    private static PostgresBudget budget(HikariDataSource pool, String account, CivoProperties.RateLimit rate) {
        return new PostgresBudget(pool, account, rate, CivoProperties.Budget.defaults(), Clock.systemUTC(),
                Sleeper.SYSTEM);
    }

    private static HikariDataSource pool(String name) {
        TestDatabase database = TestDatabase.get();
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.username());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
