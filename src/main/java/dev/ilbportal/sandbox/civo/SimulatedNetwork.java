package dev.ilbportal.sandbox.civo;

/** A private network of one region; exactly one per region is the default network. */
record SimulatedNetwork(String id, String name, String label, String region, boolean isDefault, Ipv4Cidr cidr) {
}
