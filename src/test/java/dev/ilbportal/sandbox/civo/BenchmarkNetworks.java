package dev.ilbportal.sandbox.civo;

/** Room for a benchmark's fleet: the seeded /24 networks hold about 250 load balancers each. */
public final class BenchmarkNetworks {

    private BenchmarkNetworks() {
    }

    /** Adds a private network with {@code cidr} (e.g. a /16) to {@code region} and returns its id. */
    public static String add(CivoSimulator simulator, String region, String label, String cidr) {
        String id = CivoWorld.newId();
        simulator.world().add(new SimulatedNetwork(id, "cust-" + id.substring(0, 8) + "-" + label, label,
                region.toUpperCase(java.util.Locale.ROOT), false, Ipv4Cidr.parse(cidr)));
        return id;
    }
}
