package dev.ilbportal.api;

import static dev.ilbportal.api.ApiBodies.decision;
import static dev.ilbportal.api.ApiBodies.spec;
import static dev.ilbportal.api.ApiBodies.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@PortalApplicationTest
class RequestsApiTests {

    @RegisterExtension
    final PortalApiClient api = PortalApiClient.ofTheTestsPortal();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sameIdempotencyKeyFromSamePersonReturnsTheSameRequest() throws Exception {
        var alice = api.as("alice");
        Map<String, Object> spec = spec(unique("ledger-db"));
        String key = UUID.randomUUID().toString();

        var first = alice.send("POST", "/api/v1/requests", spec, Map.of("Idempotency-Key", key));
        var again = alice.send("POST", "/api/v1/requests", spec, Map.of("Idempotency-Key", key));
        var otherBody = alice.send("POST", "/api/v1/requests", spec(unique("other-db")),
                Map.of("Idempotency-Key", key));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith(first.json().get("id").asString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from lb_request where name = ?", Integer.class,
                spec.get("name"))).isEqualTo(1);
    }

    @Test
    void invalidSpecIsUnprocessableWithTheWizardsProblemsByFieldAndSavesNothing() throws Exception {
        Map<String, Object> spec = spec("Not A Valid Name!");
        spec.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", 70000, "targetPort", 5432)));

        var created = api.as("alice").post("/api/v1/requests", spec);
        var validated = api.as("alice").post("/api/v1/requests/validate", spec);

        assertThat(created.status()).as(created.toString()).isEqualTo(422);
        assertThat(created.header("Content-Type")).startsWith("application/problem+json");
        assertThat(created.json().get("errors").findValuesAsString("field")).contains("name");
        assertThat(validated.json().get("valid").asBoolean()).isFalse();
        assertThat(validated.json().get("errors").findValuesAsString("field"))
                .contains("name", "ports[0].sourcePort");
        assertThat(jdbc.queryForObject("select count(*) from lb_request where name = ?", Integer.class,
                spec.get("name"))).isZero();
    }

    @Test
    void badInputOfAnyShapeIsUnprocessableNeverAServerError() throws Exception {
        var alice = api.as("alice");
        Map<String, Object> unknownEnum = spec(unique("x"));
        unknownEnum.put("firewall", Map.of("mode", "OPEN_TO_ALL"));
        Map<String, Object> wrongType = spec(unique("x"));
        wrongType.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", "five", "targetPort", 1)));
        Map<String, Object> huge = spec(unique("x"));
        huge.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", new java.math.BigInteger("9".repeat(40)),
                "targetPort", 1)));

        for (Object body : List.of("{not json", "[]", unknownEnum, wrongType, huge)) {
            var reply = alice.post("/api/v1/requests", body);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("errors")).isNotEmpty();
        }
        assertThat(alice.post("/api/v1/requests", unknownEnum).json().get("errors").get(0).get("field").asString())
                .isEqualTo("firewall.mode");
        assertThat(alice.get("/api/v1/requests/not-a-uuid").status()).isEqualTo(422);
        assertThat(alice.get("/api/v1/requests?cursor=forged").status()).isEqualTo(422);
    }

    @Test
    void anotherTeamsRequestIsNotFound() throws Exception {
        var created = api.as("alice").post("/api/v1/requests", spec(unique("vault-db")));
        String path = "/api/v1/requests/" + created.json().get("id").asString();

        var asSam = api.as("sam").get(path);

        assertThat(asSam.status()).isEqualTo(404);
        assertThat(asSam.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as("sam").post(path + "/withdraw", Map.of("version", 0)).status()).isEqualTo(404);
        assertThat(api.as("alice").get("/api/v1/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void requestIsRejectedEditedAndApprovedBoundToRevisionPlanHashAndVersion() throws Exception {
        var alice = api.as("alice");
        var april = api.as("april");
        String name = unique("orders-db");
        var created = alice.post("/api/v1/requests", spec(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/v1/requests/" + created.json().get("id").asString();

        var submitted = alice.send("POST", path + "/submit", Map.of("justification", "Orders need a database."),
                Map.of("If-Match", created.header("ETag")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode first = submitted.json();
        assertThat(first.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(first.get("planHash").asString()).isNotBlank();
        assertThat(first.get("plan").isObject() || first.get("plan").isArray()).isTrue();
        assertThat(first.get("submittedAt").asString()).endsWith("Z");

        var requesterApproval = alice.post(path + "/approve", decision(first, null));
        var wrongHash = april.post(path + "/approve", Map.of("revisionNumber", 1, "planHash", "0".repeat(64),
                "version", first.get("version").asLong()));
        var noReason = april.post(path + "/reject", decision(first, " "));
        var rejected = april.post(path + "/reject", decision(first, "Use the shared database instead."));
        assertThat(requesterApproval.status()).isEqualTo(403);
        assertThat(wrongHash.status()).as(wrongHash.toString()).isEqualTo(409);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");

        Map<String, Object> edited = spec(name);
        edited.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", 6432, "targetPort", 6432)));
        var stale = alice.send("PUT", path, edited, Map.of("If-Match", created.header("ETag")));
        var missing = alice.send("PUT", path, edited, Map.of());
        var updated = alice.send("PUT", path, edited, Map.of("If-Match", rejected.header("ETag")));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        var resubmitted = alice.post(path + "/submit", Map.of("justification", "Orders need their own database."));
        JsonNode second = resubmitted.json();
        assertThat(second.get("currentRevision").asInt()).isEqualTo(2);
        assertThat(second.get("revisions")).hasSize(2);
        var staleApproval = april.post(path + "/approve", decision(first, null));
        var approved = april.send("POST", path + "/approve", Map.of("revisionNumber", 2,
                "planHash", second.get("planHash").asString()), Map.of("If-Match", resubmitted.header("ETag")));
        assertThat(staleApproval.status()).isIn(409, 412);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_id = ?", Integer.class,
                created.json().get("id").asString())).isGreaterThanOrEqualTo(6);
    }

    @Test
    void listPagesThroughTheTeamsRequestsWithACursor() throws Exception {
        var alice = api.as("alice");
        alice.post("/api/v1/requests", spec(unique("page-a")));
        alice.post("/api/v1/requests", spec(unique("page-b")));

        var firstPage = alice.get("/api/v1/requests?limit=1");
        var secondPage = alice.get("/api/v1/requests?limit=1&cursor=" + firstPage.json().get("nextCursor").asString());

        assertThat(firstPage.json().get("items")).hasSize(1);
        assertThat(secondPage.json().get("items")).hasSize(1);
        assertThat(secondPage.json().get("items").get(0).get("id"))
                .isNotEqualTo(firstPage.json().get("items").get(0).get("id"));
        assertThat(api.as("sam").get("/api/v1/requests").json().get("items").findValuesAsString("team"))
                .doesNotContain("payments");
    }

}
