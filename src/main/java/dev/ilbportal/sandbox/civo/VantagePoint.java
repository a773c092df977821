package dev.ilbportal.sandbox.civo;

/**
 * Where a connection attempt starts: inside one private network (reaches the private IPs of that network's load
 * balancers and every public IP) or outside on the internet (reaches public IPs only).
 */
public sealed interface VantagePoint {

    static VantagePoint inside(String networkId) {
        return new Inside(networkId);
    }

    static VantagePoint outside() {
        return new Outside();
    }

    /** A machine in the private network with this id. */
    record Inside(String networkId) implements VantagePoint {
    }

    /** A machine on the internet. */
    record Outside() implements VantagePoint {
    }
}
