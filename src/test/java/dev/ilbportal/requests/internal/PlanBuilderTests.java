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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlanBuilderTests {

    static LoadBalancerSpec spec(FirewallChoice firewall, BackendTarget target) {
        return new LoadBalancerSpec("LON1", "net-payments", "payments-api", "least_connections", firewall, target,
                List.of(new PortMapping("tcp", 443, 8443, 8443, "/healthz"), new PortMapping("tcp", 80, 8080, null, null)),
                AdvancedSettings.defaults(), "Internal API for the ledger");
    }

    static LoadBalancerSpec byTags() {
        return spec(FirewallChoice.create(""), new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")));
    }

    private static JsonNode body(PlannedCall call) {
        return CivoJson.mapper().readTree(CivoJson.mapper().writeValueAsString(call.body()));
    }

    @Test
    void newFirewallIsCreatedWithoutRulesUnderTheDefaultNameThenCheckedBeforeTheLoadBalancer() {
        ProvisioningPlan plan = PlanBuilder.planFor(byTags());

        assertThat(plan.calls()).extracting(call -> call.step().key()).containsExactly("create-firewall",
                "check-firewall-rules", "create-load-balancer", "wait-until-available");
        PlannedCall createFirewall = plan.calls().getFirst();
        assertThat(createFirewall.method()).isEqualTo("POST");
        assertThat(createFirewall.path()).isEqualTo("/v2/firewalls?region=LON1");
        assertThat(CivoJson.mapper().writeValueAsString(createFirewall.body())).isEqualTo(
                "{\"name\":\"payments-api-internal\",\"region\":\"LON1\",\"network_id\":\"net-payments\",\"create_rules\":false}");
    }

    @Test
    void loadBalancerAlwaysNamesItsFirewall() {
        JsonNode created = body(PlanBuilder.planFor(byTags()).calls().get(2));
        assertThat(created.get("firewall_id").asString()).isEqualTo(ProvisioningPlan.CREATED_FIREWALL_ID);

        LoadBalancerSpec existing = spec(FirewallChoice.existing("fw-123"),
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")));
        ProvisioningPlan plan = PlanBuilder.planFor(existing);
        assertThat(plan.calls()).extracting(call -> call.step().key()).doesNotContain("create-firewall");
        assertThat(plan.calls().getFirst().path()).isEqualTo("/v2/firewalls/fw-123/rules?region=LON1");
        assertThat(body(plan.calls().get(1)).get("firewall_id").asString()).isEqualTo("fw-123");
    }

    @Test
    void instancePoolByTagsHasOnePoolPerPortWithHealthChecks() {
        JsonNode lb = body(PlanBuilder.planFor(byTags()).calls().get(2));

        assertThat(lb.get("name").asString()).isEqualTo("payments-api");
        assertThat(lb.get("network_id").asString()).isEqualTo("net-payments");
        assertThat(lb.get("algorithm").asString()).isEqualTo("least_connections");
        assertThat(lb.get("max_concurrent_requests").asInt()).isEqualTo(10000);
        JsonNode pools = lb.get("instance_pools");
        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).get("tags").get(0).asString()).isEqualTo("payments-api");
        assertThat(pools.get(0).has("names")).isFalse();
        assertThat(pools.get(0).get("source_port").asInt()).isEqualTo(443);
        assertThat(pools.get(0).get("health_check").get("path").asString()).isEqualTo("/healthz");
        assertThat(pools.get(1).get("health_check").get("port").asInt()).isEqualTo(8080);
        assertThat(pools.get(1).get("health_check").get("path").asString()).isEqualTo("/");
        assertThat(lb.has("backends")).isFalse();
        assertThat(lb.get("options").get("server_timeout").asString()).isEqualTo("60s");
    }

    @Test
    void explicitBackendIpsBecomeOneBackendPerIpAndPort() {
        LoadBalancerSpec spec = spec(FirewallChoice.create("db-fw"),
                new BackendTarget(BackendTarget.Kind.BACKEND_IPS, List.of("10.20.0.11", "10.20.0.12")));
        JsonNode lb = body(PlanBuilder.planFor(spec).calls().get(2));

        assertThat(lb.get("backends")).hasSize(4);
        assertThat(lb.get("backends").get(0).get("ip").asString()).isEqualTo("10.20.0.11");
        assertThat(lb.get("backends").get(0).get("protocol").asString()).isEqualTo("TCP");
        assertThat(lb.has("instance_pools")).isFalse();
        assertThat(body(PlanBuilder.planFor(spec).calls().getFirst()).get("name").asString()).isEqualTo("db-fw");
    }

    @Test
    void hashIsStableForTheSamePlanAndChangesWithAnyDetail() {
        String hash = PlanBuilder.planFor(byTags()).hash();
        assertThat(PlanBuilder.planFor(byTags()).hash()).isEqualTo(hash).hasSize(64);

        LoadBalancerSpec otherPort = new LoadBalancerSpec("LON1", "net-payments", "payments-api", "least_connections",
                FirewallChoice.create(""), new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")),
                List.of(new PortMapping("tcp", 443, 8444, 8443, "/healthz"), new PortMapping("tcp", 80, 8080, null, null)),
                AdvancedSettings.defaults(), "Internal API for the ledger");
        assertThat(PlanBuilder.planFor(otherPort).hash()).isNotEqualTo(hash);
    }

    @Test
    void sessionAffinityAndProxyProtocolAreSentOnlyWhenChosen() {
        JsonNode plain = body(PlanBuilder.planFor(byTags()).calls().get(2));
        assertThat(plain.has("session_affinity")).isFalse();
        assertThat(plain.has("enable_proxy_protocol")).isFalse();

        LoadBalancerSpec sticky = new LoadBalancerSpec("LON1", "net-payments", "payments-api", "round_robin",
                FirewallChoice.create(""), new BackendTarget(BackendTarget.Kind.INSTANCE_NAMES, List.of("payments-1")),
                List.of(new PortMapping("tcp", 5432, 5432, null, null)),
                new AdvancedSettings("ClientIP", 300, "send-proxy-v2", 20000, "30s", "90s"), "db");
        JsonNode lb = body(PlanBuilder.planFor(sticky).calls().get(2));
        assertThat(lb.get("session_affinity").asString()).isEqualTo("ClientIP");
        assertThat(lb.get("session_affinity_config_timeout").asInt()).isEqualTo(300);
        assertThat(lb.get("enable_proxy_protocol").asString()).isEqualTo("send-proxy-v2");
        assertThat(lb.get("instance_pools").get(0).get("names").get(0).asString()).isEqualTo("payments-1");
    }
}
