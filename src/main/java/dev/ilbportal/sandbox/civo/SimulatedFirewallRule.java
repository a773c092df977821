package dev.ilbportal.sandbox.civo;

import java.util.List;

/** One firewall rule; ports are strings as in Civo's API (empty for icmp). */
record SimulatedFirewallRule(String id, String firewallId, String protocol, String startPort, String endPort,
        List<String> cidr, String direction, String action, String label) {

    String ports() {
        if (startPort.isEmpty()) {
            return "";
        }
        return startPort.equals(endPort) ? startPort : startPort + "-" + endPort;
    }

    boolean isIngress() {
        return "ingress".equals(direction);
    }

    /** Whether this rule matches a TCP connection from anywhere on the internet to the given port. */
    boolean matchesInternetTcp(int port) {
        if (!isIngress() || !"tcp".equals(protocol) || startPort.isEmpty()) {
            return false;
        }
        int start = Integer.parseInt(startPort);
        int end = Integer.parseInt(endPort);
        return port >= start && port <= end
                && cidr.stream().anyMatch(block -> block.contains(".") && Ipv4Cidr.parse(block).coversEverything());
    }
}
