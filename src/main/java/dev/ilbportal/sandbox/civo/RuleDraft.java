package dev.ilbportal.sandbox.civo;

import java.util.List;

/** A validated firewall rule that has no id yet. */
record RuleDraft(String protocol, String startPort, String endPort, List<String> cidr, String direction,
        String action, String label) {

    private static final List<String> EVERYWHERE = List.of("0.0.0.0/0");

    /** The three rules Civo adds when {@code create_rules} is omitted or true [R]: everything open from anywhere. */
    static List<RuleDraft> civoDefaults() {
        return List.of(
                new RuleDraft("tcp", "1", "65535", EVERYWHERE, "ingress", "allow", "All TCP ports open"),
                new RuleDraft("udp", "1", "65535", EVERYWHERE, "ingress", "allow", "All UDP ports open"),
                new RuleDraft("icmp", "", "", EVERYWHERE, "ingress", "allow", "Ping/traceroute"));
    }

    SimulatedFirewallRule toRule(String id, String firewallId) {
        return new SimulatedFirewallRule(id, firewallId, protocol, startPort, endPort, List.copyOf(cidr), direction,
                action, label);
    }
}
