package dev.ilbportal.verification.internal;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRules;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.kubernetes.AppliedService;
import dev.ilbportal.kubernetes.KubernetesApiException;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ServiceManifest;
import dev.ilbportal.kubernetes.UnusableKubeconfig;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InternalLoadBalancer.ListeningPort;
import dev.ilbportal.provisioning.KubernetesTargets;
import dev.ilbportal.verification.CheckName;
import dev.ilbportal.verification.CheckResult;
import dev.ilbportal.verification.Outcome;
import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Side;
import dev.ilbportal.verification.Vantage;
import dev.ilbportal.verification.VerificationProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The checks of one run for one load balancer. Civo's view (exists, firewall, rules) is read from the region's
 * snapshot; then real connections to every port from inside and from outside, the outside ones counting only when
 * the round's positive control passed. Anything that could not be looked at is inconclusive.
 */
@Component
public class LoadBalancerChecks {

    private final CivoClient civo;
    private final ObjectProvider<Vantage> vantages;
    private final VerificationProperties properties;
    private final KubernetesTargets kubernetesTargets;
    /**
     * Inside probes usually connect at once, so a few at a time keep up with thousands of outside probes that each
     * hold a socket until the connect timeout: the open sockets stay near {@code parallelism}, not twice that.
     */
    private final java.util.concurrent.Semaphore insideSlots;

    public LoadBalancerChecks(CivoClient civo, ObjectProvider<Vantage> vantages, VerificationProperties properties,
            KubernetesTargets kubernetesTargets) {
        this.civo = civo;
        this.vantages = vantages;
        this.properties = properties;
        this.kubernetesTargets = kubernetesTargets;
        this.insideSlots = new java.util.concurrent.Semaphore(Math.min(properties.parallelism(), INSIDE_PARALLELISM));
    }

    static final int INSIDE_PARALLELISM = 256;

