package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the auditor's pages and exports hold up on a big trail: 2,000,000 events over 20,000 load balancers, appended
 * through the real writer. Figures are ratios to baselines measured in the same run (a static asset for pages,
 * PostgreSQL's own COPY for the export), written to target/bench/audit.json. Run with {@code ./mvnw -Pbench test}.
 */
@Tag("bench")
@PortalApplicationTest
// The schedules stay out of the way: -Pbench runs VerificationBenchmark in the same JVM first, and its 1,000 load
// balancers in the shared database would otherwise be verified here a minute in, taking every connection.
@TestPropertySource(properties = {
        "portal.verification.schedule-initial-delay=1h",
        "portal.provisioning.initial-delay=1h"
})
class AuditBenchmarkTests {

    static final int EVENTS = Integer.getInteger("bench.audit.events", 2_000_000);
    static final int LOAD_BALANCERS = Integer.getInteger("bench.audit.load-balancers", 20_000);
    static final int REQUESTS = 200;
    static final String[] ACTIONS = {"request.submitted", "request.approved", "provisioning.firewall-created",
            "provisioning.load-balancer-created", "verification.run-completed", "verification.run-completed",
            "verification.run-completed", "verification.run-completed", "verification.drifted",
            "decommission.requested"};

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    ChainCheck chainCheck;

    @Autowired
    tools.jackson.databind.json.JsonMapper mapper;

    /**
     * Seeds the trail fast but as the writer would: each event is built and hashed with the recorder's own recipe
     * ({@link AuditLog}'s fields, {@link CanonicalJson}, {@link AuditChain#hashOf}), chained to the head read under
     * the append lock, and the rows are streamed in with {@code COPY ... FROM STDIN}, 10,000 per transaction; a signed
     * checkpoint after every 200,000 (as a 5-minute schedule would leave them). Appending 2,000,000 events through
     * {@link AuditLog#appendAll} did not finish in the time a benchmark run has on a loaded machine.
     */
    private void seed() {
        Random random = new Random(42);
        CanonicalJson json = new CanonicalJson(mapper);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<Actor> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(new Actor("person-" + i, "Person " + i, Set.of(i % 2 == 0 ? "REQUESTER" : "APPROVER")));
        }
        int batchSize = 10_000;
        for (int start = 0; start < EVENTS; start += batchSize) {
            int from = start;
            transaction.executeWithoutResult(status -> {
                log.lockForAppend();
                ChainHead head = log.head();
                java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                long sequence = head.sequence();
                String previous = head.hash();
                StringBuilder rows = new StringBuilder(batchSize * 600);
                for (int n = from; n < Math.min(EVENTS, from + batchSize); n++) {
                    int lb = random.nextInt(LOAD_BALANCERS);
                    String action = ACTIONS[random.nextInt(ACTIONS.length)];
                    String team = "team-" + (lb % 50);
                    EventSubject subject = action.startsWith("request.")
                            ? EventSubject.request("r-" + lb, team)
                            : EventSubject.loadBalancer("lb-" + lb, "r-" + lb, team);
                    Actor actor = people.get(random.nextInt(people.size()));
                    Object after = action.endsWith("drifted") ? Map.of("ingressRules", 3) : null;
                    Map<String, Object> details = Map.of("run", n, "inside", "reachable on 5432", "outside",
                            "timed out after 3s");
                    AuditEvent unhashed = new AuditEvent(++sequence, now, actor.subject(), actor.displayName(),
                            actor.rolesText(), action, subject.type(), subject.id(), subject.team(),
                            subject.requestId(), subject.loadBalancerId(), null, json.write(after),
                            json.write(details), previous, null);
                    String hash = AuditChain.hashOf(unhashed);
                    copyRow(rows, unhashed, hash);
                    previous = hash;
                }
                try {
                    Connection connection = org.springframework.jdbc.datasource.DataSourceUtils
                            .getConnection(dataSource);
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy audit_event ("
                            + AuditLog.COLUMNS + ") from stdin with (format csv)", new java.io.StringReader(
                            rows.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if ((start / batchSize) % 20 == 19) {
                checkpoints.write(); // one every 200,000 events, as a 5-minute schedule would leave them
            }
        }
        checkpoints.write();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("analyze audit_event");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row for COPY's CSV: absent values unquoted (NULL), present ones quoted with quotes doubled. */
    private static void copyRow(StringBuilder rows, AuditEvent e, String hash) {
        rows.append(e.sequence()).append(',').append(e.time());
        for (String value : new String[] {e.actorSubject(), e.actorName(), e.actorRoles(), e.action(),
                e.subjectType(), e.subjectId(), e.team(), e.requestId(), e.loadBalancerId(), e.beforeJson(),
                e.afterJson(), e.detailsJson(), e.previousHash(), hash}) {
            rows.append(',');
            if (value != null) {
                rows.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }
        rows.append('\n');
    }

    private static Map<String, Object> percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p50_ms", sorted[sorted.length / 2] / 1e6);
        figures.put("p99_ms", sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        return figures;
    }

    private long[] time(SandboxBrowserlessLogin session, List<URI> uris) throws Exception {
        long[] nanos = new long[uris.size()];
        for (int i = 0; i < uris.size(); i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = session.get(uris.get(i));
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uris.get(i) + " answered " + response.statusCode());
            }
        }
        return nanos;
    }

    @Test
    void auditPagesAndExportsOnTwoMillionEvents() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        URI portal = URI.create("http://localhost:" + port);
        SandboxBrowserlessLogin auditor = new SandboxBrowserlessLogin(portal);
        auditor.signIn("audrey");
        Random random = new Random(7);

        List<URI> statics = new ArrayList<>();
        List<URI> logPages = new ArrayList<>();
        List<URI> timelines = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            statics.add(portal.resolve("/css/portal.css"));
            int lb = random.nextInt(LOAD_BALANCERS);
            logPages.add(portal.resolve(switch (i % 4) {
                case 0 -> "/audit?team=team-" + (lb % 50) + "&action=verification.drifted";
                case 1 -> "/audit?actor=person-" + (lb % 200);
                case 2 -> "/audit?loadBalancer=lb-" + lb;
                default -> "/audit?text=run%22%3A" + lb * 10 + "%2C";
            }));
            timelines.add(portal.resolve("/audit/load-balancers/lb-" + lb));
        }
        time(auditor, statics.subList(0, 20));
        time(auditor, logPages.subList(0, 20));
        time(auditor, timelines.subList(0, 20));
        Map<String, Object> staticAsset = percentiles(time(auditor, statics));
        long[] logNanos = time(auditor, logPages);
        Map<String, Object> logPage = percentiles(logNanos);
        String[] kinds = {"team_and_action", "actor", "load_balancer", "details_text"};
        Map<String, Object> byFilter = new LinkedHashMap<>();
        for (int kind = 0; kind < kinds.length; kind++) {
            long[] ofKind = new long[REQUESTS / 4];
            for (int i = 0; i < ofKind.length; i++) {
                ofKind[i] = logNanos[i * 4 + kind];
            }
            byFilter.put(kinds[kind], percentiles(ofKind));
        }
        Map<String, Object> timeline = percentiles(time(auditor, timelines));
        double staticP50 = (double) staticAsset.get("p50_ms");
        double staticP99 = (double) staticAsset.get("p99_ms");
        for (Map<String, Object> page : List.of(logPage, timeline)) {
            page.put("p50_ratio_to_static", (double) page.get("p50_ms") / staticP50);
            page.put("p99_ratio_to_static", (double) page.get("p99_ms") / staticP99);
        }

        Map<String, Object> export = new LinkedHashMap<>();
        String filter = "team=team-7";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean exporting = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (exporting.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long exportStart = System.nanoTime();
        HttpResponse<InputStream> csv = auditor.client().send(HttpRequest.newBuilder(
                portal.resolve("/audit/export.csv?" + filter)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long exportBytes;
        try (InputStream body = csv.body()) {
            exportBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        exporting.set(false);
        sampler.join();

        long copyStart = System.nanoTime();
        long copyRows;
        try (Connection connection = dataSource.getConnection()) {
            copyRows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "copy (select " + AuditLog.COLUMNS + " from audit_event where team = 'team-7' order by sequence)"
                            + " to stdout with (format csv, header)", OutputStream.nullOutputStream());
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;
        long exportRows = copyRows;
        export.put("filter", filter);
        export.put("rows", exportRows);
        export.put("bytes", exportBytes);
        export.put("portal_rows_per_second", exportRows / exportSeconds);
        export.put("copy_rows_per_second", copyRows / copySeconds);
        export.put("throughput_ratio_to_copy", (exportRows / exportSeconds) / (copyRows / copySeconds));
        export.put("heap_used_before_mb", heapBefore / 1e6);
        // used heap sampled every 20 ms without forcing GC: includes garbage not yet collected
        export.put("peak_heap_used_during_export_mb", peak.get() / 1e6);
        export.put("peak_heap_growth_mb", (peak.get() - heapBefore) / 1e6);
        export.put("max_heap_mb", memory.getHeapMemoryUsage().getMax() / 1e6);

        Map<String, Object> chain = new LinkedHashMap<>();
        long readStart = System.nanoTime();
        long read;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (var rows = statement.executeQuery("select " + AuditLog.COLUMNS + " from audit_event order by sequence")) {
                    long n = 0;
                    while (rows.next()) {
                        AuditLog.event(rows, 0);
                        n++;
                    }
                    read = n;
                }
            }
            connection.commit();
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        long checkStart = System.nanoTime();
        ChainCheck.Result checked = chainCheck.check();
        double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
        if (!checked.intact()) {
            throw new IllegalStateException("chain check on the benchmark trail: " + checked.summary());
        }
        chain.put("events", checked.events());
        chain.put("checkpoints_compared", checked.checkpoints());
        chain.put("check_seconds", checkSeconds);
        chain.put("events_per_second", checked.events() / checkSeconds);
        chain.put("baseline_read_events_per_second", read / readSeconds);
        chain.put("ratio_to_plain_read", (checked.events() / checkSeconds) / (read / readSeconds));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", EVENTS);
        figures.put("chain_check_against_checkpoints", chain);
        figures.put("load_balancers", LOAD_BALANCERS);
        figures.put("requests_per_page_kind", REQUESTS);
        figures.put("seed_seconds", seedSeconds);
        figures.put("seeded_with", "COPY of events chained and hashed with the recorder's recipe");
        figures.put("static_asset", staticAsset);
        figures.put("filtered_log_page", logPage);
        figures.put("filtered_log_page_by_filter", byFilter);
        figures.put("timeline_page", timeline);
        figures.put("csv_export", export);
        Path out = Path.of("target", "bench", "audit.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        System.out.println(Files.readString(out));
    }
}
