package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing endpoint of the notifications module writes an audit event, found by asking Spring MVC for
 * the module's mappings: an endpoint added without an event, or without a scenario here, fails this test. The
 * events name webhooks by host only and never carry a secret.
 */
@PortalApplicationTest
class NotificationChangesAuditTests {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SECRET = "audit-test-secret-" + UUID.randomUUID();
    private static final String PATH_TOKEN = "path-token-" + UUID.randomUUID();

    /** A call of one endpoint: the path with its ids filled in, and the form fields. */
    record Call(String path, Map<String, String> form) {
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Webhooks webhooks;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcClient jdbc;

    private SandboxBrowserlessLogin adam;

    @BeforeEach
    void signIn() throws Exception {
        adam = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        adam.signIn("adam");
    }

    private UUID webhook(boolean enabled) {
        UUID id = UUID.randomUUID();
        webhooks.add(new Webhook(id, "http://127.0.0.1:9/" + PATH_TOKEN, SECRET, "audit-" + id.toString().substring(0, 6),
                enabled, "adam", Instant.now()));
        return id;
    }

    private UUID deadDelivery() {
        UUID id = UUID.randomUUID();
        deliveries.add(new Delivery(id, UUID.randomUUID(), NotificationKind.DRIFTED, Channel.WEBHOOK,
                "http://127.0.0.1:9/" + PATH_TOKEN, null, webhook(true), "Load balancer db drifted", "{}",
                Delivery.Status.DEAD, 6, Instant.now(), "The webhook answered HTTP 500", Instant.now(), null));
        return id;
    }

    /** How to call each state-changing endpoint with input that changes something. */
    private Map<String, Supplier<Call>> scenarios() {
        return Map.of(
                "POST /admin/webhooks", () -> new Call("/admin/webhooks", Map.of("url",
                        "http://127.0.0.1:9/" + PATH_TOKEN, "secret", SECRET, "team", "audit-team")),
                "POST /admin/webhooks/{id}/enable", () -> new Call("/admin/webhooks/" + webhook(false) + "/enable",
                        Map.of()),
                "POST /admin/webhooks/{id}/disable", () -> new Call("/admin/webhooks/" + webhook(true) + "/disable",
                        Map.of()),
                "POST /admin/webhooks/{id}/delete", () -> new Call("/admin/webhooks/" + webhook(true) + "/delete",
                        Map.of()),
                "POST /admin/notifications/{id}/send-again", () -> new Call("/admin/notifications/" + deadDelivery()
                        + "/send-again", Map.of()),
                "POST /settings/notifications", () -> new Call("/settings/notifications",
                        Map.of("email", NotificationKind.DRIFTED.name())));
    }

    private List<String> stateChangingEndpointsOfTheModule() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("dev.ilbportal.notifications")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> changing = methods.isEmpty() ? Set.of(RequestMethod.POST) : methods;
            for (RequestMethod verb : changing) {
                if (verb != RequestMethod.GET && verb != RequestMethod.HEAD && verb != RequestMethod.OPTIONS) {
                    // The pages' endpoints; the JSON API's twins call the same services (ApiParityTests).
                    info.getPatternValues().stream().filter(pattern -> !pattern.startsWith("/api/"))
                            .forEach(pattern -> endpoints.add(verb + " " + pattern));
                }
            }
        });
        return new ArrayList<>(endpoints);
    }

    private HttpResponse<String> post(Call call) throws Exception {
        String page = adam.get(URI.create("http://localhost:" + port + "/settings/notifications")).body();
        Matcher csrf = CSRF_INPUT.matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the settings page").isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        call.form().forEach((name, value) -> body.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return adam.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from audit_event").query(Long.class).single();
    }

    @Test
    void everyStateChangingEndpointWritesAnAuditEventWithoutSecretsOrUrlPaths() throws Exception {
        List<String> endpoints = stateChangingEndpointsOfTheModule();
        Map<String, Supplier<Call>> scenarios = scenarios();
        assertThat(endpoints).as("state-changing endpoints found").hasSizeGreaterThanOrEqualTo(6);
        assertThat(scenarios.keySet()).as("every endpoint has a scenario in this test").containsAll(endpoints);

        for (String endpoint : endpoints) {
            long before = lastSequence();
            HttpResponse<String> response = post(scenarios.get(endpoint).get());
            assertThat(response.statusCode()).as(endpoint + " succeeds (redirects)").isEqualTo(302);

            List<Map<String, Object>> written = jdbc.sql("""
                            select action, actor_subject, actor_name, coalesce(before_json, '') || coalesce(after_json, '')
                                || details_json as content
                            from audit_event where sequence > ? and action like 'notifications.%'""")
                    .param(before).query().listOfRows();
            assertThat(written).as(endpoint + " writes an audit event").isNotEmpty();
            assertThat(written).allSatisfy(row -> {
                assertThat(row.get("actor_subject")).isEqualTo("adam");
                assertThat(row.get("actor_name")).isEqualTo("Adam Novak");
                assertThat((String) row.get("content")).doesNotContain(SECRET).doesNotContain(PATH_TOKEN);
            });
        }
    }

    @Test
    void webhookEventsNameTheHostAndTheChange() throws Exception {
        long before = lastSequence();
        UUID id = webhook(true);
        post(new Call("/admin/webhooks/" + id + "/disable", Map.of()));
        post(new Call("/admin/webhooks/" + id + "/disable", Map.of()));
        post(new Call("/admin/webhooks/" + id + "/delete", Map.of()));

        List<Map<String, Object>> rows = jdbc.sql("""
                        select action, subject_id, before_json, after_json from audit_event
                        where sequence > ? and subject_id = ? order by sequence""")
                .params(before, id.toString()).query().listOfRows();
        assertThat(rows).extracting(row -> row.get("action"))
                .as("disabling twice changes once").containsExactly("notifications.webhook-disabled",
                        "notifications.webhook-deleted");
        assertThat((String) rows.getFirst().get("after_json")).contains("\"host\":\"127.0.0.1\"")
                .contains("\"enabled\":false");
        assertThat((String) rows.getLast().get("before_json")).contains("\"enabled\":false");
    }
}