    /**
     * Starts a round: probes the control target once from the outside vantage point, on a virtual thread of its own,
     * so the round's outside probes start beside it instead of after it.
     */
    public Round startRound() {
        Optional<Vantage> outside = vantage(Side.OUTSIDE);
        if (outside.isEmpty()) {
            return new Round(new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.INCONCLUSIVE, null, "none",
                    "No outside vantage point is configured", 0));
        }
        java.util.concurrent.CompletableFuture<CheckResult> control = new java.util.concurrent.CompletableFuture<>();
        Round round = new Round(control);
        Thread.ofVirtual().start(() -> {
            try {
                CheckResult result = OutsideControl.probe(outside.get(), properties.outsideControl(),
                        properties.connectTimeout());
                noteRefusal(round, outside.get(), result.detail(), result.outcome() != Outcome.PASS
                        && result.detail().contains(UNTRUSTED_MARK));
                control.complete(result);
            } catch (RuntimeException | Error e) {
                control.complete(new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.INCONCLUSIVE, null,
                        outside.get().name(), "The control probe failed: " + e.getMessage(), 0));
            }
        });
        return round;
    }

    /** Every check for one load balancer ("Verify now"): its Kubernetes Service, if any, is looked up first. */
    public List<CheckResult> run(InternalLoadBalancer lb, RegionSnapshot snapshot, Round round) {
        return run(lb, snapshot, round, kubernetesTargets.serviceOf(lb));
    }

    /** The Kubernetes Services behind a round's load balancers, read once before its probes start. */
    public java.util.Map<java.util.UUID, ServiceManifest> servicesOf(List<InternalLoadBalancer> loadBalancers) {
        return kubernetesTargets.servicesOf(loadBalancers);
    }

    /** Every check: Civo's side from the snapshot, then the control, the probes and a Kubernetes Service's status. */
    public List<CheckResult> run(InternalLoadBalancer lb, RegionSnapshot snapshot, Round round,
                                 Optional<ServiceManifest> kubernetesService) {
        List<CheckResult> results = civoSide(lb, snapshot);
        results.addAll(probes(lb, snapshot, round, kubernetesService));
        return results;
    }

    /**
     * The network half alone: the control, the probes and a Kubernetes Service's status, for a load balancer found in
     * {@code snapshot} (its load balancers suffice); nothing when it is not there.
     */
    public List<CheckResult> probes(InternalLoadBalancer lb, RegionSnapshot snapshot, Round round,
                                    Optional<ServiceManifest> kubernetesService) {
        return probes(lb, snapshot, round, kubernetesService, startOutsideProbes(lb, snapshot, round));
    }

    /**
     * The outside probes of one load balancer's ports, started at {@code address}: usually its public IP as Civo
     * lists it, or, in a round, the one the inventory recorded at provisioning, started before Civo's list has arrived.
     */
    public record OutsideProbes(String address, List<java.util.concurrent.CompletableFuture<CheckResult>> results) {

        static final OutsideProbes NONE = new OutsideProbes(null, List.of());

        /** Whether these probes went to the address Civo lists now (otherwise they prove nothing about it). */
        boolean wentTo(String listed) {
            return address != null && address.equals(listed);
        }
    }

    /**
     * Starts the outside probes at the public IP Civo lists for {@code lb} in {@code snapshot}; none when it is not
     * there.
     */
    public OutsideProbes startOutsideProbes(InternalLoadBalancer lb, RegionSnapshot snapshot, Round round) {
        Optional<LoadBalancer> live = snapshot.loadBalancer(lb.civoId());
        if (!snapshot.answered() || live.isEmpty()) {
            return OutsideProbes.NONE;
        }
        return startOutsideProbes(lb, live.get().publicIp(), round);
    }

    /**
     * Starts the outside probe of every port of {@code lb} at {@code address} at once, each on a virtual thread of
     * its own (they usually wait out the whole timeout); a round starts every load balancer's before any inside
     * probe, so ten thousand outside timeouts run together and nothing queues in front of them. None when there is no
     * address: the probes that run afterwards say so.
     */
    public OutsideProbes startOutsideProbes(InternalLoadBalancer lb, String address, Round round) {
        if (address == null || address.isBlank()) {
            return OutsideProbes.NONE;
        }
        List<java.util.concurrent.CompletableFuture<CheckResult>> outside = new ArrayList<>();
        for (ListeningPort port : lb.listeningPorts()) {
            java.util.concurrent.CompletableFuture<CheckResult> result = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    result.complete(reach(Side.OUTSIDE, lb, address, port, round));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
            outside.add(result);
        }
        return new OutsideProbes(address, outside);
    }

    /**
     * The network half with the outside probes already started ({@link #startOutsideProbes}). Probes that went to
     * another address than the one Civo lists now (the inventory's, when the load balancer's IP changed) are not
     * used: its listed address is probed again, so every result is about the address Civo reports.
     */
    public List<CheckResult> probes(InternalLoadBalancer lb, RegionSnapshot snapshot, Round round,
                                    Optional<ServiceManifest> kubernetesService, OutsideProbes started) {
        List<CheckResult> results = new ArrayList<>();
        Optional<LoadBalancer> live = snapshot.loadBalancer(lb.civoId());
        if (!snapshot.answered() || live.isEmpty()) {
            return results;
        }
        OutsideProbes outside = started.wentTo(live.get().publicIp()) ? started
                : startOutsideProbes(lb, live.get().publicIp(), round);
        results.add(round.control());
        List<ListeningPort> ports = lb.listeningPorts();
        for (int i = 0; i < ports.size(); i++) {
            results.add(reach(Side.INSIDE, lb, live.get().privateIp(), ports.get(i), round));
            results.add(outside.results().isEmpty() ? reach(Side.OUTSIDE, lb, live.get().publicIp(), ports.get(i),
                    round) : outside.results().get(i).join());
        }
        kubernetesService.ifPresent(service -> results.add(serviceShowsLoadBalancer(lb, live.get(), service,
                round)));
        return results;
    }

    /** The cheap half, from the snapshot alone: present and available, the approved firewall, zero ingress rules. */
    public List<CheckResult> civoSide(InternalLoadBalancer lb, RegionSnapshot snapshot) {
        List<CheckResult> results = new ArrayList<>();
        if (!snapshot.answered()) {
            results.add(new CheckResult(CheckName.AVAILABLE, Outcome.INCONCLUSIVE, lb.civoId(), "civo-api",
                    snapshot.failure(), 0));
            return results;
        }
        Optional<LoadBalancer> found = snapshot.loadBalancer(lb.civoId());
        if (found.isEmpty()) {
            results.add(new CheckResult(CheckName.AVAILABLE, Outcome.FAIL, lb.civoId(), "civo-api",
                    "The load balancer no longer exists in Civo", 0));
            return results;
        }
        LoadBalancer live = found.get();
        boolean available = "available".equals(live.state()) && hasText(live.privateIp()) && hasText(live.publicIp());
        results.add(new CheckResult(CheckName.AVAILABLE, available ? Outcome.PASS : Outcome.FAIL, lb.civoId(),
                "civo-api", "State " + live.state() + ", private IP " + live.privateIp() + ", public IP "
                + live.publicIp(), 0));
        Optional<Firewall> firewall = snapshot.firewall(live.firewallId());
        results.add(approvedFirewall(lb, live, firewall));
        results.add(noIngressRules(lb, live, firewall));
        return results;
    }

    /** The Service must name this load balancer: its IP, or with proxy protocol its {@code <id>.lb.civo.com}. */
    private CheckResult serviceShowsLoadBalancer(InternalLoadBalancer lb, LoadBalancer live, ServiceManifest service,
                                                 Round round) {
        long started = System.nanoTime();
        String target = service.namespace() + "/" + service.name();
        try {
            KubernetesCluster cluster = round.cluster(civo, lb.region(), service.clusterId());
            Optional<AppliedService> applied = KubernetesServices.of(cluster.kubeconfig())
                    .get(service.namespace(), service.name());
            if (applied.isEmpty()) {
                return new CheckResult(CheckName.SERVICE_SHOWS_LOAD_BALANCER_IP, Outcome.FAIL, target,
                        "kubernetes-api", "The Service is gone from cluster " + cluster.name(), millisSince(started));
            }
            String hostname = live.id() + ".lb.civo.com";
            boolean shows = applied.get().loadBalancerIp().map(ip -> ip.equals(live.publicIp())).orElse(false)
                    || hostname.equals(applied.get().ingressHostname());
            String shown = applied.get().loadBalancerIp().orElse(applied.get().ingressHostname());
            return new CheckResult(CheckName.SERVICE_SHOWS_LOAD_BALANCER_IP, shows ? Outcome.PASS : Outcome.FAIL,
                    target, "kubernetes-api", shows ? "Service shows " + shown
                    : "Service shows " + (shown == null ? "no load balancer" : shown) + ", not " + live.publicIp()
                    + " or " + hostname, millisSince(started));
        } catch (CivoApiException | KubernetesApiException | UnusableKubeconfig e) {
            return new CheckResult(CheckName.SERVICE_SHOWS_LOAD_BALANCER_IP, Outcome.INCONCLUSIVE, target,
                    "kubernetes-api", "The cluster could not be asked: " + e.getMessage(), millisSince(started));
        }
    }

    private static CheckResult approvedFirewall(InternalLoadBalancer lb, LoadBalancer live, Optional<Firewall> firewall) {
        if (!lb.firewallId().equals(live.firewallId())) {
            return new CheckResult(CheckName.APPROVED_FIREWALL, Outcome.FAIL, live.firewallId(), "civo-api",
                    "Attached firewall " + live.firewallId() + " is not the approved " + lb.firewallId(), 0);
        }
        if (firewall.isEmpty()) {
            return new CheckResult(CheckName.APPROVED_FIREWALL, Outcome.FAIL, live.firewallId(), "civo-api",
                    "The approved firewall no longer exists", 0);
        }
        boolean sameNetwork = firewall.get().networkId().equals(live.networkId());
        return new CheckResult(CheckName.APPROVED_FIREWALL, sameNetwork ? Outcome.PASS : Outcome.FAIL,
                live.firewallId(), "civo-api", sameNetwork ? "Approved firewall " + firewall.get().name()
                + " in the load balancer's network" : "The firewall is in another network", 0);
    }

    /** From the rules the firewall list embeds; only a firewall listed without them costs its own rules call. */
    private CheckResult noIngressRules(InternalLoadBalancer lb, LoadBalancer live, Optional<Firewall> firewall) {
        long started = System.nanoTime();
        if (firewall.isEmpty()) {
            return new CheckResult(CheckName.NO_INGRESS_RULES, Outcome.INCONCLUSIVE, live.firewallId(), "civo-api",
                    "The attached firewall is not in Civo's list", 0);
        }
        List<FirewallRule> rules = firewall.get().rules();
        if (rules.isEmpty() && firewall.get().rulesCount() > 0) {
            try {
                rules = civo.listFirewallRules(lb.region(), live.firewallId());
            } catch (CivoApiException e) {
                return new CheckResult(CheckName.NO_INGRESS_RULES, Outcome.INCONCLUSIVE, live.firewallId(),
                        "civo-api", "Civo did not answer: " + e.getMessage(), millisSince(started));
            }
        }
        List<FirewallRule> ingress = FirewallRules.of(rules).ingress();
        if (ingress.isEmpty()) {
            return new CheckResult(CheckName.NO_INGRESS_RULES, Outcome.PASS, live.firewallId(), "civo-api",
                    "No ingress rule", millisSince(started));
        }
        StringBuilder offending = new StringBuilder();
        for (FirewallRule rule : ingress) {
            offending.append(offending.isEmpty() ? "" : "; ").append(rule.action()).append(' ')
                    .append(rule.protocol()).append(' ').append(rule.startPort()).append('-')
                    .append(rule.endPort()).append(" from ").append(String.join(",", rule.cidr()))
                    .append(rule.label() == null ? "" : " (" + rule.label() + ")");
        }
        return new CheckResult(CheckName.NO_INGRESS_RULES, Outcome.FAIL, live.firewallId(), "civo-api",
                ingress.size() + " ingress rule(s): " + offending, millisSince(started));
    }

    private CheckResult reach(Side side, InternalLoadBalancer lb, String ip, ListeningPort port, Round round) {
        CheckName check = side == Side.INSIDE ? CheckName.INSIDE_REACHABLE : CheckName.OUTSIDE_UNREACHABLE;
        String target = ip + ":" + port.port();
        if (ip == null || ip.isBlank()) {
            // Nothing to connect to: no proof either way, and no probe (a null address would not even be tried).
            return new CheckResult(check, Outcome.INCONCLUSIVE, "(no " + (side == Side.INSIDE ? "private" : "public")
                    + " IP):" + port.port(), "none", "Civo lists the load balancer without a "
                    + (side == Side.INSIDE ? "private" : "public") + " IP; there was nothing to probe", 0);
        }
        Optional<Vantage> vantage = vantage(side);
        if (vantage.isEmpty()) {
            return new CheckResult(check, Outcome.INCONCLUSIVE, target, "none",
                    "No " + side.name().toLowerCase() + " vantage point is configured", 0);
        }
        long started = System.nanoTime();
        Probe probe;
        if (side == Side.INSIDE) {
            insideSlots.acquireUninterruptibly();
            try {
                started = System.nanoTime();
                probe = vantage.get().probe(lb.networkId(), ip, port.port(), port.isHttp(), properties.connectTimeout());
            } finally {
                insideSlots.release();
            }
        } else {
            probe = vantage.get().probe(lb.networkId(), ip, port.port(), false, properties.connectTimeout());
        }
        long took = millisSince(started);
        if (probe.reach() == Probe.Reach.ERROR || probe.reach() == Probe.Reach.UNTRUSTED) {
            noteRefusal(round, vantage.get(), probe.detail(), probe.reach() == Probe.Reach.UNTRUSTED);
            return new CheckResult(check, Outcome.INCONCLUSIVE, target, vantage.get().name(), probe.detail(), took);
        }
        if (side == Side.INSIDE) {
            return new CheckResult(check, probe.connected() ? Outcome.PASS : Outcome.FAIL, target,
                    vantage.get().name(), probe.detail(), took);
        }
        if (probe.connected()) {
            // A connection from outside is proof on its own; only "could not connect" needs the control.
            return new CheckResult(check, Outcome.FAIL, target, vantage.get().name(),
                    "Reachable from the internet: " + probe.detail(), took);
        }
        if (!round.controlReached()) {
            return new CheckResult(check, Outcome.INCONCLUSIVE, target, vantage.get().name(), probe.detail()
                    + "; does not count: the control target was not reached from this vantage point this round", took);
        }
        return new CheckResult(check, Outcome.PASS, target, vantage.get().name(), probe.detail(), took);
    }

    /**
     * The first vantage point configured for each side, looked up once: ordering the beans on every probe cost more
     * than a probe itself when a round starts ten thousand of them.
     */
    private volatile java.util.Map<Side, Optional<Vantage>> firstBySide;

    /** The first vantage point configured for a side. */
    public Optional<Vantage> vantage(Side side) {
        java.util.Map<Side, Optional<Vantage>> first = firstBySide;
        if (first == null) {
            first = new java.util.EnumMap<>(Side.class);
            for (Side each : Side.values()) {
                first.put(each, vantages.orderedStream().filter(v -> v.side() == each).findFirst());
            }
            firstBySide = first;
        }
        return first.get(side);
    }

    static final String UNTRUSTED_MARK = "Refused the probe agent's answer";

    private static void noteRefusal(Round round, Vantage vantage, String detail, boolean untrusted) {
        if (untrusted) {
            round.refused(vantage.name() + ": " + detail);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
