package dev.ilbportal.sandbox.civo;

/** A firewall of one network; {@code isDefault} marks the network's undeletable "Default (all open)" firewall. */
record SimulatedFirewall(String id, String name, String region, String networkId, boolean isDefault) {

    SimulatedFirewall renamed(String newName) {
        return new SimulatedFirewall(id, newName, region, networkId, isDefault);
    }
}
