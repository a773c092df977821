package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class SandboxFaultsTests extends StartsItsOwnSimulator {

    @Test
    void fixedErrorHitsTheNextNMatchingCallsOnly() {
        start();
        simulator.faults().inject(Fault.error(503, "region_unavailable", "LON1 is resting")
                .on("POST", "/v2/loadbalancers*").times(2));

        ApiCalls.Answer first = api.post("/v2/loadbalancers", "{\"name\":\"a\"}");
        ApiCalls.Answer second = api.post("/v2/vpc/loadbalancers", "{\"name\":\"a\"}");
        ApiCalls.Answer untouched = api.get("/v2/loadbalancers");
        ApiCalls.Answer third = api.post("/v2/loadbalancers", "{\"name\":\"a\"}");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("code").asString()).isEqualTo("region_unavailable");
        assertThat(first.json().get("reason").asString()).isEqualTo("LON1 is resting");
        assertThat(second.status()).isEqualTo(503);
        assertThat(untouched.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(200);
        assertThat(simulator.faults().active()).isEmpty();
    }

    @Test
    void errorRateIsRepeatableForTheSameSeed() {
        start();
        List<Integer> firstRun = statusesWithErrorRate(simulator, api, 7);
        List<Integer> secondRun = statusesWithErrorRate(simulator, api, 7);

        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(firstRun).contains(200, 500);
        assertThat(firstRun.stream().filter(status -> status == 500).count()).isBetween(8L, 32L);
        assertThat(statusesWithErrorRate(simulator, api, 8)).isNotEqualTo(firstRun);
    }

    private static List<Integer> statusesWithErrorRate(CivoSimulator simulator, ApiCalls api, long seed) {
        simulator.faults().clear();
        simulator.faults().reseed(seed);
        simulator.faults().inject(Fault.error(500, "internal_server_error", "flaky").on(null, "/v2/networks")
                .withProbability(0.5));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(api.get("/v2/networks").status());
        }
        assertThat(api.get("/v2/regions").status()).isEqualTo(200);
        return statuses;
    }

    @Test
    void latencyDelaysTheAnswer() {
        start();
        simulator.faults().inject(Fault.latency(Duration.ofMillis(400)).on("GET", "/v2/regions").times(1));

        long started = System.nanoTime();
        ApiCalls.Answer slow = api.get("/v2/regions");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(slow.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void rateLimitAnswers429WithResetAndRetryAfter() {
        start();
        simulator.faults().inject(Fault.rateLimit(Duration.ofSeconds(3)).times(1));

        ApiCalls.Answer limited = api.get("/v2/firewalls");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3");
        assertThat(Long.parseLong(limited.header("x-ratelimit-reset")))
                .isBetween(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 4);
        assertThat(limited.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(api.get("/v2/firewalls").status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionSendsNoResponse() {
        start();
        // Unlimited: java.net.http retries an idempotent GET once when a connection closes without a byte.
        simulator.faults().inject(Fault.dropConnection().on("GET", "/v2/instances"));

        assertThatThrownBy(() -> api.rawGet("/v2/instances")).isInstanceOf(IOException.class);
        simulator.faults().clear();
        assertThat(api.get("/v2/instances").status()).isEqualTo(200);
    }

    @Test
    void malformedBodyIsTruncatedJson() {
        start();
        simulator.faults().inject(Fault.malformedBody().on("GET", "/v2/regions").times(1));

        ApiCalls.Answer broken = api.get("/v2/regions");

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.header("Content-Type")).startsWith("application/json");
        assertThat(broken.text()).startsWith("[{");
        assertThatThrownBy(broken::json).isInstanceOf(JacksonException.class);
        assertThat(api.get("/v2/regions").json().size()).isEqualTo(3);
    }

    @Test
    void loadBalancerMatchingAPendingPatternNeverBecomesAvailableUntilCleared() throws InterruptedException {
        start(SimulatorSettings.forTests().withProvisioningDelay(Duration.ofMillis(50)));
        simulator.faults().keepPending("stuck-*");

        String stuck = api.post("/v2/loadbalancers", "{\"name\":\"stuck-forever\"}").json().get("id").asString();
        String fine = api.post("/v2/loadbalancers", "{\"name\":\"fine\"}").json().get("id").asString();

        awaitState(fine, "available");
        Thread.sleep(300);
        assertThat(api.get("/v2/loadbalancers/" + stuck).json().get("state").asString()).isEqualTo("pending");
        assertThat(api.get("/v2/loadbalancers/" + stuck).json().get("private_ip").asString()).isEmpty();

        simulator.faults().clear();
        awaitState(stuck, "available");
    }

    @Test
    void pendingPatternAlsoHoldsWithZeroDelay() {
        start();
        simulator.faults().keepPending("stuck-*");

        JsonNode lb = api.post("/v2/loadbalancers", "{\"name\":\"stuck-now\"}").json();

        assertThat(lb.get("state").asString()).isEqualTo("pending");
    }

    private void awaitState(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get("/v2/loadbalancers/" + id).json().get("state").asString().equals(state)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(id + " never became " + state);
    }

    @Test
    void faultsAreSetListedAndClearedOverHttp() {
        start();

        ApiCalls.Answer set = api.post("/sandbox/faults", """
                {"seed": 3,
                 "faults": [
                   {"kind": "error", "method": "DELETE", "path": "/v2/firewalls/*", "times": 1,
                    "status": 500, "code": "database_firewall_deleted_failed", "reason": "Failed to delete"},
                   {"kind": "rate_limit", "path": "/v2/quota", "retry_after_seconds": 2},
                   {"kind": "latency", "path": "/v2/regions", "latency_ms": 10, "probability": 0.5}
                 ],
                 "keep_pending": ["slow-*"]}
                """);

        assertThat(set.status()).as(set.text()).isEqualTo(200);
        JsonNode listed = api.get("/sandbox/faults").json();
        assertThat(listed.get("faults")).hasSize(3);
        assertThat(listed.get("faults").get(0).get("code").asString()).isEqualTo("database_firewall_deleted_failed");
        assertThat(listed.get("faults").get(1).get("retry_after_seconds").asInt()).isEqualTo(2);
        assertThat(listed.get("keep_pending").get(0).asString()).isEqualTo("slow-*");
        String firewall = api.post("/v2/firewalls", "{\"name\":\"x\",\"create_rules\":false}").json().get("id")
                .asString();
        ApiCalls.Answer failedDelete = api.delete("/v2/firewalls/" + firewall);
        assertThat(failedDelete.status()).isEqualTo(500);
        assertThat(failedDelete.json().get("code").asString()).isEqualTo("database_firewall_deleted_failed");
        assertThat(api.get("/v2/quota").status()).isEqualTo(429);

        assertThat(api.delete("/sandbox/faults").status()).isEqualTo(200);

        assertThat(api.get("/v2/quota").status()).isEqualTo(200);
        assertThat(api.get("/sandbox/faults").json().get("faults")).isEmpty();
        assertThat(simulator.faults().pendingNamePatterns()).isEmpty();
    }

    @Test
    void faultEndpointNeedsTheKeyAndIsNotItselfFaulted() {
        start();
        simulator.faults().inject(Fault.error(500, "boom", "everything fails"));

        assertThat(new ApiCalls(simulator.baseUrl(), null).delete("/sandbox/faults").status()).isEqualTo(401);
        assertThat(api.get("/v2/regions").status()).isEqualTo(500);
        assertThat(api.get("/sandbox/faults").status()).isEqualTo(200);
        assertThat(api.delete("/sandbox/faults").status()).isEqualTo(200);
        assertThat(api.get("/v2/regions").status()).isEqualTo(200);
    }

    @Test
    void invalidFaultIsRefusedWith400() {
        start();

        assertThat(api.post("/sandbox/faults", "{\"faults\":[{\"kind\":\"explode\"}]}").status()).isEqualTo(400);
        assertThat(api.post("/sandbox/faults", "{\"faults\":[{\"kind\":\"error\",\"probability\":2}]}").status())
                .isEqualTo(400);
        assertThat(api.post("/sandbox/faults", "{\"faults\":[{\"kind\":\"error\",\"times\":\"x\"}]}").status())
                .isEqualTo(400);
        assertThat(api.post("/sandbox/faults", "not json").status()).isEqualTo(400);
        assertThat(simulator.faults().active()).isEmpty();
    }
}
