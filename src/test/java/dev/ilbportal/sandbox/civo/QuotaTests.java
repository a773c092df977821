package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaTests {

    @Test
    void firewallsAndRulesBeyondTheQuotaAreRefusedWith403() {
        try (CivoSimulator simulator = CivoSimulator.start(
                SimulatorSettings.forTests().withQuota(new QuotaLimits(10, 11, 32, 20, 20)))) {
            ApiCalls api = new ApiCalls(simulator);

            ApiCalls.Answer withDefaults = api.post("/v2/firewalls", "{\"name\":\"too-many-rules\"}");
            assertThat(withDefaults.status()).isEqualTo(403);
            assertThat(withDefaults.json().get("code").asString()).isEqualTo("quota_limit_reached");

            String id = api.post("/v2/firewalls", "{\"name\":\"eleventh\",\"create_rules\":false}").json()
                    .get("id").asString();
            ApiCalls.Answer twelfth = api.post("/v2/firewalls", "{\"name\":\"twelfth\",\"create_rules\":false}");
            assertThat(twelfth.status()).isEqualTo(403);
            assertThat(twelfth.json().get("code").asString()).isEqualTo("quota_limit_reached");

            for (int port = 1; port <= 2; port++) {
                assertThat(api.post("/v2/firewalls/" + id + "/rules", "{\"start_port\":\"" + port + "\"}").status())
                        .isEqualTo(200);
            }
            ApiCalls.Answer rule = api.post("/v2/firewalls/" + id + "/rules", "{\"start_port\":\"3\"}");
            assertThat(rule.status()).isEqualTo(403);
            assertThat(api.get("/v2/quota").json().get("security_group_rule_usage").asInt()).isEqualTo(32);
            assertThat(api.get("/v2/quota").json().get("security_group_usage").asInt()).isEqualTo(11);
        }
    }
}
