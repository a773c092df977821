package dev.ilbportal.api;

import static dev.ilbportal.api.ApiBodies.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline's whole journey through the API alone, against the sandbox's Civo: request, reject, edit, approve,
 * provision, verify, decommission, then the auditor's export and chain check. Every JSON answer on the way uses one
 * naming style (camelCase) and UTC ISO-8601 times.
 */
@PortalApplicationTest
class ApiJourneyTests {

    @LocalServerPort
    int port;

    @Autowired
    MockOAuth2Server provider;

    final List<JsonNode> answers = new ArrayList<>();

    @Test
    void requestToDecommissionAndAuditThroughTheApiAlone() throws Exception {
        PortalApiClient api = new PortalApiClient(port, provider);
        var alice = api.as("alice");
        var april = api.as("april");
        var audrey = api.as("audrey");
        String name = ApiBodies.unique("journey-db");

        var created = seen(alice.post("/api/v1/requests", ApiBodies.spec(name)), 201);
        String requestId = created.json().get("id").asString();
        String path = "/api/v1/requests/" + requestId;
        var submitted = seen(alice.post(path + "/submit", Map.of("justification", "The journey needs a database.")),
                200);
        var rejected = seen(april.post(path + "/reject", decision(submitted.json(), "Name the port 6432.")), 200);

        Map<String, Object> edited = ApiBodies.spec(name);
        edited.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", 6432, "targetPort", 6432)));
        seen(alice.send("PUT", path, edited, Map.of("If-Match", rejected.header("ETag"))), 200);
        var resubmitted = seen(alice.post(path + "/submit", Map.of("justification", "Now on 6432.")), 200);
        var approved = seen(april.post(path + "/approve", decision(resubmitted.json(), null)), 200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

        JsonNode built = until(alice, path + "/provisioning", progress -> progress.get("finished").asBoolean());
        assertThat(built.get("status").asString()).isEqualTo("SUCCEEDED");
        String loadBalancerId = built.get("loadBalancerId").asString();
        String lb = "/api/v1/inventory/" + loadBalancerId;
        var inventoryEntry = seen(alice.get(lb), 200);
        assertThat(inventoryEntry.json().get("status").asString()).isEqualTo("ACTIVE");

        var verified = seen(alice.post(lb + "/verifications", null), 200);
        assertThat(verified.json().get("outcome").asString()).isEqualTo("PASS");
        assertThat(seen(alice.get(lb + "/verifications"), 200).json().get("items")).isNotEmpty();
        assertThat(seen(alice.get(lb), 200).json().get("proofStatus").asString()).isEqualTo("PROVEN");

        var asked = seen(alice.post(lb + "/decommission", Map.of("reason", "The journey is over.")), 201);
        String decommission = "/api/v1/requests/" + asked.json().get("requestId").asString();
        var waiting = seen(april.get(decommission), 200);
        seen(april.post(decommission + "/approve", decision(waiting.json(), null)), 200);
        JsonNode takenDown = until(alice, decommission + "/provisioning",
                progress -> progress.get("finished").asBoolean());
        assertThat(takenDown.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(seen(alice.get(lb), 200).json().get("status").asString()).isEqualTo("DECOMMISSIONED");

        var events = seen(audrey.get("/api/v1/audit/events?request=" + requestId), 200);
        assertThat(events.json().get("items").findValuesAsString("action")).contains("request.approved");
        var export = audrey.get("/api/v1/audit/exports?format=JSONL&loadBalancer=" + loadBalancerId);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(export.body().lines().count()).isGreaterThan(3);
        var chain = seen(audrey.post("/api/v1/audit/chain-checks", null), 200);
        assertThat(chain.json().get("intact").asBoolean()).as(chain.toString()).isTrue();

        answers.forEach(ApiJourneyTests::assertCamelCaseAndUtc);
    }

    private PortalApiClient.Reply seen(PortalApiClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        answers.add(reply.json());
        return reply;
    }

    private JsonNode until(PortalApiClient.Call call, String path, Predicate<JsonNode> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        PortalApiClient.Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = call.get(path);
            if (last.status() == 200 && done.test(last.json())) {
                answers.add(last.json());
                return last.json();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not done in time: " + last);
    }


    /** Field names are camelCase; times (fields ending in At or Since) are ISO-8601 instants in UTC. */
    static void assertCamelCaseAndUtc(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (var entry : node.properties()) {
                String field = entry.getKey();
                boolean insidePlan = field.equals("plan") || field.equals("body");
                assertThat(field).as("field name").matches("[a-z][a-zA-Z0-9]*");
                if ((field.endsWith("At") || field.endsWith("Since")) && entry.getValue().isString()) {
                    String time = entry.getValue().asString();
                    assertThat(time).as(field).endsWith("Z");
                    assertThat(Instant.parse(time)).isNotNull();
                }
                if (!insidePlan) {
                    assertCamelCaseAndUtc(entry.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ApiJourneyTests::assertCamelCaseAndUtc);
        }
    }
}
