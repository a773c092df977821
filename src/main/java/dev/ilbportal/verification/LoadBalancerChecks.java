package dev.ilbportal.verification;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRules;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.kubernetes.AppliedService;
import dev.ilbportal.kubernetes.KubernetesApiException;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ServiceManifest;
import dev.ilbportal.kubernetes.UnusableKubeconfig;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.KubernetesTargets;
import dev.ilbportal.provisioning.InternalLoadBalancer.ListeningPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The checks of one run for one load balancer. Civo's view (exists, firewall, rules) comes first; then real
 * connections to every port from inside and from outside. Anything that could not be looked at is inconclusive.
 */
@Component
class LoadBalancerChecks {

    private final CivoClient civo;
    private final ObjectProvider<Vantage> vantages;
    private final VerificationProperties properties;
    private final KubernetesTargets kubernetesTargets;

    LoadBalancerChecks(CivoClient civo, ObjectProvider<Vantage> vantages, VerificationProperties properties,
            KubernetesTargets kubernetesTargets) {
        this.civo = civo;
        this.vantages = vantages;
        this.properties = properties;
        this.kubernetesTargets = kubernetesTargets;
    }

    List<CheckResult> run(InternalLoadBalancer lb) {
        List<CheckResult> results = new ArrayList<>();
        long started = System.nanoTime();
        LoadBalancer live;
        try {
            live = civo.getLoadBalancer(lb.region(), lb.civoId());
        } catch (CivoApiException e) {
            Outcome outcome = e.kind() == CivoApiException.Kind.NOT_FOUND ? Outcome.FAIL : Outcome.INCONCLUSIVE;
            results.add(new CheckResult(CheckName.AVAILABLE, outcome, lb.civoId(), "civo-api",
                    e.kind() == CivoApiException.Kind.NOT_FOUND ? "The load balancer no longer exists in Civo"
                            : "Civo did not answer: " + e.getMessage(), millisSince(started)));
            return results;
        }
        boolean available = "available".equals(live.state()) && hasText(live.privateIp()) && hasText(live.publicIp());
        results.add(new CheckResult(CheckName.AVAILABLE, available ? Outcome.PASS : Outcome.FAIL, lb.civoId(),
                "civo-api", "State " + live.state() + ", private IP " + live.privateIp() + ", public IP "
                + live.publicIp(), millisSince(started)));
        results.add(approvedFirewall(lb, live));
        results.add(noIngressRules(lb, live));
        for (ListeningPort port : lb.listeningPorts()) {
            results.add(reach(Side.INSIDE, lb, live.privateIp(), port));
            results.add(reach(Side.OUTSIDE, lb, live.publicIp(), port));
        }
        kubernetesTargets.serviceOf(lb).ifPresent(service -> results.add(serviceShowsLoadBalancer(lb, live,
                service)));
        return results;
    }

    /** The Service must name this load balancer: its IP, or with proxy protocol its {@code <id>.lb.civo.com}. */
    private CheckResult serviceShowsLoadBalancer(InternalLoadBalancer lb, LoadBalancer live,
            ServiceManifest service) {
        long started = System.nanoTime();
        String target = service.namespace() + "/" + service.name();
        try {
            KubernetesCluster cluster = civo.getKubernetesCluster(lb.region(), service.clusterId());
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
                    : "Service shows " + (shown == null ? "no load balancer" : shown) + ", not " + live.publicIp(),
                    millisSince(started));
        } catch (CivoApiException | KubernetesApiException | UnusableKubeconfig e) {
            return new CheckResult(CheckName.SERVICE_SHOWS_LOAD_BALANCER_IP, Outcome.INCONCLUSIVE, target,
                    "kubernetes-api", "The cluster could not be asked: " + e.getMessage(), millisSince(started));
        }
    }

    private CheckResult approvedFirewall(InternalLoadBalancer lb, LoadBalancer live) {
        long started = System.nanoTime();
        if (!lb.firewallId().equals(live.firewallId())) {
            return new CheckResult(CheckName.APPROVED_FIREWALL, Outcome.FAIL, live.firewallId(), "civo-api",
                    "Attached firewall " + live.firewallId() + " is not the approved " + lb.firewallId(),
                    millisSince(started));
        }
        try {
            Optional<Firewall> firewall = civo.findFirewall(lb.region(), live.firewallId());
            if (firewall.isEmpty()) {
                return new CheckResult(CheckName.APPROVED_FIREWALL, Outcome.FAIL, live.firewallId(), "civo-api",
                        "The approved firewall no longer exists", millisSince(started));
            }
            boolean sameNetwork = firewall.get().networkId().equals(live.networkId());
            return new CheckResult(CheckName.APPROVED_FIREWALL, sameNetwork ? Outcome.PASS : Outcome.FAIL,
                    live.firewallId(), "civo-api", sameNetwork ? "Approved firewall " + firewall.get().name()
                    + " in the load balancer's network" : "The firewall is in another network",
                    millisSince(started));
        } catch (CivoApiException e) {
            return new CheckResult(CheckName.APPROVED_FIREWALL, Outcome.INCONCLUSIVE, live.firewallId(), "civo-api",
                    "Civo did not answer: " + e.getMessage(), millisSince(started));
        }
    }

    private CheckResult noIngressRules(InternalLoadBalancer lb, LoadBalancer live) {
        long started = System.nanoTime();
        try {
            List<FirewallRule> ingress = FirewallRules.of(civo.listFirewallRules(lb.region(), live.firewallId())).ingress();
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
        } catch (CivoApiException e) {
            return new CheckResult(CheckName.NO_INGRESS_RULES, Outcome.INCONCLUSIVE, live.firewallId(), "civo-api",
                    "Civo did not answer: " + e.getMessage(), millisSince(started));
        }
    }

    private CheckResult reach(Side side, InternalLoadBalancer lb, String ip, ListeningPort port) {
        CheckName check = side == Side.INSIDE ? CheckName.INSIDE_REACHABLE : CheckName.OUTSIDE_UNREACHABLE;
        String target = ip + ":" + port.port();
        Optional<Vantage> vantage = vantages.orderedStream().filter(v -> v.side() == side).findFirst();
        if (vantage.isEmpty()) {
            return new CheckResult(check, Outcome.INCONCLUSIVE, target, "none",
                    "No " + side.name().toLowerCase() + " vantage point is configured", 0);
        }
        long started = System.nanoTime();
        Probe probe = vantage.get().probe(lb.networkId(), ip, port.port(), side == Side.INSIDE && port.isHttp(),
                properties.connectTimeout());
        long took = millisSince(started);
        if (probe.reach() == Probe.Reach.ERROR) {
            return new CheckResult(check, Outcome.INCONCLUSIVE, target, vantage.get().name(), probe.detail(), took);
        }
        Outcome outcome = side == Side.INSIDE
                ? (probe.connected() ? Outcome.PASS : Outcome.FAIL)
                : (probe.connected() ? Outcome.FAIL : Outcome.PASS);
        String detail = side == Side.OUTSIDE && probe.connected()
                ? "Reachable from the internet: " + probe.detail() : probe.detail();
        return new CheckResult(check, outcome, target, vantage.get().name(), detail, took);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
