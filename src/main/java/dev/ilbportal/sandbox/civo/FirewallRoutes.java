package dev.ilbportal.sandbox.civo;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v2/firewalls}: list, create (Civo's default rules unless {@code create_rules} is false), show, rename,
 * delete (refused while in use), and the rules below {@code /v2/firewalls/{id}/rules}.
 */
final class FirewallRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        CivoWorld world = request.world();
        String region = request.region();
        if (request.is("GET", 1)) {
            return SimulatorResponse.okList(world.firewalls(region), firewall -> SimulatorJson.firewall(firewall, world));
        }
        if (request.is("POST", 1)) {
            return create(request, world, region);
        }
        if (request.size() == 2) {
            String id = request.segment(1);
            return switch (request.method()) {
                // No official client calls show [?]; answering it is harmless and handy for tools and tests.
                case "GET" -> SimulatorResponse.ok(SimulatorJson.firewall(world.firewall(region, id), world));
                case "PUT" -> {
                    SimulatedFirewall renamed = world.renameFirewall(region, id,
                            request.fields().requiredText("name"));
                    yield SimulatorResponse.ok(SimulatorJson.success().put("id", renamed.id()));
                }
                case "DELETE" -> {
                    world.deleteFirewall(region, id);
                    yield SimulatorResponse.ok(SimulatorJson.success());
                }
                default -> throw Routes.noRoute(request);
            };
        }
        if (request.size() >= 3 && request.segment(2).equals("rules")) {
            return rules(request, world, region);
        }
        throw Routes.noRoute(request);
    }

    private static SimulatorResponse create(SimulatorRequest request, CivoWorld world, String region) {
        RequestFields fields = request.fields();
        String name = fields.requiredText("name");
        String networkId = fields.text("network_id", "");
        if (networkId.isBlank()) {
            // Docs call network_id required, yet every client falls back to the default network [C]: so do we.
            networkId = world.defaultNetwork(region).id();
        }
        List<RuleDraft> drafts = new ArrayList<>();
        if (fields.bool("create_rules", true)) {
            drafts.addAll(RuleDraft.civoDefaults());
        }
        for (RequestFields rule : fields.objects("rules")) {
            drafts.add(ruleDraft(rule));
        }
        SimulatedFirewall firewall = world.createFirewall(region, name, networkId, drafts);
        return SimulatorResponse.ok(SimulatorJson.object().put("id", firewall.id()).put("name", firewall.name())
                .put("result", "success"));
    }

    private static SimulatorResponse rules(SimulatorRequest request, CivoWorld world, String region) {
        String firewallId = request.segment(1);
        if (request.is("GET", 3)) {
            return SimulatorResponse.okList(world.rulesOf(world.firewall(region, firewallId).id()), SimulatorJson::rule);
        }
        if (request.is("POST", 3)) {
            SimulatedFirewallRule rule = world.addRule(region, firewallId, ruleDraft(request.fields()));
            return SimulatorResponse.ok(SimulatorJson.rule(rule));
        }
        if (request.is("DELETE", 4)) {
            world.deleteRule(region, firewallId, request.segment(3));
            return SimulatorResponse.ok(SimulatorJson.success());
        }
        throw Routes.noRoute(request);
    }

    /** Validates one rule as docs/civo.md §3.4 describes; {@code ports} wins over start/end when both are given. */
    static RuleDraft ruleDraft(RequestFields fields) {
        String protocol = fields.choice("protocol", "tcp", List.of("tcp", "udp", "icmp"));
        // Direction and action default to ingress and allow as in Civo's docs and CLI [C].
        String direction = fields.choice("direction", "ingress", List.of("ingress", "egress"));
        String action = fields.choice("action", "allow", List.of("allow", "deny"));
        String label = fields.text("label", null);
        List<String> cidr = fields.strings("cidr");
        if (cidr.isEmpty()) {
            cidr = List.of("0.0.0.0/0");
        }
        cidr.forEach(FirewallRoutes::requireCidr);
        if (protocol.equals("icmp")) {
            return new RuleDraft(protocol, "", "", cidr, direction, action, label);
        }
        String start;
        String end;
        String ports = fields.portText("ports");
        if (!ports.isEmpty()) {
            int dash = ports.indexOf('-');
            start = dash < 0 ? ports : ports.substring(0, dash).trim();
            end = dash < 0 ? ports : ports.substring(dash + 1).trim();
        } else {
            start = fields.portText("start_port");
            if (start.isEmpty()) {
                throw CivoError.badRequest("parameter_start_port_missing", "The start port is required");
            }
            end = fields.portText("end_port");
            if (end.isEmpty()) {
                end = start;
            }
        }
        int startPort = portNumber(start);
        int endPort = portNumber(end);
        if (startPort > endPort) {
            throw invalidRule("the start port " + startPort + " is after the end port " + endPort);
        }
        return new RuleDraft(protocol, String.valueOf(startPort), String.valueOf(endPort), cidr, direction, action,
                label);
    }

    private static int portNumber(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalidRule("'" + text + "' is not a port between 1 and 65535");
    }

    private static void requireCidr(String cidr) {
        try {
            if (cidr.contains(":")) {
                String address = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
                if (!address.matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException(cidr);
                }
                java.net.InetAddress.getByName(address);
            } else {
                Ipv4Cidr.parse(cidr);
            }
        } catch (IllegalArgumentException | java.net.UnknownHostException e) {
            throw invalidRule("'" + cidr + "' is not a CIDR block");
        }
    }

    private static CivoError invalidRule(String why) {
        return CivoError.badRequest("database_firewall_rules_invalid_params", "Invalid firewall rule: " + why);
    }
}
