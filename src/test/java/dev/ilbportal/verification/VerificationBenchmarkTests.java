package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.sandbox.civo.BenchmarkNetworks;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.verification.internal.VerificationSchedule;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (./mvnw -B -ntp -Pbench verify): 10,000 and 1,000 available load balancers over three regions of the
 * sandbox, every outside check timing out on a real socket, the control target reachable, verified in one round each
 * at the production Civo rate limit (1 call/s, burst 5). Then the watch over the 10,000: its share of the Civo
 * budget, and the time from an ingress rule added through the sandbox's API to the load balancer being EXPOSED.
 * Writes target/bench/verification.json.
 */
@Tag("bench")
@PortalApplicationTest
@TestPropertySource(properties = {
        "portal.civo.rate-limit.requests-per-second=1",
        "portal.civo.rate-limit.burst=5",
        "portal.sandbox.civo-provisioning-delay=0s",
        "portal.sandbox.civo-load-balancer-limit=100000",
        "portal.sandbox.civo-firewall-limit=100000",
        "portal.verification.schedule-initial-delay=1h",
        "portal.provisioning.initial-delay=1h",
        "portal.verification.connect-timeout=${bench.verification.timeout:5s}"
})
class VerificationBenchmarkTests {

    static final int FLEET = Integer.getInteger("bench.verification.count", 10_000);
    static final int SMALL = 1_000;
    static final List<String> REGIONS = List.of("LON1", "FRA1", "NYC1");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    VerificationProperties properties;
    @Autowired
    CivoSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InventoryVerificationState inventory;
    @Autowired
    Verifier verifier;
    @Autowired
    VerificationSchedule schedule;

    final HttpClient http = HttpClient.newHttpClient();

    /**
     * When, within a round, the probes started and ended (nanoTime of the first and last of each), measured by the
     * benchmark's vantage points: the breakdown shows whether every outside probe was in flight at once.
     */
    static final class ProbeTimes {
        static final java.util.concurrent.atomic.AtomicLong lastOutsideStart = new java.util.concurrent.atomic.AtomicLong();
        static final java.util.concurrent.atomic.AtomicLong lastOutsideEnd = new java.util.concurrent.atomic.AtomicLong();
        static final java.util.concurrent.atomic.AtomicLong lastInsideEnd = new java.util.concurrent.atomic.AtomicLong();
        static final java.util.concurrent.atomic.AtomicLong outsideProbes = new java.util.concurrent.atomic.AtomicLong();

        static void reset() {
            lastOutsideStart.set(0);
            lastOutsideEnd.set(0);
            lastInsideEnd.set(0);
            outsideProbes.set(0);
        }

        static long since(long origin, java.util.concurrent.atomic.AtomicLong at) {
            return at.get() == 0 ? -1 : (at.get() - origin) / 1_000_000;
        }
    }

    /**
     * Outside, a listening socket that never accepts: once its tiny backlog is full the kernel drops further
     * connection attempts, so every outside connect really times out. The control target is a socket that accepts.
     */
    @TestConfiguration
    static class SilentOutside {

