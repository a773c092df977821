package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.ProvisioningPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KubernetesPlanTests {

    static LoadBalancerSpec spec(String name, BackendTarget target) {
        return new LoadBalancerSpec("LON1", "net-cluster", name, "round_robin", FirewallChoice.create(""), target,
                List.of(new PortMapping("tcp", 443, 8443, null, null), new PortMapping("tcp", 9090, 9090, null, null)),
                AdvancedSettings.defaults(), "Internal API");
    }

    static BackendTarget cluster() {
        return BackendTarget.kubernetesService("cluster-1", "prod-cluster", "payments", Map.of("app", "payments-api"));
    }

    @Test
    void kubernetesTargetRoundTripsThroughItsValues() {
        assertThat(cluster().kubernetes()).hasValueSatisfying(target -> {
            assertThat(target.clusterId()).isEqualTo("cluster-1");
            assertThat(target.clusterName()).isEqualTo("prod-cluster");
            assertThat(target.namespace()).isEqualTo("payments");
            assertThat(target.selector()).containsExactly(Map.entry("app", "payments-api"));
        });
    }

    @Test
    void planCreatesTheFirewallThenAppliesAnAnnotatedServiceAndFindsTheLoadBalancerTheCcmBuilt() {
        ProvisioningPlan plan = PlanBuilder.planFor(spec("payments-api", cluster()));

        assertThat(plan.calls()).extracting(call -> call.step().key()).containsExactly("create-firewall",
                "check-firewall-rules", "apply-service", "wait-for-service-ingress", "find-load-balancer");
        PlannedCall apply = plan.calls().get(2);
        assertThat(apply.path()).isEqualTo("k8s:cluster-1/api/v1/namespaces/payments/services");
        JsonNode service = CivoJson.mapper().readTree(CivoJson.mapper().writeValueAsString(apply.body()));
        assertThat(service.at("/metadata/annotations/kubernetes.civo.com~1firewall-id").asString())
                .isEqualTo(ProvisioningPlan.CREATED_FIREWALL_ID);
        assertThat(service.at("/metadata/name").asString()).isEqualTo("payments-api");
        assertThat(service.at("/spec/type").asString()).isEqualTo("LoadBalancer");
        assertThat(service.at("/spec/ports")).hasSize(2);
        assertThat(service.at("/spec/ports/0/name").asString()).isEqualTo("port-443");
        assertThat(plan.calls().get(4).path()).isEqualTo("/v2/loadbalancers/prod-cluster-payments-payments-api"
                + "?region=LON1");
    }

    @Test
    void sameSpecGivesTheSamePlanHash() {
        assertThat(PlanBuilder.planFor(spec("payments-api", cluster())).hash())
                .isEqualTo(PlanBuilder.planFor(spec("payments-api", cluster())).hash());
    }

    @Test
    void specRulesApplyTheServiceRules() {
        SpecProblems problems = SpecRules.check(spec("payments-api", BackendTarget.kubernetesService("cluster-1",
                "prod-cluster", "Payments", Map.of())));

        assertThat(problems.toString()).contains("DNS-1123", "selector");
        assertThat(SpecRules.check(spec("payments-api", cluster())).isEmpty()).isTrue();
    }

    @Test
    void loadBalancerNameTheCcmWouldGiveMustFitCivosLimit() {
        String service = "a".repeat(45);

        assertThat(SpecRules.check(spec(service, cluster())).byField().get("name")).contains("longer than 63");
    }
}
