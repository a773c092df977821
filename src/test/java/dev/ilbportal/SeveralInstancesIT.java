package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.sandbox.DemoIdentityProvider;
import dev.ilbportal.support.JarProcess;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two portal processes (the packaged jar) on one PostgreSQL against one standalone Civo sandbox
 * ({@code --civo-sandbox}, a third process): 20 approved requests, one portal SIGKILLed while creates are in flight
 * and started again. Every request ends provisioned with exactly one firewall (no rules) and one load balancer in
 * Civo, each step audited once, the verification round once per interval across both, and a person signed in on one
 * instance carries on on the other. Logs: {@code target/several-instances/}.
 */
class SeveralInstancesIT {

    private static final int REQUESTS = 20;
    private static final Duration VERIFICATION_INTERVAL = Duration.ofSeconds(10);
    private static final String SANDBOX_KEY = "several-instances-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROUND = Pattern.compile("^(\\S+)\\s.*Scheduled verification round:",
            Pattern.MULTILINE);

    private final Path logs = Path.of("target", "several-instances");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoPortalsAndAKilledOneProvisionEveryRequestExactlyOnce() throws Exception {
        long started = System.nanoTime();
        int sandboxPort = JarProcess.freePort();
        URI civo = URI.create("http://127.0.0.1:" + sandboxPort);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             DemoIdentityProvider identity = DemoIdentityProvider.start();
             JarProcess sandbox = new JarProcess("civo-sandbox", List.of("--civo-sandbox"), Map.of(
                     "CIVO_SANDBOX_PORT", Integer.toString(sandboxPort), "CIVO_SANDBOX_API_KEY", SANDBOX_KEY,
                     "CIVO_SANDBOX_PROVISIONING_DELAY", "3s", "CIVO_SANDBOX_LOADBALANCER_LIMIT", "100",
                     "CIVO_SANDBOX_FIREWALL_LIMIT", "100"), logs).start()) {
            sandbox.awaitHealthy(civo.resolve("/sandbox/health"), Duration.ofSeconds(60));
            // Each load balancer create takes 5 s inside Civo, so portal A dies with creates in flight.
            HttpResponse<String> slowCreates = http.send(HttpRequest.newBuilder(civo.resolve("/sandbox/faults"))
                    .header("Authorization", "Bearer " + SANDBOX_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"faults\":[{\"kind\":\"latency\",\"latency_ms\":"
                            + "5000,\"method\":\"POST\",\"path\":\"/v2/loadbalancers\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slowCreates.statusCode()).isEqualTo(200);
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            Map<String, String> shared = new LinkedHashMap<>();
            shared.put("SPRING_DATASOURCE_URL", jdbcUrl);
            shared.put("SPRING_DATASOURCE_USERNAME", "postgres");
            shared.put("SPRING_DATASOURCE_PASSWORD", "postgres");
            shared.put("PORTAL_IDENTITY_OIDC_ISSUER_URI", identity.issuer());
            shared.put("PORTAL_IDENTITY_OIDC_CLIENT_ID", "ilb-portal");
            shared.put("PORTAL_IDENTITY_OIDC_CLIENT_SECRET", "several-instances-secret");
            shared.put("CIVO_API_KEY", SANDBOX_KEY);
            shared.put("PORTAL_CIVO_BASEURL", civo.toString());
            // Not the production limit: this test is about correctness under a crash, not about Civo's budget.
            shared.put("PORTAL_CIVO_RATELIMIT_REQUESTSPERSECOND", "20");
            shared.put("PORTAL_CIVO_RATELIMIT_BURST", "20");
            shared.put("PORTAL_SANDBOX_REMOTEVANTAGES", "true");
            shared.put("PORTAL_PROVISIONING_POLLINTERVAL", "500ms");
            shared.put("PORTAL_PROVISIONING_INITIALDELAY", "1s");
            shared.put("PORTAL_PROVISIONING_LEASE", "10s");
            shared.put("PORTAL_PROVISIONING_AVAILABLEPOLL", "1s");
            shared.put("PORTAL_VERIFICATION_INTERVAL", VERIFICATION_INTERVAL.toSeconds() + "s");
            shared.put("PORTAL_VERIFICATION_SCHEDULECHECK", "1s");
            shared.put("PORTAL_VERIFICATION_SCHEDULEINITIALDELAY", "2s");
            shared.put("PORTAL_VERIFICATION_CONNECTTIMEOUT", "1s");
            shared.put("JAVA_TOOL_OPTIONS", "-Xmx384m");
            // Both instances sign audit checkpoints with one key; the seeding context below generates it first.
            shared.put("PORTAL_AUDIT_SIGNINGKEYFILE", auditKey().toString());
            shared.put("PORTAL_AUDIT_CHECKPOINTDIRECTORY", logs.resolve("checkpoints").toAbsolutePath().toString());

            approveRequests(jdbcUrl, identity.issuer(), civo);
            long seeded = System.nanoTime();
            // Every claim of the verification round writes its time; record each distinct one while both run.
            java.util.Set<Instant> claims = new java.util.concurrent.ConcurrentSkipListSet<>();
            Instant watchedFrom = Instant.now();
            Thread claimWatcher = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        String last = query(jdbcUrl, "select 'last', to_char(last_run_at at time zone 'UTC', "
                                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from verification_schedule").get("last");
                        if (last != null) {
                            claims.add(Instant.parse(last));
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException stop) {
                        return;
                    } catch (Exception retry) {
                        // the database is busy; look again
                    }
                }
            });

            int portA = JarProcess.freePort();
            int portB = JarProcess.freePort();
            JarProcess a = portal("portal-a", portA, shared);
            try (JarProcess b = portal("portal-b", portB, shared).start()) {
                a.start();
                a.awaitHealthy(URI.create("http://localhost:" + portA + "/actuator/health"), Duration.ofMinutes(8));
                b.awaitHealthy(URI.create("http://localhost:" + portB + "/actuator/health"), Duration.ofMinutes(8));
                long bothUp = System.nanoTime();

                SandboxBrowserlessLogin alice = new SandboxBrowserlessLogin(URI.create("http://localhost:" + portA));
                HttpResponse<String> home = alice.signIn("alice");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains("Alice Adeyemi");

                // Kill A while creates are in flight: some load balancers exist in Civo, not every job is done.
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (loadBalancersIn(civo) < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                int finishedWhenKilled = finishedJobs(jdbcUrl);
                int lbsWhenKilled = loadBalancersIn(civo);
                a.kill();
                assertThat(a.isAlive()).isFalse();
                assertThat(finishedWhenKilled).as("jobs finished when portal A was killed").isLessThan(REQUESTS);
                assertThat(lbsWhenKilled).as("load balancers created when portal A was killed").isLessThan(REQUESTS);

                // The person signed in on A carries on on B: the session is in PostgreSQL, not in A.
                HttpResponse<String> onB = alice.get(URI.create("http://localhost:" + portB + "/inventory"));
                assertThat(onB.statusCode()).isEqualTo(200);
                assertThat(onB.body()).contains("Alice Adeyemi").contains("data-test=\"signed-in-as\"");

                a.start();
                a.awaitHealthy(URI.create("http://localhost:" + portA + "/actuator/health"), Duration.ofMinutes(8));

                deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (finishedJobs(jdbcUrl) < REQUESTS && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                long allDone = System.nanoTime();
                Map<String, String> statuses = query(jdbcUrl, "select request_id, status from provisioning_job");
                assertThat(statuses).hasSize(REQUESTS);
                assertThat(statuses.values()).as("every job").containsOnly("SUCCEEDED");

                assertCivoHoldsOneFirewallWithoutRulesAndOneLoadBalancerPerRequest(jdbcUrl, civo);
                assertEachStepAuditedOnce(jdbcUrl);

                // Let a few verification intervals pass with both instances running.
                Thread.sleep(VERIFICATION_INTERVAL.multipliedBy(3).toMillis());
                claimWatcher.interrupt();
                claimWatcher.join();
                Instant watchedUntil = Instant.now();
                List<Instant> claimed = new ArrayList<>(claims);
                assertThat(claimed).as("rounds claimed across both instances").hasSizeGreaterThanOrEqualTo(3);
                // Rounds start every interval less a tenth (VerificationProperties.roundPeriod), so a healthy proof
                // never ages out between them; two instances must never start them closer than that.
                Duration roundPeriod = VERIFICATION_INTERVAL.minus(VERIFICATION_INTERVAL.dividedBy(10));
                for (int i = 1; i < claimed.size(); i++) {
                    assertThat(Duration.between(claimed.get(i - 1), claimed.get(i)))
                            .as("gap between claims %s and %s", claimed.get(i - 1), claimed.get(i))
                            .isGreaterThanOrEqualTo(roundPeriod);
                }
                List<Instant> rounds = new ArrayList<>();
                rounds.addAll(roundsIn(a.output()));
                rounds.addAll(roundsIn(b.output()));
                // Only the rounds that ended while the claims were watched; the first claim seen may be older.
                rounds.removeIf(round -> round.isBefore(watchedFrom) || round.isAfter(watchedUntil));
                // A round is logged when it ends; a round A was running when killed is claimed but never logged.
                assertThat(rounds.size()).as("rounds run by A and B together, never more than were claimed")
                        .isBetween(claimed.size() - 2, claimed.size());
                assertThat(count(jdbcUrl, "select count(*) from internal_load_balancer where status = 'ACTIVE'"))
                        .isEqualTo(REQUESTS);

                System.out.printf("SeveralInstancesIT: %d requests; A killed with %d/%d jobs finished and %d load "
                                + "balancers in Civo; seeding %.1fs, both portals up %.1fs, all provisioned %.1fs "
                                + "after start; %d verification rounds claimed, %d logged (A %d, B %d); total %.1fs%n",
                        REQUESTS, finishedWhenKilled, REQUESTS, lbsWhenKilled, seconds(started, seeded),
                        seconds(seeded, bothUp), seconds(started, allDone), claimed.size(), rounds.size(),
                        roundsIn(a.output()).size(),
                        roundsIn(b.output()).size(), seconds(started, System.nanoTime()));
            } finally {
                a.close();
            }
        }
    }

    private Path auditKey() {
        return logs.resolve("audit-signing-key.pem").toAbsolutePath();
    }

    private JarProcess portal(String name, int port, Map<String, String> shared) {
        Map<String, String> environment = new HashMap<>(shared);
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("PORTAL_URL", "http://localhost:" + port);
        return new JarProcess(name, List.of(), environment, logs);
    }

    /** 20 approved requests through the real aggregate and workflow, from a portal context that runs no jobs. */
    private void approveRequests(String jdbcUrl, String issuer, URI civo) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("portal.audit.signing-key-file", auditKey().toString());
        properties.put("portal.audit.generate-missing-key", "true");
        properties.put("portal.audit.checkpoint-directory", logs.resolve("checkpoints").toAbsolutePath().toString());
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("portal.identity.oidc.issuer-uri", issuer);
        properties.put("portal.identity.oidc.client-id", "ilb-portal");
        properties.put("portal.identity.oidc.client-secret", "several-instances-secret");
        properties.put("portal.civo.api-key", SANDBOX_KEY);
        properties.put("portal.civo.base-url", civo.toString());
        properties.put("portal.civo.rate-limit.requests-per-second", "50");
        properties.put("portal.civo.rate-limit.burst", "50");
        properties.put("portal.sandbox.smtp-port", "0");
        properties.put("portal.provisioning.initial-delay", "1h");
        properties.put("portal.verification.schedule-initial-delay", "1h");
        try (ConfigurableApplicationContext seeding = new SpringApplicationBuilder(PortalApplication.class)
                .properties(properties).run()) {
            ApprovedRequestFixture fixture = new ApprovedRequestFixture(seeding.getBean(LoadBalancerRequests.class),
                    seeding.getBean(RequestWorkflow.class), seeding.getBean(CivoClient.class));
            for (int i = 0; i < REQUESTS; i++) {
                fixture.approve(fixture.spec(ApprovedRequestFixture.uniqueName("multi" + i),
                        FirewallChoice.create("")));
            }
        }
    }

    private void assertCivoHoldsOneFirewallWithoutRulesAndOneLoadBalancerPerRequest(String jdbcUrl, URI civo)
            throws Exception {
        JsonNode lbs = civoGet(civo, "/v2/loadbalancers?region=LON1");
        JsonNode firewalls = civoGet(civo, "/v2/firewalls?region=LON1");
        List<Map<String, String>> jobs = rows(jdbcUrl,
                "select load_balancer_name, load_balancer_id, firewall_name, firewall_id from provisioning_job");
        assertThat(jobs).hasSize(REQUESTS);
        for (Map<String, String> job : jobs) {
            List<JsonNode> sameName = new ArrayList<>();
            lbs.forEach(lb -> {
                if (lb.path("name").asString().equals(job.get("load_balancer_name"))) {
                    sameName.add(lb);
                }
            });
            assertThat(sameName).as("load balancers named " + job.get("load_balancer_name")).hasSize(1);
            assertThat(sameName.getFirst().path("id").asString()).isEqualTo(job.get("load_balancer_id"));
            assertThat(sameName.getFirst().path("firewall_id").asString()).isEqualTo(job.get("firewall_id"));
            List<JsonNode> firewallsNamed = new ArrayList<>();
            firewalls.forEach(firewall -> {
                if (firewall.path("name").asString().equals(job.get("firewall_name"))) {
                    firewallsNamed.add(firewall);
                }
            });
            assertThat(firewallsNamed).as("firewalls named " + job.get("firewall_name")).hasSize(1);
            JsonNode rules = civoGet(civo, "/v2/firewalls/" + job.get("firewall_id") + "/rules?region=LON1");
            assertThat(rules.size()).as("rules of " + job.get("firewall_name")).isZero();
        }
    }

    private static void assertEachStepAuditedOnce(String jdbcUrl) throws Exception {
        List<Map<String, String>> steps = rows(jdbcUrl, "select request_id, after_json from audit_event "
                + "where action = 'provisioning.step-completed'");
        Map<String, Integer> perStep = new HashMap<>();
        for (Map<String, String> row : steps) {
            String step = JSON.readTree(row.get("after_json")).path("step").asString();
            perStep.merge(row.get("request_id") + "/" + step, 1, Integer::sum);
        }
        assertThat(perStep).as("step-completed events per request and step").allSatisfy((key, times) ->
                assertThat(times).as(key).isEqualTo(1));
        assertThat(perStep.keySet().stream().map(key -> key.substring(0, key.indexOf('/'))).distinct().count())
                .isEqualTo(REQUESTS);
        for (String step : List.of("ENSURE_FIREWALL", "CHECK_FIREWALL_RULES", "ENSURE_LOAD_BALANCER",
                "WAIT_UNTIL_AVAILABLE")) {
            assertThat(perStep.keySet().stream().filter(key -> key.endsWith("/" + step)).count())
                    .as("requests with " + step + " audited").isEqualTo(REQUESTS);
        }
        Map<String, String> provisioned = query(jdbcUrl, "select request_id, count(*) from audit_event "
                + "where action = 'provisioning.load-balancer-provisioned' group by request_id");
        assertThat(provisioned).hasSize(REQUESTS);
        assertThat(provisioned.values()).containsOnly("1");
    }

    private static List<Instant> roundsIn(String log) {
        List<Instant> rounds = new ArrayList<>();
        Matcher matcher = ROUND.matcher(log);
        while (matcher.find()) {
            rounds.add(OffsetDateTime.parse(matcher.group(1)).toInstant());
        }
        return rounds;
    }

    private JsonNode civoGet(URI civo, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(civo.resolve(path))
                .header("Authorization", "Bearer " + SANDBOX_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET " + path).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        return body.has("items") ? body.get("items") : body;
    }

    private int loadBalancersIn(URI civo) throws Exception {
        return civoGet(civo, "/v2/loadbalancers?region=LON1").size();
    }

    private static int finishedJobs(String jdbcUrl) throws Exception {
        return count(jdbcUrl, "select count(*) from provisioning_job where status in ('SUCCEEDED', 'FAILED')");
    }

    private static int count(String jdbcUrl, String sql) throws Exception {
        return Integer.parseInt(query(jdbcUrl, sql.replace("count(*)", "'n', count(*)")).getOrDefault("n", "0"));
    }

    private static Map<String, String> query(String jdbcUrl, String sql) throws Exception {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map<String, String> row : rows(jdbcUrl, sql)) {
            List<String> values = new ArrayList<>(row.values());
            result.put(values.get(0), values.get(1));
        }
        return result;
    }

    private static List<Map<String, String>> rows(String jdbcUrl, String sql) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