        @Bean
        @Order(0)
        Vantage silentOutsideVantage(VerificationProperties properties) throws IOException {
            ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort());
            for (int i = 0; i < 4; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, 200);
                } catch (IOException full) {
                    filler.close();
                }
            }
            ServerSocket control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!control.isClosed()) {
                    try {
                        control.accept().close();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return new Vantage() {
                @Override
                public String name() {
                    return "silent-outside (" + silent.getLocalPort() + ")";
                }

                @Override
                public Side side() {
                    return Side.OUTSIDE;
                }

                @Override
                public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
                    boolean isControl = ip.equals(properties.outsideControl().host())
                            && properties.outsideControl().port() == port;
                    if (!isControl) {
                        ProbeTimes.lastOutsideStart.accumulateAndGet(System.nanoTime(), Math::max);
                        ProbeTimes.outsideProbes.incrementAndGet();
                    }
                    Probe probe = TcpProbe.connect(isControl ? new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            control.getLocalPort()) : address, ip, false, timeout);
                    if (!isControl) {
                        ProbeTimes.lastOutsideEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                    return probe;
                }
            };
        }

        /** The sandbox's inside vantage point, timed. */
        @Bean
        @Order(0)
        Vantage timedInsideVantage(dev.ilbportal.sandbox.civo.SandboxNetwork network) {
            Vantage sandbox = new dev.ilbportal.sandbox.civo.SandboxVantage(network, Side.INSIDE);
            return new Vantage() {
                @Override
                public String name() {
                    return sandbox.name();
                }

                @Override
                public Side side() {
                    return Side.INSIDE;
                }

                @Override
                public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
                    Probe probe = sandbox.probe(networkId, ip, port, http, timeout);
                    ProbeTimes.lastInsideEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    return probe;
                }
            };
        }
    }

    private JsonNode civo(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                .header("Authorization", "bearer " + simulator.apiKey()).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    /** How long placing the fleet in the sandbox and the inventory took (not part of any measured figure). */
    long seedingMs;

    /**
     * Places the fleet in the sandbox in-process ({@link BenchmarkNetworks#addAvailableLoadBalancers}: as available
     * load balancers behind one firewall per region, which is created through the API) and in the inventory with one
     * batch insert. Creating ten thousand through the simulator's HTTP API took longer than the benchmark itself.
     */
    private List<InternalLoadBalancer> fleet() throws Exception {
        long started = System.nanoTime();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < REGIONS.size(); r++) {
            String region = REGIONS.get(r);
            String network = BenchmarkNetworks.add(simulator, region, "bench-" + r, "10." + (150 + r) + ".0.0/16");
            String firewall = civo("POST", "/v2/firewalls", """
                    {"name":"bench-fw-%s","region":"%s","network_id":"%s","create_rules":false}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8), region, network)).get("id").asString();
            int inRegion = FLEET / REGIONS.size() + (r < FLEET % REGIONS.size() ? 1 : 0);
            for (BenchmarkNetworks.Placed lb : BenchmarkNetworks.addAvailableLoadBalancers(simulator, region, network,
                    firewall, "bench-" + run + "-" + r + "-", inRegion, 443)) {
                rows.add(new Object[] {UUID.randomUUID(), UUID.randomUUID(), region, network, lb.name(), lb.id(),
                        firewall, lb.privateIp(), lb.publicIp()});
            }
        }
        assertThat(rows).hasSize(FLEET);
        jdbc.batchUpdate("insert into internal_load_balancer (id, request_id, team, region, network_id, name, civo_id, "
                + "firewall_id, firewall_created, private_ip, public_ip, status, created_at, updated_at, ports) "
                + "values (?, ?, 'bench', ?, ?, ?, ?, ?, true, ?, ?, 'ACTIVE', now(), now(), '443/TCP')", rows);
        List<InternalLoadBalancer> fleet = inventory.verifiable().stream().filter(lb -> "bench".equals(lb.team()))
                .toList();
        seedingMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("Verification benchmark: seeded " + fleet.size() + " load balancers in " + seedingMs
                + " ms");
        return fleet;
    }

    private Map<String, Object> round(List<InternalLoadBalancer> loadBalancers) {
        System.gc();
        resetPeaks();
        long calls = simulator.civoCalls();
        ProbeTimes.reset();
        long started = System.nanoTime();
        Verifier.RoundReport report = verifier.verifyRound(loadBalancers, Trigger.SCHEDULE);
        long wall = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long timeout = properties.connectTimeout().toMillis();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("load_balancers", loadBalancers.size());
        figures.put("regions", report.regions());
        figures.put("rate_limit_per_second", 1);
        figures.put("wall_ms", wall);
        figures.put("timeout_ms", timeout);
        figures.put("wall_to_timeout_ratio", Math.round(1000.0 * wall / timeout) / 1000.0);
        figures.put("civo_calls", simulator.civoCalls() - calls);
        figures.put("peak_heap_bytes", peakHeap());
        figures.put("listing_ms", report.listingMillis());
        figures.put("probes_ms", report.probesMillis());
        figures.put("recording_ms", report.recordingMillis());
        figures.put("last_outside_probe_started_ms", ProbeTimes.since(started, ProbeTimes.lastOutsideStart));
        figures.put("last_outside_probe_ended_ms", ProbeTimes.since(started, ProbeTimes.lastOutsideEnd));
        figures.put("last_inside_probe_ended_ms", ProbeTimes.since(started, ProbeTimes.lastInsideEnd));
        figures.put("outside_probes", ProbeTimes.outsideProbes.get());
        figures.put("outcomes", report.outcomes().toString());
        System.out.println("Verification benchmark round: " + figures);
        return figures;
    }

    @Test
    void roundsCostTwoCivoCallsPerRegionAndAboutOneTimeoutAndTheWatchFindsARuleWithinAMinute() throws Exception {
        List<InternalLoadBalancer> fleet = fleet();
        List<InternalLoadBalancer> everyTenth = new ArrayList<>();
        for (int i = 0; i < fleet.size() && everyTenth.size() < SMALL; i += Math.max(1, fleet.size() / SMALL)) {
            everyTenth.add(fleet.get(i));
        }
        Map<String, Object> small = round(everyTenth);
        Map<String, Object> large = round(fleet);
        if (!Boolean.parseBoolean(System.getProperty("bench.verification.watch", "true"))) {
            return; // -Dbench.verification.watch=false: the rounds alone, while working on them
        }

        // The watch: two ticks (one reads load balancers and firewalls, the next only firewalls) per two intervals.
        jdbc.update("update verification_schedule set last_watch_at = null where id = 1");
        long before = simulator.civoCalls();
        long tickStarted = System.nanoTime();
        schedule.watch();
        long firstTickMs = Duration.ofNanos(System.nanoTime() - tickStarted).toMillis();
        tickStarted = System.nanoTime();
        schedule.watch();
        long secondTickMs = Duration.ofNanos(System.nanoTime() - tickStarted).toMillis();
        long watchCalls = simulator.civoCalls() - before;
        double budgetShare = watchCalls / (2.0 * properties.configInterval().toSeconds() * 1.0);

        // Exposure: a tick has just run when the rule is added (the worst case); the scheduler's own method is then
        // called every second, as its fixed delay would, until the load balancer is exposed.
        InternalLoadBalancer target = fleet.get(FLEET / 2);
        schedule.watchIfDue();
        long added = System.nanoTime();
        civo("POST", "/v2/firewalls/" + target.firewallId() + "/rules", """
                {"region":"%s","protocol":"tcp","start_port":"443","end_port":"443","cidr":["0.0.0.0/0"],
                 "direction":"ingress","action":"allow","label":"opened by hand"}""".formatted(target.region()));
        while (!"EXPOSED".equals(inventory.find(target.id()).orElseThrow().proofStatus())) {
            assertThat(Duration.ofNanos(System.nanoTime() - added)).isLessThan(Duration.ofMinutes(5));
            Thread.sleep(1000);
            schedule.watchIfDue();
        }
        long exposureMs = Duration.ofNanos(System.nanoTime() - added).toMillis();

        Path out = Path.of("target", "bench", "verification.json");
        Files.createDirectories(out.getParent());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fleet", large);
        json.put("small_fleet", small);
        json.put("watch_budget_share", Math.round(10000.0 * budgetShare) / 10000.0);
        json.put("watch_civo_calls_per_two_ticks", watchCalls);
        json.put("config_interval_ms", properties.configInterval().toMillis());
        json.put("exposure_detected_ms", exposureMs);
        json.put("watch_tick_ms", List.of(firstTickMs, secondTickMs));
        json.put("seeding_ms", seedingMs);
        json.put("targets", Map.of("wall_to_timeout_ratio_fleet", 2.0, "wall_to_timeout_ratio_small_fleet", 1.3,
                "civo_calls_per_region", 2, "peak_heap_bytes", 512L * 1024 * 1024, "watch_budget_share", 0.10,
                "exposure_detected_ms", 70_000));
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        System.out.println("Verification benchmark: " + Files.readString(out));

        assertThat(large.get("civo_calls")).isEqualTo(2L * REGIONS.size());
        assertThat(small.get("civo_calls")).isEqualTo(2L * REGIONS.size());
        assertThat(jdbc.queryForObject("select count(*) from verification_check c join verification_run r "
                + "on r.id = c.run_id join internal_load_balancer l on l.id = r.load_balancer_id where l.team = 'bench' "
                + "and c.check_name = 'OUTSIDE_UNREACHABLE' and c.outcome = 'PASS' and c.detail like 'No answer within%'",
                Integer.class)).isEqualTo(FLEET + SMALL);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
