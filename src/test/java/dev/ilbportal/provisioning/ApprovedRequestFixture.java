package dev.ilbportal.provisioning;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.internal.PlanBuilder;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.SpecSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Approved requests for provisioning tests, made through the real aggregate and workflow. */
public record ApprovedRequestFixture(LoadBalancerRequests requests, RequestWorkflow workflow, CivoClient civo) {

    public static final CurrentUser ALICE = new CurrentUser("alice", "Alice", null, Set.of(PortalRole.REQUESTER),
            Set.of("payments"));
    public static final CurrentUser APRIL = new CurrentUser("april", "April", null, Set.of(PortalRole.APPROVER), Set.of());

    /** The fixture over the beans of a test's application context. */
    public static ApprovedRequestFixture of(ApplicationContext context) {
        return new ApprovedRequestFixture(context.getBean(LoadBalancerRequests.class),
                context.getBean(RequestWorkflow.class), context.getBean(CivoClient.class));
    }

    public String paymentsNetwork() {
        return civo.listNetworks("LON1").stream().filter(n -> "payments-net".equals(n.label())).map(Network::id)
                .findFirst().orElseThrow();
    }

    public LoadBalancerSpec spec(String name, FirewallChoice firewall) {
        return new LoadBalancerSpec("LON1", paymentsNetwork(), name, "round_robin", firewall,
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")),
                List.of(new PortMapping("TCP", 443, 8443, null, "/healthz")), AdvancedSettings.defaults(), "test");
    }

    /** The sandbox's Kubernetes cluster, prod-cluster in LON1. */
    public KubernetesCluster prodCluster() {
        return civo.listKubernetesClusters("LON1").stream().filter(c -> "prod-cluster".equals(c.name()))
                .findFirst().orElseThrow();
    }

    /**
     * A Service {@code service} (selector {@code app=service}) in {@code namespace} of {@code cluster}, TCP 443 to
     * 8443, behind a new firewall.
     */
    public static LoadBalancerSpec serviceSpec(KubernetesCluster cluster, String namespace, String service,
                                               AdvancedSettings advanced) {
        return new LoadBalancerSpec("LON1", cluster.networkId(), service, "round_robin", FirewallChoice.create(""),
                BackendTarget.kubernetesService(cluster.id(), cluster.name(), namespace, Map.of("app", service)),
                List.of(new PortMapping("TCP", 443, 8443, null, null)), advanced, "test");
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Drafts and submits Alice's request of team payments for {@code spec}, expiring {@code expiresIn} from now. */
    public UUID submit(LoadBalancerSpec spec, Duration expiresIn) {
        LoadBalancerRequest request = LoadBalancerRequest.draft("payments", Participant.of(ALICE),
                new SpecSnapshot("{}", spec.region(), spec.name()), Instant.now());
        request.submit(PlanBuilder.planFor(spec).toSubmitted(), Participant.of(ALICE), Instant.now(), expiresIn);
        return requests.save(request).id();
    }

    /** Drafts, submits and approves a request for {@code spec}; provisioning starts from the approval. */
    public UUID approve(LoadBalancerSpec spec) {
        UUID id = submit(spec, Duration.ofDays(7));
        approveAsApril(id, PlanBuilder.planFor(spec).hash());
        return id;
    }

    /** April approves revision 1 of a submitted request (of any kind) as it is stored now, with its plan's hash. */
    public void approveAsApril(UUID requestId, String planHash) {
        workflow.approve(requestId, requests.findById(requestId).orElseThrow().version(), 1, planHash, APRIL);
    }
}
