package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SimulatorTransportTests extends SharesOneSimulator {

    @Test
    void requestWithoutKeyIsRefusedWithLegacyAuthenticationBody() {
        ApiCalls.Answer answer = new ApiCalls(simulator.baseUrl(), null).get("/v2/regions");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("result").asString()).isEqualTo("requires_authentication");
        assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void requestWithWrongKeyOrSchemeIsRefused() {
        assertThat(new ApiCalls(simulator.baseUrl(), "bearer nope").get("/v2/regions").status()).isEqualTo(401);
        assertThat(new ApiCalls(simulator.baseUrl(), "Basic sandbox-key").get("/v2/regions").status())
                .isEqualTo(401);
        assertThat(new ApiCalls(simulator.baseUrl(), "bearer").get("/v2/regions").status()).isEqualTo(401);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertThat(new ApiCalls(simulator.baseUrl(), "Bearer sandbox-key").get("/v2/regions").status())
                .isEqualTo(200);
        assertThat(new ApiCalls(simulator.baseUrl(), "BEARER sandbox-key").get("/v2/regions").status())
                .isEqualTo(200);
    }

    @Test
    void answersJsonWithRequestId() {
        ApiCalls.Answer answer = api.get("/v2/regions");

        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.header("x-request-id")).isNotBlank();
    }

    @Test
    void classicAndVpcPathsReachTheSameHandlers() {
        JsonNode classic = api.get("/v2/networks?region=LON1").json();
        JsonNode vpc = api.get("/v2/vpc/networks?region=LON1").json();

        assertThat(vpc).isEqualTo(classic);
        assertThat(api.get("/v2/vpc/firewalls").json()).isEqualTo(api.get("/v2/firewalls").json());
    }

    @Test
    void regionComesFromQueryThenBodyThenDefaultCaseInsensitively() {
        assertThat(labelsOfNetworks("/v2/networks")).containsEntry("default", "192.168.1.0/24");
        assertThat(labelsOfNetworks("/v2/networks?region=fra1")).containsEntry("default", "192.168.2.0/24");
        assertThat(labelsOfNetworks("/v2/networks?region=NYC1")).containsEntry("default", "192.168.3.0/24");

        ApiCalls.Answer created = api.post("/v2/firewalls",
                "{\"name\":\"body-region\",\"region\":\"fra1\",\"create_rules\":false}");
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("id").asString();
        assertThat(api.get("/v2/firewalls/" + id + "?region=FRA1").status()).isEqualTo(200);
        assertThat(api.get("/v2/firewalls/" + id + "?region=LON1").status()).isEqualTo(404);
        assertThat(api.get("/v2/firewalls/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownRegionIsRefused() {
        ApiCalls.Answer answer = api.get("/v2/networks?region=MARS1");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("region_unavailable");
    }

    @Test
    void unknownPathIsNotFoundWithJsonBody() {
        ApiCalls.Answer answer = api.get("/v2/volumes");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("result").asString()).isEqualTo("failed");
    }

    @Test
    void malformedJsonIsRefusedWithCivoShapedBody() {
        ApiCalls.Answer answer = api.post("/v2/firewalls", "{\"name\": \"half");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).startsWith("parameter_");
        assertThat(answer.json().get("result").asString()).isEqualTo("failed");
        assertThat(answer.json().get("reason").asString()).isNotBlank();
    }

    @Test
    void bodyThatIsNotAnObjectIsRefused() {
        assertThat(api.post("/v2/firewalls", "[1,2]").status()).isEqualTo(400);
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefused() {
        ApiCalls.Answer wrongType = api.post("/v2/firewalls", "{\"name\": 42}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("code").asString()).isEqualTo("parameter_name_invalid");

        ApiCalls.Answer missing = api.post("/v2/firewalls", "{\"create_rules\": false}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("parameter_name_missing");

        ApiCalls.Answer badBoolean = api.post("/v2/firewalls", "{\"name\":\"x\",\"create_rules\":[]}");
        assertThat(badBoolean.status()).isEqualTo(400);
        assertThat(badBoolean.json().get("code").asString()).isEqualTo("parameter_create_rules_invalid");
    }

    @Test
    void gzipContentEncodingOnAnUncompressedBodyIsIgnored() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v2/firewalls?region=LON1"))
                .header("Authorization", "bearer sandbox-key").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"gzip-lies\",\"create_rules\":false}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("gzip-lies");
    }

    private java.util.Map<String, String> labelsOfNetworks(String path) {
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        api.get(path).json().forEach(network -> labels.put(network.get("label").asString(),
                network.get("cidr").asString()));
        return labels;
    }
}
