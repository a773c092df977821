package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.HealthCheck;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.support.PortalApplicationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark (./mvnw -B -ntp -Pbench verify): N available load balancers in the sandbox whose outside checks all time
 * out, verified in one round. Writes target/bench/verification.json with wall time, timeout and their ratio.
 */
@Tag("bench")
@PortalApplicationTest
@TestPropertySource(properties = {
        "portal.civo.rate-limit.requests-per-second=100000",
        "portal.civo.rate-limit.burst=100000",
        "portal.sandbox.civo-provisioning-delay=0s",
        "portal.sandbox.civo-load-balancer-limit=100000",
        "portal.sandbox.civo-firewall-limit=100000",
        "portal.verification.schedule-initial-delay=1h",
        "portal.provisioning.initial-delay=1h",
        "portal.verification.connect-timeout=${bench.verification.timeout:5s}"
})
class VerificationBenchmark {

    static final int COUNT = Integer.getInteger("bench.verification.count", 1000);
    @Autowired
    VerificationProperties properties;

    @Autowired
    CivoClient civo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InventoryVerificationState inventory;
    @Autowired
    Verifier verifier;

    /**
     * A listening socket that never accepts: once its tiny backlog is full, the kernel drops further connection
     * attempts, so every outside connect really times out, on loopback.
     */
    @TestConfiguration
    static class SilentOutside {

        @Bean
        @Order(0)
        Vantage silentOutsideVantage() throws IOException {
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
                    return TcpProbe.connect(address, ip, false, timeout);
                }
            };
        }
    }

    @Test
    void verifyingManyLoadBalancersWhoseOutsideChecksTimeOutTakesAboutOneTimeout() throws Exception {
        // Each seeded /24 network has room for about 250 load balancers: spread them over every region's networks.
        record Place(String region, String network, String firewall) {
        }
        List<Place> places = new ArrayList<>();
        for (String region : List.of("LON1", "FRA1", "NYC1")) {
            for (Network candidate : civo.listNetworks(region)) {
                places.add(new Place(region, candidate.id(), civo.createFirewall(FirewallCreateRequest.withoutRules(
                        "bench-" + UUID.randomUUID(), region, candidate.id())).id()));
            }
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Place place = places.get(i % places.size());
            String network = place.network();
            String firewall = place.firewall();
            String region = place.region();
            LoadBalancer lb = civo.createLoadBalancer(new LoadBalancerCreateRequest(region, "bench-" + i + "-"
                    + UUID.randomUUID().toString().substring(0, 6), null, network, "round_robin", firewall, 10000,
                    null, List.of(new InstancePool(List.of("payments-api"), List.of(), "TCP", 443, 8443,
                    new HealthCheck(8443, "/"))), null, null, null, null, null, null, null));
            LoadBalancer ready = civo.getLoadBalancer(region, lb.id());
            UUID id = UUID.randomUUID();
            jdbc.update("insert into internal_load_balancer (id, request_id, team, region, network_id, name, civo_id, "
                            + "firewall_id, firewall_created, private_ip, public_ip, status, created_at, updated_at, "
                            + "ports) values (?, ?, 'bench', ?, ?, ?, ?, ?, true, ?, ?, 'ACTIVE', now(), now(), "
                            + "'443/TCP')", id, UUID.randomUUID(), region, network, ready.name(), ready.id(), firewall,
                    ready.privateIp(), ready.publicIp());
            ids.add(id);
        }
        List<InternalLoadBalancer> all = ids.stream().map(id -> inventory.find(id).orElseThrow()).toList();
        System.gc();
        long heapBefore = usedHeap();
        resetPeaks();

        long started = System.nanoTime();
        verifier.verifyRound(all, Trigger.SCHEDULE);
        Duration wall = Duration.ofNanos(System.nanoTime() - started);

        long peakHeap = peakHeap();
        double ratio = (double) wall.toMillis() / properties.connectTimeout().toMillis();
        Integer timedOut = jdbc.queryForObject("select count(*) from verification_check c join verification_run r "
                + "on r.id = c.run_id join internal_load_balancer l on l.id = r.load_balancer_id where l.team = 'bench' "
                + "and c.check_name = 'OUTSIDE_UNREACHABLE' and c.detail like 'No answer within%'", Integer.class);
        Path out = Path.of("target", "bench", "verification.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, """
                {"load_balancers": %d, "timeout_ms": %d, "wall_ms": %d, "wall_to_timeout_ratio": %.3f,
                 "target_ratio": 1.5, "outside_checks_timed_out": %d, "heap_before_bytes": %d, "peak_heap_bytes": %d,
                 "parallelism": %d}
                """.formatted(COUNT, properties.connectTimeout().toMillis(), wall.toMillis(), ratio, timedOut, heapBefore, peakHeap,
                properties.parallelism()));
        System.out.println("Verification benchmark: " + Files.readString(out));
        assertThat(timedOut).isEqualTo(COUNT);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
