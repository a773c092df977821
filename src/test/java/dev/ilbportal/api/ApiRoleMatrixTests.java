package dev.ilbportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.sandbox.DemoPerson;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every API operation for every demo person: who gets through the role gate and who is refused with 403. Ids that
 * exist nowhere are used, so a person who passes the gate gets 404 (and sees nothing), never a change; nina, with no
 * portal group, is refused everything by the filter chain.
 */
@PortalApplicationTest
class ApiRoleMatrixTests {

    static final String MISSING = UUID.randomUUID().toString();
    static final Set<String> EVERY_ROLE = Set.of("alice", "sam", "riley", "april", "audrey", "adam");

    /** One operation, and the status each person with a role gets (others: 403). */
    record Operation(String method, String path, Object body, Map<String, Integer> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Map<String, Integer> only(int status, String... people) {
        Map<String, Integer> allowed = new HashMap<>();
        for (String person : people) {
            allowed.put(person, status);
        }
        return allowed;
    }

    static Map<String, Integer> everyRole(int status) {
        return only(status, EVERY_ROLE.toArray(String[]::new));
    }

    static List<Operation> operations() {
        Map<String, Object> decision = Map.of("revisionNumber", 1, "planHash", "0".repeat(64), "version", 0,
                "reason", "a reason");
        Map<String, Object> paymentsSpec = new HashMap<>(ApiBodies.spec("matrix-db"));
        Map<String, Integer> create = only(422, "sam", "april", "audrey", "adam");
        create.put("alice", 201);
        create.put("riley", 201);
        String request = "/api/v1/requests/" + MISSING;
        String lb = "/api/v1/inventory/" + MISSING;
        return List.of(
                new Operation("GET", "/api/v1/requests", null, everyRole(200)),
                new Operation("POST", "/api/v1/requests", paymentsSpec, create),
                new Operation("GET", request, null, everyRole(404)),
                new Operation("PUT", request, paymentsSpec, everyRole(404)),
                new Operation("DELETE", request, null, everyRole(404)),
                new Operation("POST", request + "/submit", Map.of(), everyRole(404)),
                new Operation("POST", request + "/withdraw", Map.of("version", 0), everyRole(404)),
                new Operation("POST", request + "/approve", decision, only(404, "riley", "april")),
                new Operation("POST", request + "/reject", decision, only(404, "riley", "april")),
                new Operation("POST", request + "/override", decision, only(404, "adam")),
                new Operation("GET", request + "/provisioning", null, everyRole(404)),
                new Operation("GET", "/api/v1/approval-queue", null, only(200, "riley", "april")),
                new Operation("GET", "/api/v1/inventory", null, everyRole(200)),
                new Operation("GET", lb, null, everyRole(404)),
                new Operation("POST", lb + "/decommission", Map.of("reason", "gone"), everyRole(404)),
                new Operation("POST", lb + "/extend", Map.of("endsOn", "2027-06-30", "reason", "longer"),
                        everyRole(404)),
                new Operation("GET", lb + "/verifications", null, everyRole(404)),
                new Operation("GET", lb + "/restore-firewall", null, everyRole(404)),
                new Operation("POST", lb + "/restore-firewall", Map.of("reason", "r", "planHash", "h"),
                        everyRole(404)),
                new Operation("POST", lb + "/verifications", null, everyRole(404)),
                new Operation("GET", "/api/v1/audit/events", null, only(200, "audrey")),
                new Operation("GET", "/api/v1/audit/exports?format=CSV", null, only(200, "audrey")),
                new Operation("POST", "/api/v1/audit/chain-checks", null, only(200, "audrey")),
                new Operation("POST", "/api/v1/audit/checkpoints", null, only(204, "audrey")),
                new Operation("POST", "/api/v1/admin/jobs/" + MISSING + "/retry", null, only(404, "adam")),
                new Operation("POST", "/api/v1/admin/jobs/" + MISSING + "/abandon", null, only(404, "adam")),
                new Operation("GET", "/api/v1/admin/webhooks", null, only(200, "adam")),
                new Operation("POST", "/api/v1/admin/webhooks", Map.of("url", "ftp://nowhere", "secret", "short"),
                        only(422, "adam")),
                new Operation("POST", "/api/v1/admin/webhooks/" + MISSING + "/enable", null, only(404, "adam")),
                new Operation("POST", "/api/v1/admin/webhooks/" + MISSING + "/disable", null, only(404, "adam")),
                new Operation("DELETE", "/api/v1/admin/webhooks/" + MISSING, null, only(404, "adam")),
                new Operation("GET", "/api/v1/admin/deliveries/failed", null, only(200, "adam")),
                new Operation("POST", "/api/v1/admin/deliveries/" + MISSING + "/send-again", null, only(404, "adam")),
                // Everything on, as a person who never chose: the demo people's choices are shared with later tests.
                new Operation("PUT", "/api/v1/me/notifications/EMAIL", dev.ilbportal.notifications.NotificationKind
                        .peopleChooseFrom().stream().map(Enum::name).toList(), everyRole(204)));
    }

    static Stream<Arguments> everyOperationForEveryPerson() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : operations()) {
            for (DemoPerson person : DemoPerson.all()) {
                cases.add(Arguments.of(operation, person.username(),
                        operation.allowed().getOrDefault(person.username(), 403)));
            }
        }
        return cases.stream();
    }

    static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    MockOAuth2Server provider;

    @ParameterizedTest(name = "{0} as {1} is {2}")
    @MethodSource("everyOperationForEveryPerson")
    void eachPersonGetsWhatTheirRolesAllow(Operation operation, String person, int expected) throws Exception {
        PortalApiClient api = new PortalApiClient(port, provider);
        String token = TOKENS.computeIfAbsent(person, username -> {
            try {
                return api.tokenFor(username);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
        Object body = operation.body();
        if (body instanceof Map<?, ?> spec && spec.containsKey("networkId")) {
            Map<String, Object> unique = new HashMap<>(ApiBodies.spec(ApiBodies.unique("matrix")));
            body = unique;
        }

        var reply = api.anonymous().send(operation.method(), operation.path(), body,
                Map.of("Authorization", "Bearer " + token, "If-Match", "\"0\""));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
