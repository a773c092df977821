package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SandboxBudgetTests {

    /** A fresh simulator for each test, closed after it. */
    @AutoClose
    private final CivoSimulator simulator = CivoSimulator.start(SimulatorSettings.forTests());
    private final ApiCalls api = new ApiCalls(simulator);

    @Test
    void countsEveryCallPerOperationAtSandboxStatsWithTheKey() {
        api.get("/v2/regions");
        api.get("/v2/firewalls?region=LON1");
        api.get("/v2/firewalls?region=LON1");
        String firewall = api.get("/v2/firewalls?region=LON1").json().get(0).get("id").asString();
        api.get("/v2/vpc/firewalls/" + firewall + "/rules?region=LON1");

        ApiCalls.Answer stats = api.get("/sandbox/stats");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("calls").get("GET /v2/firewalls").asLong()).isEqualTo(3);
        assertThat(stats.json().get("calls").get("GET /v2/firewalls/{id}/rules").asLong()).isEqualTo(1);
        assertThat(stats.json().get("calls").get("GET /v2/regions").asLong()).isEqualTo(1);
        assertThat(stats.json().get("total").asLong()).isEqualTo(5);
        assertThat(new ApiCalls(simulator.baseUrl(), "bearer wrong").get("/sandbox/stats").status()).isEqualTo(401);
    }

    @Test
    void pastTheEnforcedRateItAnswers429WithCivosHeaders() {
        simulator.budget().enforce(0.1, 3);
        for (int call = 0; call < 3; call++) {
            assertThat(api.get("/v2/regions").status()).isEqualTo(200);
        }

        ApiCalls.Answer refused = api.get("/v2/regions");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("x-ratelimit-reset")))
                .isGreaterThan(Instant.now().getEpochSecond() - 1);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(simulator.budget().stats().refusedWith429()).isEqualTo(1);
        assertThat(simulator.budget().stats().of("GET /v2/regions")).isEqualTo(3);
    }

    @Test
    void theOperationNameHidesIds() {
        assertThat(SandboxBudget.operation("DELETE", "/v2/loadbalancers/5f3c/")).isEqualTo("DELETE /v2/loadbalancers/{id}");
        assertThat(SandboxBudget.operation("GET", "/v2/kubernetes/clusters/abc"))
                .isEqualTo("GET /v2/kubernetes/clusters/{id}");
    }
}
