package dev.ilbportal.sandbox.civo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's network model, which lets the portal prove a load balancer is internal with real sockets: every
 * available load balancer listens on 127.0.0.1 for its private address and for its public address per port. The
 * private side always accepts, so one shared loopback socket stands for every private endpoint (a fleet of ten
 * thousand load balancers then costs one file descriptor there, not ten thousand). The public side listens only while the attached firewall has an ingress
 * allow rule for TCP on that port from 0.0.0.0/0 (and no such deny rule); otherwise its socket is closed, so a
 * connection is refused. The firewall is re-read after every change to the simulated account, so a rule added
 * through the API opens the port at once and deleting it closes it again.
 */
public final class SandboxNetwork implements AutoCloseable {

    /**
     * The simulated public canary: an address on the internet (TEST-NET-1) that is open from outside, the positive
     * control verification needs. Closing it stands for an outside vantage point whose egress is blocked.
     */
    public static final String CANARY_IP = "192.0.2.10";
    public static final int CANARY_PORT = 443;

    private final CivoWorld world;
    private final Map<String, LoadBalancerSockets> sockets = new HashMap<>();
    /**
     * The same sockets by public address, and by private address (the same private address may be in several
     * networks): a probe of a fleet of ten thousand looks its target up instead of scanning them all.
     */
    private final Map<String, LoadBalancerSockets> byPublicIp = new HashMap<>();
    private final Map<String, List<LoadBalancerSockets>> byPrivateIp = new HashMap<>();
    private EndpointListener canary;
    private EndpointListener sharedPrivate;
    private boolean canaryOpen = true;
    private boolean closed;

    SandboxNetwork(CivoWorld world) {
        this.world = world;
    }

    /**
     * Where a connection from {@code vantage} to {@code ip:port} really goes, or empty when that vantage point has
     * no route there (treat as unreachable/timeout): a private IP from outside or from another network, an address
     * that is not a load balancer's, a port the load balancer does not serve, or a load balancer not yet available.
     * A public endpoint closed by its firewall still resolves: connecting to it is refused.
     */
    public synchronized Optional<InetSocketAddress> resolve(VantagePoint vantage, String ip, int port) {
        if (CANARY_IP.equals(ip) && port == CANARY_PORT) {
            return canaryOpen && !closed ? Optional.of(loopback(canary().port())) : Optional.empty();
        }
        LoadBalancerSockets byPublic = byPublicIp.get(ip);
        if (byPublic != null && byPublic.publicPorts.containsKey(port)) {
            return Optional.of(loopback(byPublic.publicPorts.get(port)));
        }
        if (vantage instanceof VantagePoint.Inside inside) {
            for (LoadBalancerSockets lb : byPrivateIp.getOrDefault(ip, List.of())) {
                if (inside.networkId().equals(lb.networkId) && lb.privatePorts.contains(port)) {
                    return Optional.of(loopback(sharedPrivate().port()));
                }
            }
        }
        return Optional.empty();
    }

    /** Closes the canary: from now on every outside probe of it finds no route, as through a blocked egress. */
    public synchronized void closeCanary() {
        canaryOpen = false;
    }

    public synchronized void openCanary() {
        canaryOpen = true;
    }

    public synchronized boolean canaryOpen() {
        return canaryOpen;
    }

    private EndpointListener sharedPrivate() {
        if (sharedPrivate == null) {
            try {
                sharedPrivate = EndpointListener.open(0);
            } catch (IOException e) {
                throw new UncheckedIOException("The sandbox could not open its private endpoint socket", e);
            }
        }
        return sharedPrivate;
    }

    private EndpointListener canary() {
        if (canary == null) {
            try {
                canary = EndpointListener.open(0);
            } catch (IOException e) {
                throw new UncheckedIOException("The sandbox could not open its canary socket", e);
            }
        }
        return canary;
    }

