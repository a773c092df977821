package dev.ilbportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API refuses what the wizard refuses outside a team's bindings (the sandbox binds team search to
 * search-net and default, team payments to payments-net and default and to the namespaces payments and payments-*),
 * with the field, and saves nothing.
 */
@PortalApplicationTest
class TeamBindingsApiTests {

    @RegisterExtension
    final PortalApiClient api = PortalApiClient.ofTheTestsPortal();

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> kubernetes(String team, String namespace, String name) {
        Map<String, Object> spec = ApiBodies.spec(name);
        spec.put("team", team);
        spec.put("networkId", SeedWorld.networkId("LON1", "default"));
        spec.put("firewall", Map.of("mode", "CREATE"));
        spec.put("target", Map.of("kind", "KUBERNETES_SERVICE", "values", List.of(
                SeedWorld.clusterId("LON1", "prod-cluster"), "prod-cluster", namespace, "app=web")));
        spec.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", 80, "targetPort", 8080)));
        return spec;
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (field.equals(error.get("field").asString())) {
                return error.get("message").asString();
            }
        }
        return null;
    }

    @Test
    void anotherTeamsNetworkIsUnprocessableWithTheNetworkFieldAndSavesNothing() throws Exception {
        Map<String, Object> spec = ApiBodies.spec(ApiBodies.unique("sam-db"));
        spec.put("team", "search");

        var created = api.as("sam").post("/api/v1/requests", spec);

        assertThat(created.status()).as(created.toString()).isEqualTo(422);
        assertThat(message(created.json(), "networkId")).isEqualTo("Team search may use the networks search-net, "
                + "default; payments-net is not one of them (it is bound to team payments).");
        assertThat(jdbc.queryForObject("select count(*) from lb_request where name = ?", Integer.class,
                spec.get("name"))).isZero();
    }

    @Test
    void anotherTeamsNamespaceAndKubernetesOwnAreUnprocessableWithTheNamespaceField() throws Exception {
        var search = api.as("alice").post("/api/v1/requests/validate", kubernetes("payments", "search", "web"));
        var system = api.as("alice").post("/api/v1/requests/validate", kubernetes("payments", "kube-system", "web"));
        var own = api.as("alice").post("/api/v1/requests/validate", kubernetes("payments", "payments-web", "web"));

        assertThat(message(search.json(), "namespace")).as(search.toString()).isEqualTo("Team payments may use the "
                + "namespaces payments, payments-*; search is not one of them (it is bound to team search).");
        assertThat(message(system.json(), "namespace")).as(system.toString())
                .startsWith("Namespace kube-system belongs to Kubernetes itself");
        assertThat(own.json().get("valid").asBoolean()).as(own.toString()).isTrue();
    }
}
