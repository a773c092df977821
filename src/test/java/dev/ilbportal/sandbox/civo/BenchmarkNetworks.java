package dev.ilbportal.sandbox.civo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Room for a benchmark's fleet: the seeded /24 networks hold about 250 load balancers each, so a benchmark adds a
 * /16, and it may place thousands of available load balancers in the simulated account in-process (what is measured
 * afterwards still talks to the sandbox over HTTP).
 */
public final class BenchmarkNetworks {

    /** Public addresses of seeded fleets come from 198.18.0.0/15 (RFC 2544 benchmarking), never from the seed's. */
    private static final AtomicInteger NEXT_PUBLIC = new AtomicInteger();

    private BenchmarkNetworks() {
    }

    /** Adds a private network with {@code cidr} (e.g. a /16) to {@code region} and returns its id. */
    public static String add(CivoSimulator simulator, String region, String label, String cidr) {
        String id = CivoWorld.newId();
        simulator.world().add(new SimulatedNetwork(id, "cust-" + id.substring(0, 8) + "-" + label, label,
                region.toUpperCase(Locale.ROOT), false, Ipv4Cidr.parse(cidr)));
        return id;
    }

    /** A load balancer placed by {@link #addAvailableLoadBalancers}. */
    public record Placed(String id, String name, String privateIp, String publicIp) {
    }

    /**
     * Places {@code count} available load balancers straight into the simulated account, as a create through the
     * API followed by provisioning would leave them: in {@code networkId} (private addresses from its third host on,
     * in order; the network must be new and large enough), behind {@code firewallId}, one TCP backend on
     * {@code port}. The sandbox's network model then opens their sockets once, instead of once per create.
     */
    public static List<Placed> addAvailableLoadBalancers(CivoSimulator simulator, String region, String networkId,
            String firewallId, String namePrefix, int count, int port) {
        CivoWorld world = simulator.world();
        String code = region.toUpperCase(Locale.ROOT);
        SimulatedNetwork network = world.network(code, networkId);
        world.firewall(code, firewallId);
        if (count > network.cidr().usableHosts() - 1) {
            throw new IllegalArgumentException("Network " + network.cidr() + " cannot hold " + count);
        }
        String backend = network.cidr().host(network.cidr().usableHosts() + 1);
        List<SimulatedLoadBalancer> built = new ArrayList<>(count);
        List<Placed> placed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = NEXT_PUBLIC.getAndIncrement();
            if (n >= 2 * 256 * 250) {
                throw new IllegalStateException("198.18.0.0/15 is used up by earlier benchmark fleets");
            }
            String publicIp = "198." + (18 + n / (256 * 250)) + "." + (n / 250 % 256) + "." + (n % 250 + 1);
            String privateIp = network.cidr().host(i + 2);
            String id = CivoWorld.newId();
            String name = namePrefix + i;
            // the fields a create through the API with only these fields set would store
            built.add(new SimulatedLoadBalancer(id, name, code, "", networkId, "round_robin",
                    List.of(new Backend(backend, "TCP", port, 8443, 0)), List.of(), "Cluster", "", null, "",
                    publicIp, privateIp, firewallId, "", SimulatedLoadBalancer.AVAILABLE, 10_000, "60s", "60s"));
            placed.add(new Placed(id, name, privateIp, publicIp));
        }
        world.add(built);
        simulator.network().reconcile();
        return placed;
    }
}
