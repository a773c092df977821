package dev.ilbportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.PortalApplication;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.CivoLane;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.StepOutcome;
import dev.ilbportal.requests.internal.WizardStep;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SandboxBudget;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.Verifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (./mvnw -B -ntp -Pbench verify -Dtest=CivoBudgetBenchmarkTests): the Civo budget at the production rate
 * (1 call/s, burst 5), the sandbox enforcing the same per key. Two portal instances (this test's application context
 * and a second one started on the same PostgreSQL and the same simulator) provision approved requests; then ten
 * requesters save wizard steps while verification rounds run back to back; then single step saves are counted.
 * Writes target/bench/civo-budget.json. Full size: 50 requests, a 1,000-load-balancer round.
 */
@Tag("bench")
@PortalApplicationTest
@TestPropertySource(properties = {
        "portal.civo.rate-limit.requests-per-second=1",
        "portal.civo.rate-limit.burst=5",
        "portal.sandbox.civo-rate-limit=1",
        "portal.sandbox.civo-rate-limit-burst=5",
        "portal.sandbox.civo-provisioning-delay=0s",
        "portal.sandbox.civo-load-balancer-limit=5000", // above part 2's fleet, or every save is refused on quota
        "portal.sandbox.civo-firewall-limit=5000",
        "portal.provisioning.initial-delay=1h",
        "portal.provisioning.available-poll=1s",
        "portal.verification.schedule-initial-delay=1h",
        "portal.verification.connect-timeout=300ms"
})
class CivoBudgetBenchmarkTests {

    static final int REQUESTS = Integer.getInteger("bench.budget.requests", 50);
    /** The load balancers of part 2's verification round. */
    static final int FLEET = Integer.getInteger("bench.budget.fleet", 1_000);
    static final int REQUESTERS = 10;
    static final int SAVES_EACH = Integer.getInteger("bench.budget.saves", 2);
    static final Duration THINK = Duration.ofSeconds(Integer.getInteger("bench.budget.think-seconds", 30));