    /** Whether the public side of this load balancer's port is open right now (for demos and logs). */
    public synchronized boolean isPubliclyOpen(String loadBalancerId, int port) {
        LoadBalancerSockets lb = sockets.get(loadBalancerId);
        return lb != null && lb.publicListeners.containsKey(port);
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Brings the sockets in line with the account: called after every change. */
    void reconcile() {
        synchronized (world) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                Set<String> seen = new HashSet<>();
                for (SimulatedLoadBalancer lb : world.allLoadBalancers()) {
                    if (!lb.isAvailable()) {
                        continue;
                    }
                    seen.add(lb.id());
                    LoadBalancerSockets current = sockets.get(lb.id());
                    if (current != null && !current.matches(lb)) {
                        current.close();
                        current = null;
                    }
                    if (current == null) {
                        current = new LoadBalancerSockets(lb.networkId(), lb.privateIp(), lb.publicIp());
                        sockets.put(lb.id(), current);
                    }
                    current.align(lb.ports(), world.rulesOf(lb.firewallId()));
                }
                sockets.entrySet().removeIf(entry -> {
                    if (seen.contains(entry.getKey())) {
                        return false;
                    }
                    entry.getValue().close();
                    return true;
                });
                byPublicIp.clear();
                byPrivateIp.clear();
                for (LoadBalancerSockets lb : sockets.values()) {
                    byPublicIp.putIfAbsent(lb.publicIp, lb);
                    byPrivateIp.computeIfAbsent(lb.privateIp, ip -> new java.util.ArrayList<>(1)).add(lb);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (canary != null) {
            canary.close();
        }
        if (sharedPrivate != null) {
            sharedPrivate.close();
        }
        sockets.values().forEach(LoadBalancerSockets::close);
        sockets.clear();
        byPublicIp.clear();
        byPrivateIp.clear();
    }

    /** The listeners of one available load balancer. */
    private static final class LoadBalancerSockets {

        private final String networkId;
        private final String privateIp;
        private final String publicIp;
        /** The ports served on the private address (all answered by the network's shared private socket). */
        private final Set<Integer> privatePorts = new HashSet<>();
        private final Map<Integer, EndpointListener> publicListeners = new HashMap<>();
        /** The loopback port that stands for each public port, kept while the listener is closed. */
        private final Map<Integer, Integer> publicPorts = new HashMap<>();

        LoadBalancerSockets(String networkId, String privateIp, String publicIp) {
            this.networkId = networkId;
            this.privateIp = privateIp;
            this.publicIp = publicIp;
        }

        boolean matches(SimulatedLoadBalancer lb) {
            return networkId.equals(lb.networkId()) && privateIp.equals(lb.privateIp())
                    && publicIp.equals(lb.publicIp());
        }

        void align(Set<Integer> ports, List<SimulatedFirewallRule> rules) {
            privatePorts.retainAll(ports);
            privatePorts.addAll(ports);
            publicPorts.keySet().removeIf(port -> !ports.contains(port));
            for (int port : ports) {
                boolean open = opensToInternet(rules, port) && ports.contains(port);
                EndpointListener listener = publicListeners.get(port);
                if (open && listener == null) {
                    EndpointListener opened = open(publicPorts.getOrDefault(port, 0));
                    publicListeners.put(port, opened);
                    publicPorts.put(port, opened.port());
                } else if (!open && listener != null) {
                    listener.close();
                    publicListeners.remove(port);
                } else if (!open && !publicPorts.containsKey(port)) {
                    // Reserve a stand-in port that refuses connections until a rule opens it.
                    EndpointListener probe = open(0);
                    publicPorts.put(port, probe.port());
                    probe.close();
                }
            }
            publicListeners.keySet().removeIf(port -> {
                if (ports.contains(port)) {
                    return false;
                }
                publicListeners.get(port).close();
                return true;
            });
        }

        /** Deny rules win over allow rules, a choice since Civo does not document their precedence [?]. */
        private static boolean opensToInternet(List<SimulatedFirewallRule> rules, int port) {
            boolean allowed = rules.stream()
                    .anyMatch(rule -> rule.action().equals("allow") && rule.matchesInternetTcp(port));
            boolean denied = rules.stream()
                    .anyMatch(rule -> rule.action().equals("deny") && rule.matchesInternetTcp(port));
            return allowed && !denied;
        }

        private static EndpointListener open(int port) {
            try {
                return EndpointListener.open(port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a sandbox load balancer socket", e);
            }
        }

        void close() {
            publicListeners.values().forEach(EndpointListener::close);
            privatePorts.clear();
            publicListeners.clear();
        }
    }
}
