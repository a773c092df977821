package dev.ilbportal;

import static dev.ilbportal.api.ApiBodies.decision;
import static dev.ilbportal.api.ApiBodies.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningHarness;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.Verifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every state-changing endpoint of every module (POST, PUT, PATCH and DELETE; the pages and the JSON API under
 * {@code /api/v1}), as the {@link RequestMappingHandlerMapping}s list them, writes an audit event. Each endpoint has a
 * scenario here: it builds what the endpoint needs, calls it as the demo person who may (pages with a CSRF token,
 * the API with a bearer token from the sandbox provider) and expects a successful answer and at least one new
 * audit event with the expected action. An endpoint that legitimately writes no event is in {@link #EXEMPT} with its
 * reason; one not covered yet is in {@link #NOT_YET_COVERED}. An endpoint in none of them fails the test, so a new
 * endpoint without audit breaks the build.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class StateChangesAreAuditedTests {

    /** Endpoints that change no audited state, with the reason. */
    static final Map<String, String> EXEMPT = Map.of(
            "POST /api/v1/requests/validate", "a pure look-up sent as POST: checks a spec, saves nothing",
            "POST /audit/checkpoints", "signs the trail's head; the signed checkpoint (row and file) is the record, "
                    + "and an event would move the head it signs (CheckpointWritten is deliberately not a PortalEvent)",
            "POST /api/v1/audit/checkpoints", "the API twin of POST /audit/checkpoints, same reason");

    /** Endpoints that do change state but have no scenario yet: listed, reported, to be covered. */
    static final Map<String, String> NOT_YET_COVERED = Map.of();

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEBHOOK_URL = "http://127.0.0.1:9/audited";

    /** How one endpoint is called: as whom, and the action its audit event must have. */
    record Scenario(String action, Call call) {
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockOAuth2Server provider;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SandboxFaults faults;
    @Autowired
    CivoClient civo;
    @Autowired
    Verifier verifier;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, SandboxBrowserlessLogin> sessions = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final List<Map<String, Object>> savedPreferences = new ArrayList<>();
    private final List<UUID> deliveriesMade = new ArrayList<>();
    /** Who made the last call: a scenario's last call is the endpoint's, so its event must name this person. */
    private String lastCaller;

    @AfterEach
    void restoreSharedState() {
        faults.clear();
        // The deliveries sent again are queued: gone, so no other test's dispatch calls them.
        deliveriesMade.forEach(id -> jdbc.sql("delete from notification_delivery where id = ?").param(id).update());
        jdbc.sql("delete from notification_webhook where url = ? and team = 'audit-team'").param(WEBHOOK_URL).update();
        if (!savedPreferences.isEmpty() || preferencesTouched) {
            jdbc.sql("delete from notification_preference where subject = 'adam'").update();
            for (Map<String, Object> row : savedPreferences) {
                jdbc.sql("insert into notification_preference (subject, kind, channel, enabled) values (?, ?, ?, ?)")
                        .params(row.get("subject"), row.get("kind"), row.get("channel"), row.get("enabled")).update();
            }
        }
    }

    private boolean preferencesTouched;

    private void keepAdamsPreferences() {
        if (!preferencesTouched) {
            preferencesTouched = true;
            savedPreferences.addAll(jdbc.sql("select subject, kind, channel, enabled from notification_preference "
                    + "where subject = 'adam'").query().listOfRows());
        }
    }

    // ---- endpoints, as Spring MVC lists them ----

    private Set<String> stateChangingEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (!method.getBeanType().getPackageName().startsWith("dev.ilbportal")) {
                    return;
                }
                Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
                // A mapping without a method accepts every verb, POST included.
                Set<RequestMethod> changing = verbs.isEmpty() ? Set.of(RequestMethod.POST) : verbs;
                for (RequestMethod verb : changing) {
                    if (verb != RequestMethod.GET && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS
                            && verb != RequestMethod.TRACE) {
                        // A variable with a regex, {id:[0-9a-f-]{36}}, is named as {id}.
                        info.getPatternValues().forEach(pattern -> endpoints.add(verb + " "
                                + pattern.replaceAll("\\{(\\w+):[^/]*}", "{$1}")));
                    }
                }
            });
        }
        return endpoints;
    }

    // ---- calling the portal as a demo person ----

    private URI portal(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private SandboxBrowserlessLogin session(String username) throws Exception {
        SandboxBrowserlessLogin session = sessions.get(username);
        if (session == null) {
            session = new SandboxBrowserlessLogin(portal(""));
            session.signIn(username);
            sessions.put(username, session);
        }
        return session;
    }

    /** A form post from a page, with the session's CSRF token, as the browser sends it. */
    private HttpResponse<String> page(String username, String path, Map<String, String> form) throws Exception {
        SandboxBrowserlessLogin session = session(username);
        lastCaller = username;
        Matcher csrf = CSRF_INPUT.matcher(session.get(portal("/settings/notifications")).body());
        assertThat(csrf.find()).as("a CSRF token for " + username).isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + encode(csrf.group(1)));
        form.forEach((name, value) -> body.append('&').append(encode(name)).append('=').append(encode(value)));
        return session.client().send(HttpRequest.newBuilder(portal(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String token(String username) throws Exception {
        String token = tokens.get(username);
        if (token == null) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(provider.tokenEndpointUrl("portal").uri())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username
                                    + "&password=demo&client_id=ilb-portal&client_secret=sandbox-secret&scope=openid"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("a token for " + username).isEqualTo(200);
            token = JSON.readTree(response.body()).get("access_token").asString();
            tokens.put(username, token);
        }
        return token;
    }

    /** A call of the JSON API with the person's bearer token and no cookie. */
    private HttpResponse<String> api(String username, String method, String path, Object body,
                                     Map<String, String> headers) throws Exception {
        lastCaller = username;
        HttpRequest.Builder request = HttpRequest.newBuilder(portal(path))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token(username));
        headers.forEach(request::header);
        String text = body == null ? null : JSON.writeValueAsString(body);
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String username, String method, String path, Object body) throws Exception {
        return api(username, method, path, body, Map.of());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " answered " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    // ---- fixtures: each scenario gets rows of its own ----

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }


    /** Alice's draft, complete (both wizard pages), made through the API. */
    private JsonNode draft() throws Exception {
        return json(api("alice", "POST", "/api/v1/requests", spec(unique("audited"))), 201);
    }

    private UUID draftId() throws Exception {
        return UUID.fromString(draft().get("id").asString());
    }

    /** Alice's draft, submitted and waiting for an approver. */
    private JsonNode submitted() throws Exception {
        String id = draft().get("id").asString();
        return json(api("alice", "POST", "/api/v1/requests/" + id + "/submit",
                Map.of("justification", "The audit test needs a database.")), 200);
    }


    private static Map<String, String> decisionForm(JsonNode request, String reason) {
        Map<String, String> form = new LinkedHashMap<>();
        // The request page's form names the revision "revision".
        decision(request, reason).forEach((name, value) -> form.put(name.equals("revisionNumber") ? "revision" : name,
                String.valueOf(value)));
        return form;
    }

    private ProvisioningHarness harness() {
        return new ProvisioningHarness(context);
    }

    /** A payments load balancer of its own, provisioned and active. */
    private InternalLoadBalancer active() {
        ProvisioningHarness harness = harness();
        return harness.provisioned(harness.requests().spec(ApprovedRequestFixture.uniqueName("audited"),
                FirewallChoice.create("")));
    }

    /** A provisioning job that failed creating its firewall. */
    private ProvisioningJob failedJob() {
        faults.inject(Fault.error(500, "database_firewall_create", "Failed to create").on("POST", "/v2/firewalls"));
        try {
            ProvisioningHarness harness = harness();
            ProvisioningJob job = harness.runUntilFinished(harness.approve(harness.requests().spec(
                    ApprovedRequestFixture.uniqueName("audited"), FirewallChoice.create(""))));
            assertThat(job.status().name()).isEqualTo("FAILED");
            return job;
        } finally {
            faults.clear();
        }
    }

    /** An active load balancer whose firewall someone opened by hand, seen EXPOSED; the plan hash to restore it. */
    private String[] exposed() throws Exception {
        InternalLoadBalancer lb = active();
        civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1", "tcp", "443",
                "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
        verifier.verify(lb, Trigger.ON_DEMAND, "test");
        JsonNode plan = json(api("alice", "GET", "/api/v1/inventory/" + lb.id() + "/restore-firewall", null), 200);
        assertThat(plan.get("offered").asBoolean()).as("a restore is offered").isTrue();
        return new String[] {lb.id().toString(), plan.get("planHash").asString()};
    }

    private String webhook(boolean enabled) throws Exception {
        String id = json(api("adam", "POST", "/api/v1/admin/webhooks", Map.of("url", WEBHOOK_URL,
                "secret", "audit-test-secret-" + UUID.randomUUID(), "team", "audit-team")), 201).get("id").asString();
        if (!enabled) {
            jdbc.sql("update notification_webhook set enabled = false where id = ?").param(UUID.fromString(id))
                    .update();
        }
        return id;
    }

    private String deadDelivery() {
        UUID id = UUID.randomUUID();
        deliveriesMade.add(id);
        jdbc.sql("""
                        insert into notification_delivery (id, event_id, kind, channel, recipient, person_subject,
                            webhook_id, title, body, status, attempts, next_attempt_at, created_at)
                        values (?, ?, 'DRIFTED', 'WEBHOOK', 'http://127.0.0.1:9/…', null, null, 'Load balancer drifted',
                            '{}', 'DEAD', 6, ?, ?)""")
                .params(id, UUID.randomUUID(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
        return id.toString();
    }

    private static String later() {
        return LocalDate.now().plusDays(60).toString();
    }

    // ---- the scenarios ----

    private Map<String, Scenario> scenarios() {
        Map<String, Scenario> s = new TreeMap<>();
        String net = SeedWorld.networkId("LON1", "payments-net");

        // requests: the wizard's pages
        s.put("POST /requests/new", new Scenario("request.draft-created", () -> page("alice", "/requests/new",
                Map.of("team", "payments", "region", "LON1", "networkId", net))));
        s.put("POST /requests/{id}/firewall", new Scenario("request.edited", () -> page("alice",
                "/requests/" + draftId() + "/firewall", Map.of("region", "LON1", "networkId", net))));
        s.put("POST /requests/{id}/load-balancer", new Scenario("request.edited", () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("name", unique("audited-page"));
            form.put("algorithm", "round_robin");
            form.put("targetKind", "INSTANCE_TAGS");
            form.put("targetValues", "payments-api");
            form.put("firewallChoice", "new");
            form.put("ports[0].protocol", "TCP");
            form.put("ports[0].sourcePort", "5432");
            form.put("ports[0].targetPort", "5432");
            return page("alice", "/requests/" + draftId() + "/load-balancer", form);
        }));
        s.put("POST /requests/{id}/submit", new Scenario("request.submitted", () -> page("alice",
                "/requests/" + draftId() + "/submit", Map.of("justification", "The audit test needs it."))));
        s.put("POST /requests/{id}/delete", new Scenario("request.draft-deleted", () -> page("alice",
                "/requests/" + draftId() + "/delete", Map.of())));
        // requests: the request page's decisions
        s.put("POST /requests/{id}/approve", new Scenario("request.approved", () -> {
            JsonNode request = submitted();
            return page("april", "/requests/" + request.get("id").asString() + "/approve",
                    decisionForm(request, null));
        }));
        s.put("POST /requests/{id}/reject", new Scenario("request.rejected", () -> {
            JsonNode request = submitted();
            return page("april", "/requests/" + request.get("id").asString() + "/reject",
                    decisionForm(request, "Name the port 6432."));
        }));
        s.put("POST /requests/{id}/override", new Scenario("request.approved", () -> {
            JsonNode request = submitted();
            return page("adam", "/requests/" + request.get("id").asString() + "/override",
                    decisionForm(request, "The approvers are away; the audit test needs it."));
        }));
        s.put("POST /requests/{id}/withdraw", new Scenario("request.withdrawn", () -> {
            JsonNode request = submitted();
            return page("alice", "/requests/" + request.get("id").asString() + "/withdraw",
                    decisionForm(request, null));
        }));
        // requests: the API
        s.put("POST /api/v1/requests", new Scenario("request.draft-created", () -> api("alice", "POST",
                "/api/v1/requests", spec(unique("audited-api")))));
        s.put("PUT /api/v1/requests/{id}", new Scenario("request.edited", () -> {
            JsonNode request = draft();
            Map<String, Object> edited = spec(request.get("name").asString());
            edited.put("ports", List.of(Map.of("protocol", "TCP", "sourcePort", 6432, "targetPort", 6432)));
            return api("alice", "PUT", "/api/v1/requests/" + request.get("id").asString(), edited,
                    Map.of("If-Match", "\"" + request.get("version").asLong() + "\""));
        }));
        s.put("DELETE /api/v1/requests/{id}", new Scenario("request.draft-deleted", () -> api("alice", "DELETE",
                "/api/v1/requests/" + draftId(), null)));
        s.put("POST /api/v1/requests/{id}/submit", new Scenario("request.submitted", () -> api("alice", "POST",
                "/api/v1/requests/" + draftId() + "/submit", Map.of("justification", "The audit test needs it."))));
        s.put("POST /api/v1/requests/{id}/withdraw", new Scenario("request.withdrawn", () -> {
            JsonNode request = submitted();
            return api("alice", "POST", "/api/v1/requests/" + request.get("id").asString() + "/withdraw",
                    Map.of("version", request.get("version").asLong()));
        }));
        s.put("POST /api/v1/requests/{id}/approve", new Scenario("request.approved", () -> {
            JsonNode request = submitted();
            return api("april", "POST", "/api/v1/requests/" + request.get("id").asString() + "/approve",
                    decision(request, null));
        }));
        s.put("POST /api/v1/requests/{id}/reject", new Scenario("request.rejected", () -> {
            JsonNode request = submitted();
            return api("april", "POST", "/api/v1/requests/" + request.get("id").asString() + "/reject",
                    decision(request, "Name the port 6432."));
        }));
        s.put("POST /api/v1/requests/{id}/override", new Scenario("request.approved", () -> {
            JsonNode request = submitted();
            return api("adam", "POST", "/api/v1/requests/" + request.get("id").asString() + "/override",
                    decision(request, "The approvers are away; the audit test needs it."));
        }));

        // provisioning
        s.put("POST /inventory/{id}/decommission", new Scenario("provisioning.decommission-requested", () -> page(
                "alice", "/inventory/" + active().id() + "/decommission", Map.of("reason", "The audit test is over."))));
        s.put("POST /api/v1/inventory/{id}/decommission", new Scenario("provisioning.decommission-requested",
                () -> api("alice", "POST", "/api/v1/inventory/" + active().id() + "/decommission",
                        Map.of("reason", "The audit test is over."))));
        s.put("POST /inventory/{id}/extend", new Scenario("request.submitted", () -> page("alice",
                "/inventory/" + active().id() + "/extend", Map.of("endsOn", later(), "reason", "Still needed."))));
        s.put("POST /api/v1/inventory/{id}/extend", new Scenario("request.submitted", () -> api("alice", "POST",
                "/api/v1/inventory/" + active().id() + "/extend", Map.of("endsOn", later(), "reason",
                        "Still needed."))));
        s.put("POST /inventory/{id}/restore-firewall", new Scenario("provisioning.firewall-restore-requested", () -> {
            String[] lb = exposed();
            return page("alice", "/inventory/" + lb[0] + "/restore-firewall", Map.of("reason",
                    "Opened by hand during an incident.", "planHash", lb[1]));
        }));
        s.put("POST /api/v1/inventory/{id}/restore-firewall", new Scenario("provisioning.firewall-restore-requested",
                () -> {
                    String[] lb = exposed();
                    return api("alice", "POST", "/api/v1/inventory/" + lb[0] + "/restore-firewall", Map.of("reason",
                            "Opened by hand during an incident.", "planHash", lb[1]));
                }));
        s.put("POST /provisioning/jobs/{jobId}/retry", new Scenario("provisioning.retried", () -> page("adam",
                "/provisioning/jobs/" + failedJob().id() + "/retry", Map.of())));
        s.put("POST /api/v1/admin/jobs/{jobId}/retry", new Scenario("provisioning.retried", () -> api("adam", "POST",
                "/api/v1/admin/jobs/" + failedJob().id() + "/retry", null)));
        s.put("POST /provisioning/jobs/{jobId}/abandon", new Scenario("provisioning.abandoned", () -> page("adam",
                "/provisioning/jobs/" + failedJob().id() + "/abandon", Map.of())));
        s.put("POST /api/v1/admin/jobs/{jobId}/abandon", new Scenario("provisioning.abandoned", () -> api("adam",
                "POST", "/api/v1/admin/jobs/" + failedJob().id() + "/abandon", null)));

        // verification
        s.put("POST /verification/load-balancers/{id}/verify", new Scenario("verification.completed", () -> page(
                "alice", "/verification/load-balancers/" + active().id() + "/verify", Map.of())));
        s.put("POST /api/v1/inventory/{id}/verifications", new Scenario("verification.completed", () -> api("alice",
                "POST", "/api/v1/inventory/" + active().id() + "/verifications", null)));

        // audit
        s.put("POST /audit/chain-checks", new Scenario("audit.chain-checked", () -> page("audrey",
                "/audit/chain-checks", Map.of())));
        s.put("POST /api/v1/audit/chain-checks", new Scenario("audit.chain-checked", () -> api("audrey", "POST",
                "/api/v1/audit/chain-checks", null)));

        // notifications
        s.put("POST /admin/webhooks", new Scenario("notifications.webhook-added", () -> page("adam",
                "/admin/webhooks", Map.of("url", WEBHOOK_URL, "secret",
                        "audit-test-secret-" + UUID.randomUUID(), "team", "audit-team"))));
        s.put("POST /admin/webhooks/{id}/enable", new Scenario("notifications.webhook-enabled", () -> page("adam",
                "/admin/webhooks/" + webhook(false) + "/enable", Map.of())));
        s.put("POST /admin/webhooks/{id}/disable", new Scenario("notifications.webhook-disabled", () -> page("adam",
                "/admin/webhooks/" + webhook(true) + "/disable", Map.of())));
        s.put("POST /admin/webhooks/{id}/delete", new Scenario("notifications.webhook-deleted", () -> page("adam",
                "/admin/webhooks/" + webhook(true) + "/delete", Map.of())));
        s.put("POST /admin/notifications/{id}/send-again", new Scenario("notifications.delivery-sent-again",
                () -> page("adam", "/admin/notifications/" + deadDelivery() + "/send-again", Map.of())));
        s.put("POST /settings/notifications", new Scenario("notifications.preferences-chosen", () -> {
            keepAdamsPreferences();
            return page("adam", "/settings/notifications", Map.of("email", "DRIFTED"));
        }));
        s.put("POST /api/v1/admin/webhooks", new Scenario("notifications.webhook-added", () -> api("adam", "POST",
                "/api/v1/admin/webhooks", Map.of("url", WEBHOOK_URL, "secret",
                        "audit-test-secret-" + UUID.randomUUID(), "team", "audit-team"))));
        s.put("POST /api/v1/admin/webhooks/{id}/enable", new Scenario("notifications.webhook-enabled", () -> api(
                "adam", "POST", "/api/v1/admin/webhooks/" + webhook(false) + "/enable", null)));
        s.put("POST /api/v1/admin/webhooks/{id}/disable", new Scenario("notifications.webhook-disabled", () -> api(
                "adam", "POST", "/api/v1/admin/webhooks/" + webhook(true) + "/disable", null)));
        s.put("DELETE /api/v1/admin/webhooks/{id}", new Scenario("notifications.webhook-deleted", () -> api("adam",
                "DELETE", "/api/v1/admin/webhooks/" + webhook(true), null)));
        s.put("POST /api/v1/admin/deliveries/{id}/send-again", new Scenario("notifications.delivery-sent-again",
                () -> api("adam", "POST", "/api/v1/admin/deliveries/" + deadDelivery() + "/send-again", null)));
        s.put("PUT /api/v1/me/notifications/{channel}", new Scenario("notifications.preferences-chosen", () -> {
            keepAdamsPreferences();
            return api("adam", "PUT", "/api/v1/me/notifications/EMAIL", List.of("DRIFTED"));
        }));
        return s;
    }

    private long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from audit_event").query(Long.class).single();
    }

    @Test
    void everyStateChangingEndpointHasAScenarioOrAReasonAndEveryScenarioWritesItsAuditEvent() throws Exception {
        Set<String> endpoints = stateChangingEndpoints();
        Map<String, Scenario> scenarios = scenarios();
        assertThat(endpoints).as("state-changing endpoints found, pages and API").hasSizeGreaterThanOrEqualTo(40)
                .anyMatch(endpoint -> endpoint.contains(" /api/v1/")).anyMatch(endpoint -> !endpoint.contains("/api/"));

        Set<String> unaccounted = new TreeSet<>(endpoints);
        unaccounted.removeAll(scenarios.keySet());
        unaccounted.removeAll(EXEMPT.keySet());
        unaccounted.removeAll(NOT_YET_COVERED.keySet());
        assertThat(unaccounted).as("endpoints with no scenario here, no exemption and no NOT_YET_COVERED entry")
                .isEmpty();
        Set<String> stale = new TreeSet<>(scenarios.keySet());
        stale.addAll(EXEMPT.keySet());
        stale.addAll(NOT_YET_COVERED.keySet());
        stale.removeAll(endpoints);
        assertThat(stale).as("listed here but no longer an endpoint").isEmpty();

        List<String> failures = new ArrayList<>();
        for (String endpoint : endpoints) {
            Scenario scenario = scenarios.get(endpoint);
            if (scenario == null) {
                continue;
            }
            long before = lastSequence();
            HttpResponse<String> response = scenario.call().run();
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse("");
            boolean succeeded = (status >= 200 && status < 300)
                    || (status == 302 && !location.contains("login") && !location.contains("error"));
            List<String> actions = jdbc.sql("select action from audit_event where sequence > ? order by sequence")
                    .param(before).query(String.class).list();
            List<String> actors = jdbc.sql("select actor_subject from audit_event where sequence > ? and action = ?")
                    .params(before, scenario.action()).query(String.class).list();
            if (!succeeded) {
                failures.add(endpoint + ": answered " + status + " " + location + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            } else if (!actions.contains(scenario.action())) {
                failures.add(endpoint + ": no " + scenario.action() + " event; written: " + actions);
            } else if (!actors.contains(lastCaller)) {
                failures.add(endpoint + ": its " + scenario.action() + " event names " + actors + ", not "
                        + lastCaller);
            }
        }
        assertThat(failures).as("endpoints that failed or wrote no audit event").isEmpty();
        System.out.printf("StateChangesAreAuditedTests: %d endpoints found, %d covered, %d exempted, "
                + "%d not yet covered%n", endpoints.size(), scenarios.size(), EXEMPT.size(), NOT_YET_COVERED.size());
    }
}