    @Autowired
    CivoSimulator simulator;
    @Autowired
    CivoClient civo;
    @Autowired
    CivoLookupCache lookups;
    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    RequestDrafts drafts;
    @Autowired
    dev.ilbportal.requests.internal.CivoLookups wizardLookups;
    @Autowired
    ProvisioningWorker worker;
    @Autowired
    ProvisioningJobs jobs;
    @Autowired
    InventoryVerificationState inventory;
    @Autowired
    Verifier verifier;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theBudgetAloneLimitsThePortal() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("budget", Map.of("requests_per_second", 1.0, "burst", 5, "sandbox_enforces", true));
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        String network = fixture.paymentsNetwork();
        List<UUID> approved = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            LoadBalancerSpec spec = new LoadBalancerSpec("LON1", network, ApprovedRequestFixture.uniqueName("bench"),
                    "round_robin", FirewallChoice.create(""), fixture.spec("x", FirewallChoice.create("")).target(),
                    fixture.spec("x", FirewallChoice.create("")).ports(),
                    LoadBalancerSpec.AdvancedSettings.defaults(), "bench");
            approved.add(fixture.approve(spec));
        }
        try (ConfigurableApplicationContext second = secondInstance()) {
            ProvisioningWorker secondWorker = second.getBean(ProvisioningWorker.class);
            Thread.sleep(6_000); // a full bucket for both, as after any quiet moment
            simulator.budget().reset();
            long start = System.nanoTime();
            AtomicBoolean done = new AtomicBoolean();
            try (ExecutorService instances = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (ProvisioningWorker each : List.of(worker, secondWorker)) {
                    for (int thread = 0; thread < 3; thread++) {
                        running.add(instances.submit(() -> {
                            while (!done.get()) {
                                if (!each.runNextDueJob()) {
                                    Thread.sleep(100);
                                }
                                done.compareAndSet(false, approved.stream().allMatch(id ->
                                        jobs.findByRequestId(id).map(job -> job.status().isFinished())
                                                .orElse(false)));
                            }
                            return null;
                        }));
                    }
                }
                for (Future<?> each : running) {
                    each.get();
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            SandboxBudget.Stats stats = simulator.budget().stats();
            long polls = stats.of("GET /v2/loadbalancers/{id}");
            Map<String, Object> provisioning = new LinkedHashMap<>();
            provisioning.put("instances", 2);
            provisioning.put("requests", REQUESTS);
            provisioning.put("succeeded", approved.stream().filter(id -> jobs.findByRequestId(id).orElseThrow()
                    .status() == JobStatus.SUCCEEDED).count());
            Map<String, Long> outcomes = new java.util.TreeMap<>();
            approved.forEach(id -> jobs.findByRequestId(id).ifPresent(job -> outcomes.merge(job.status() + (
                    job.failureCode() == null ? "" : " " + job.failureCode() + ": " + job.failureReason()), 1L,
                    Long::sum)));
            provisioning.put("outcomes", outcomes);
            provisioning.put("wall_seconds", round(wall));
            provisioning.put("civo_calls", stats.total());
            provisioning.put("refused_with_429", stats.refusedWith429());
            provisioning.put("calls_per_load_balancer", round((double) stats.total() / REQUESTS));
            provisioning.put("calls_per_load_balancer_without_polls", round((double) (stats.total() - polls)
                    / REQUESTS));
            provisioning.put("wall_over_calls_at_budget", round(wall / (stats.total() / 1.0)));
            provisioning.put("calls_by_operation", stats.calls());
            figures.put("provisioning", provisioning);
        }

        figures.put("wizard_under_verification", savesDuringVerification(fixture, network));
        figures.put("calls_per_step_save", callsPerStepSave(fixture, network));

        Path out = Path.of("target/bench/civo-budget.json");
        Files.createDirectories(out.getParent());
        String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(figures);
        Files.writeString(out, json);
        System.out.println("CIVO BUDGET BENCHMARK " + json);
        assertThat(simulator.budget().stats().refusedWith429()).isZero();
    }

    private Map<String, Object> savesDuringVerification(ApprovedRequestFixture fixture, String network)
            throws Exception {
        List<UUID> draftIds = new ArrayList<>();
        List<LoadBalancerSpec> specs = new ArrayList<>();
        for (int i = 0; i < REQUESTERS; i++) {
            LoadBalancerSpec spec = new LoadBalancerSpec("LON1", network, ApprovedRequestFixture.uniqueName("wiz"),
                    "round_robin", FirewallChoice.create(""), fixture.spec("x", FirewallChoice.create("")).target(),
                    fixture.spec("x", FirewallChoice.create("")).ports(),
                    LoadBalancerSpec.AdvancedSettings.defaults(), null);
            StepOutcome started = CivoLane.INTERACTIVE.call(() -> drafts.startDraft(ApprovedRequestFixture.ALICE,
                    "payments", spec));
            assertThat(started.isSaved()).as(String.valueOf(started)).isTrue();
            draftIds.add(started.requestId());
            specs.add(spec);
        }
        seedFleet(FLEET - inventory.verifiable().size());
        Thread.sleep(6_000);
        simulator.budget().reset();
        double timeoutsBefore = poolTimeouts();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        List<Double> saves = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        List<String> timeline = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> notSavedBecause = new java.util.concurrent.ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> verification = threads.submit(() -> {
                while (!stop.get()) {
                    // the scheduled round itself (two calls per region, probes, recording), back to back
                    List<InternalLoadBalancer> fleet = inventory.verifiable();
                    CivoLane.BACKGROUND.run(() -> verifier.verifyRound(fleet, Trigger.SCHEDULE));
                    rounds.incrementAndGet();
                }
                return null;
            });
            Thread.sleep(3_000);
            List<Future<?>> people = new ArrayList<>();
            for (int i = 0; i < REQUESTERS; i++) {
                int person = i;
                people.add(threads.submit(() -> {
                    // java.util.Random's first doubles for seeds 0..9 are all about 0.73: everyone saved at once
                    java.util.SplittableRandom random = new java.util.SplittableRandom(person);
                    for (int save = 0; save < SAVES_EACH; save++) {
                        // the step's page opens (its look-ups start), then the person types for a while
                        CivoLane.INTERACTIVE.run(() -> wizardLookups.stepOpened("LON1"));
                        Thread.sleep((long) (THINK.toMillis() * (0.5 + random.nextDouble())));
                        long began = System.nanoTime();
                        StepOutcome outcome = CivoLane.INTERACTIVE.call(() -> drafts.saveStep(draftIds.get(person),
                                WizardStep.LOAD_BALANCER, specs.get(person), ApprovedRequestFixture.ALICE));
                        saves.add((System.nanoTime() - began) / 1e9);
                        timeline.add(round((began - start) / 1e9) + "s: " + round((System.nanoTime() - began) / 1e9));
                        if (!outcome.isSaved()) {
                            refused.incrementAndGet();
                            notSavedBecause.merge(outcome.civoFailure() != null ? outcome.civoFailure()
                                    : String.valueOf(outcome.problems()), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : people) {
                each.get();
            }
            stop.set(true);
            verification.get();
        }
        SandboxBudget.Stats stats = simulator.budget().stats();
        List<Double> sorted = new ArrayList<>(saves);
        Collections.sort(sorted);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requesters", REQUESTERS);
        figures.put("saves", sorted.size());
        figures.put("saves_not_saved", refused.get());
        figures.put("not_saved_because", notSavedBecause);
        figures.put("saves_by_start", timeline.stream().sorted(java.util.Comparator.comparingDouble(
                (String line) -> Double.parseDouble(line.substring(0, line.indexOf('s'))))).toList());
        figures.put("save_p50_seconds", round(percentile(sorted, 0.50)));
        figures.put("save_p95_seconds", round(percentile(sorted, 0.95)));
        figures.put("save_max_seconds", round(sorted.getLast()));
        figures.put("verification_rounds", rounds.get());
        figures.put("verified_load_balancers_per_round", inventory.verifiable().size());
        figures.put("wall_seconds", round((System.nanoTime() - start) / 1e9));
        figures.put("civo_calls", stats.total());
        figures.put("refused_with_429", stats.refusedWith429());
        figures.put("pool_wait_timeouts", poolTimeouts() - timeoutsBefore);
        figures.put("lanes", civo.budgetReport().lanes().stream().map(lane -> Map.of("lane", lane.lane().label(),
                "calls_all_instances", lane.accountCalls(), "mean_wait_ms", lane.meanWait().toMillis(),
                "longest_wait_ms", lane.longestWait().toMillis(), "p95_wait_ms_here", lane.localP95().toMillis()))
                .toList());
        return figures;
    }

    /**
     * Tops the inventory up to the round's size with available load balancers built straight through the simulator
     * (its own budget lifted for the seeding only, which is not measured; the portal's budget is never touched).
     */
    private void seedFleet(int count) throws Exception {
        if (count <= 0) {
            return;
        }
        simulator.budget().enforce(0, 5);
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            JsonMapper json = JsonMapper.builder().build();
            String network = dev.ilbportal.sandbox.civo.BenchmarkNetworks.add(simulator, "LON1", "budget-bench",
                    "10.160.0.0/16");
            String firewall = json.readTree(send(http, "POST", "/v2/firewalls", """
                    {"name":"budget-bench-fw","region":"LON1","network_id":"%s","create_rules":false}"""
                    .formatted(network))).get("id").asString();
            List<Object[]> rows = Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(8);
            try (ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> created = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String body = """
                            {"name":"budget-bench-%d","region":"LON1","network_id":"%s","algorithm":"round_robin",
                             "firewall_id":"%s","max_concurrent_requests":10000,
                             "backends":[{"ip":"10.160.250.1","protocol":"TCP","source_port":443,"target_port":8443}]}"""
                            .formatted(i, network, firewall);
                    created.add(posts.submit(() -> {
                        inFlight.acquire();
                        try {
                            tools.jackson.databind.JsonNode lb = json.readTree(send(http, "POST", "/v2/loadbalancers",
                                    body));
                            rows.add(new Object[] {UUID.randomUUID(), UUID.randomUUID(), network,
                                    lb.get("name").asString(), lb.get("id").asString(), firewall});
                        } finally {
                            inFlight.release();
                        }
                        return null;
                    }));
                }
                for (Future<?> each : created) {
                    each.get();
                }
            }
            jdbc.batchUpdate("insert into internal_load_balancer (id, request_id, team, region, network_id, name, "
                    + "civo_id, firewall_id, firewall_created, status, created_at, updated_at, ports) "
                    + "values (?, ?, 'bench', 'LON1', ?, ?, ?, ?, true, 'ACTIVE', now(), now(), '443/TCP')", rows);
        } finally {
            simulator.budget().enforce(1, 5);
        }
    }

    private String send(java.net.http.HttpClient http, String method, String path, String body) throws Exception {
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        simulator.baseUrl().resolve(path)).header("Authorization", "bearer " + simulator.apiKey())
                .header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
        return response.body();
    }

    private Map<String, Object> callsPerStepSave(ApprovedRequestFixture fixture, String network) {
        LoadBalancerSpec spec = new LoadBalancerSpec("LON1", network, ApprovedRequestFixture.uniqueName("count"),
                "round_robin", FirewallChoice.create(""), fixture.spec("x", FirewallChoice.create("")).target(),
                fixture.spec("x", FirewallChoice.create("")).ports(), LoadBalancerSpec.AdvancedSettings.defaults(),
                "bench");
        lookups.clear();
        simulator.budget().reset();
        UUID id = CivoLane.INTERACTIVE.call(() -> drafts.startDraft(ApprovedRequestFixture.ALICE, "payments", spec))
                .requestId();
        long coldFirst = simulator.budget().stats().total();
        simulator.budget().reset();
        CivoLane.INTERACTIVE.run(() -> drafts.saveStep(id, WizardStep.NETWORK, spec, ApprovedRequestFixture.ALICE));
        long firewallStep = simulator.budget().stats().total();
        simulator.budget().reset();
        CivoLane.INTERACTIVE.run(() -> drafts.saveStep(id, WizardStep.LOAD_BALANCER, spec,
                ApprovedRequestFixture.ALICE));
        SandboxBudget.Stats loadBalancer = simulator.budget().stats();
        simulator.budget().reset();
        CivoLane.INTERACTIVE.run(() -> drafts.saveStep(id, WizardStep.LOAD_BALANCER, spec,
                ApprovedRequestFixture.ALICE));
        long loadBalancerAgain = simulator.budget().stats().total();
        simulator.budget().reset();
        CivoLane.INTERACTIVE.run(() -> drafts.submit(id, "bench", ApprovedRequestFixture.ALICE));
        SandboxBudget.Stats submit = simulator.budget().stats();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("first_step_cold_cache", coldFirst);
        figures.put("firewall_step", firewallStep);
        figures.put("load_balancer_step", loadBalancer.total());
        figures.put("load_balancer_step_by_operation", loadBalancer.calls());
        figures.put("load_balancer_step_again_within_cache_lifetime", loadBalancerAgain);
        figures.put("submit", submit.total());
        figures.put("submit_by_operation", submit.calls());
        return figures;
    }

    private ConfigurableApplicationContext secondInstance() {
        TestDatabase database = TestDatabase.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        // the same database, roles, checkpoint directory and signing key as this test's context
        properties.putAll(database.portalProperties(database.jdbcUrl()));
        properties.put("portal.civo.api-key", simulator.apiKey());
        properties.put("portal.civo.base-url", simulator.baseUrl().toString());
        properties.put("portal.civo.rate-limit.requests-per-second", "1");
        properties.put("portal.civo.rate-limit.burst", "5");
        properties.put("server.port", "0");
        properties.put("portal.sandbox.oidc-port", "0");
        properties.put("portal.sandbox.smtp-port", "0");
        properties.put("portal.notifications.dispatch-initial-delay", "1h");
        properties.put("portal.provisioning.initial-delay", "1h");
        properties.put("portal.provisioning.available-poll", "1s");
        properties.put("portal.verification.schedule-initial-delay", "1h");
        properties.put("portal.civo.budget.fail-calls-in-transaction", "true");
        // command-line arguments, not default properties: application.yml's blank portal.civo.api-key would win over
        // those, and the second instance would start a simulator of its own instead of sharing this one
        return new SpringApplicationBuilder(PortalApplication.class).run(properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }

    private double poolTimeouts() {
        return meters.find("hikaricp.connections.timeout").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000d;
    }
}
