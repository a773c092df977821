package dev.ilbportal.provisioning;

import dev.ilbportal.civo.CivoClient;
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
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.SpecSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Approved requests for provisioning tests, made through the real aggregate and workflow. */
public record ApprovedRequestFixture(LoadBalancerRequests requests, RequestWorkflow workflow, CivoClient civo) {

    public static final CurrentUser ALICE = new CurrentUser("alice", "Alice", null, Set.of(PortalRole.REQUESTER),
            Set.of("payments"));
    public static final CurrentUser APRIL = new CurrentUser("april", "April", null, Set.of(PortalRole.APPROVER), Set.of());

    public String paymentsNetwork() {
        return civo.listNetworks("LON1").stream().filter(n -> "payments-net".equals(n.label())).map(Network::id)
                .findFirst().orElseThrow();
    }

    public LoadBalancerSpec spec(String name, FirewallChoice firewall) {
        return new LoadBalancerSpec("LON1", paymentsNetwork(), name, "round_robin", firewall,
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")),
                List.of(new PortMapping("TCP", 443, 8443, null, "/healthz")), AdvancedSettings.defaults(), "test");
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Drafts, submits and approves a request for {@code spec}; provisioning starts from the approval. */
    public UUID approve(LoadBalancerSpec spec) {
        ProvisioningPlan plan = PlanBuilder.planFor(spec);
        LoadBalancerRequest request = LoadBalancerRequest.draft("payments", Participant.of(ALICE),
                new SpecSnapshot("{}", spec.region(), spec.name()), Instant.now());
        request.submit(plan.toSubmitted(), Participant.of(ALICE), Instant.now(), Duration.ofDays(7));
        UUID id = requests.save(request).id();
        workflow.approve(id, requests.findById(id).orElseThrow().version(), 1, plan.hash(), APRIL);
        return id;
    }
}
