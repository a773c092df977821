package dev.ilbportal.civo;

import dev.ilbportal.civo.CivoApiException.Kind;
import dev.ilbportal.civo.internal.Budget;
import dev.ilbportal.civo.internal.LocalBudget;
import dev.ilbportal.civo.internal.MeteredBudget;
import dev.ilbportal.civo.internal.PostgresBudget;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Page;
import dev.ilbportal.civo.model.Quota;
import dev.ilbportal.civo.model.Region;
import dev.ilbportal.civo.model.SimpleResult;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's only way to Civo: typed calls that send the region as Civo's SDK does (query parameter on every call,
 * body field on creates and updates), stay under the rate limit, retry idempotent calls on transient failures, and
 * report every failure as a {@link CivoApiException} rather than an empty result.
 *
 * <p>Every call first takes a token of the account's budget in the calling thread's {@link CivoLane}, and no call may
 * be sent while the calling thread holds a database transaction: with
 * {@code portal.civo.budget.fail-calls-in-transaction} (on in tests) such a call fails with an
 * {@link IllegalStateException}. Every attempt of a write (anything but a GET) then runs the calling thread's
 * {@link CivoWriteFence}, if it declared one, just before it is sent.
 *
 * <p>A {@code region} argument may be null: the configured default region is used then.
 */
public class CivoClient {

    private static final Logger log = LoggerFactory.getLogger(CivoClient.class);
    private static final String CLASSIC_PREFIX = "/v2";
    private static final int LIST_ALL_PAGE_SIZE = 100;
    private static final int MAX_PAGES = 1000;

    private final RestClient http;
    private final URI baseUrl;
    private final String apiKey;
    private final String defaultRegion;
    private final String prefix;
    private final int maxAttempts;
    private final Duration maxServerWait;
    private final MeteredBudget budget;
    private final CivoProperties.RateLimit rateLimit;
    private final CivoProperties.Budget lanes;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final JsonMapper json = CivoJson.mapper();

    public CivoClient(CivoConnection connection, CivoProperties properties) {
        this(connection, properties, RestClient.builder(), Clock.systemUTC(), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    CivoClient(CivoConnection connection, CivoProperties properties, RestClient.Builder builder, Clock clock,
               Sleeper sleeper, DoubleSupplier random) {
        this(connection, properties, builder, clock, sleeper, random,
                new MeteredBudget(new LocalBudget(properties.rateLimit().requestsPerSecond(),
                        properties.rateLimit().burst(), clock, sleeper), null));
    }

    CivoClient(CivoConnection connection, CivoProperties properties, RestClient.Builder builder, Clock clock,
               Sleeper sleeper, DoubleSupplier random, MeteredBudget budget) {
        this.baseUrl = connection.baseUrl();
        this.apiKey = connection.apiKey();
        this.defaultRegion = properties.defaultRegion();
        this.prefix = properties.pathPrefix() == null ? CLASSIC_PREFIX : properties.pathPrefix();
        this.maxAttempts = Math.max(1, properties.retry().maxAttempts());
        this.maxServerWait = properties.retry().maxServerWait();
        this.clock = clock;
        this.sleeper = sleeper;
        this.backoff = new Backoff(properties.retry(), random);
        this.budget = budget;
        this.rateLimit = properties.rateLimit();
        this.lanes = properties.budget();
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        this.http = builder
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "bearer " + apiKey)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .defaultHeader(HttpHeaders.USER_AGENT, userAgent())
                .build();
    }

    static String userAgent() {
        String version = CivoClient.class.getPackage().getImplementationVersion();
        return "ilb-portal/" + (version == null ? "dev" : version);
    }

    // ---- regions, networks

    public List<Region> listRegions() {
        return send(Call.get(CLASSIC_PREFIX + "/regions").region(defaultRegion), listOf(Region.class));
    }

    public List<Network> listNetworks(String region) {
        return send(Call.get(prefix + "/networks").region(regionOr(region)), listOf(Network.class));
    }

    public Network getNetwork(String region, String id) {
        return send(Call.get(prefix + "/networks/{id}", id).region(regionOr(region)), type(Network.class));
    }

    // ---- firewalls

    public List<Firewall> listFirewalls(String region) {
        return send(Call.get(prefix + "/firewalls").region(regionOr(region)), listOf(Firewall.class));
    }

    /** Civo documents no endpoint to show one firewall, so this lists the region's firewalls and picks by id. */
    public Optional<Firewall> findFirewall(String region, String id) {
        return listFirewalls(region).stream().filter(firewall -> id.equals(firewall.id())).findFirst();
    }

    /** Creates a firewall; never retried, since a repeated create could leave a duplicate behind. */
    public SimpleResult createFirewall(FirewallCreateRequest request) {
        String region = regionOr(request.region());
        return send(Call.post(prefix + "/firewalls", request.inRegion(region)).region(region),
                type(SimpleResult.class));
    }

    public SimpleResult deleteFirewall(String region, String id) {
        return send(Call.delete(prefix + "/firewalls/{id}", id).region(regionOr(region)), type(SimpleResult.class));
    }

    public List<FirewallRule> listFirewallRules(String region, String firewallId) {
        return send(Call.get(prefix + "/firewalls/{id}/rules", firewallId).region(regionOr(region)),
                listOf(FirewallRule.class));
    }

    /** Adds a rule to a firewall; never retried. The firewall id and region are filled into the body. */
    public FirewallRule createFirewallRule(String firewallId, FirewallRuleCreateRequest request) {
        String region = regionOr(request.region());
        return send(Call.post(prefix + "/firewalls/{id}/rules", request.bindTo(firewallId, region), firewallId)
                .region(region), type(FirewallRule.class));
    }

    public SimpleResult deleteFirewallRule(String region, String firewallId, String ruleId) {
        return send(Call.delete(prefix + "/firewalls/{id}/rules/{ruleId}", firewallId, ruleId)
                .region(regionOr(region)), type(SimpleResult.class));
    }

    // ---- load balancers

    public List<LoadBalancer> listLoadBalancers(String region) {
        return send(Call.get(prefix + "/loadbalancers").region(regionOr(region)), listOf(LoadBalancer.class));
    }

    public LoadBalancer getLoadBalancer(String region, String id) {
        return send(Call.get(prefix + "/loadbalancers/{id}", id).region(regionOr(region)), type(LoadBalancer.class));
    }

    /** Creates a load balancer; never retried, since a repeated create could leave a duplicate behind. */
    public LoadBalancer createLoadBalancer(LoadBalancerCreateRequest request) {
        String region = regionOr(request.region());
        return send(Call.post(prefix + "/loadbalancers", request.inRegion(region)).region(region),
                type(LoadBalancer.class));
    }

    public LoadBalancer updateLoadBalancer(String id, LoadBalancerUpdateRequest request) {
        String region = regionOr(request.region());
        return send(Call.put(prefix + "/loadbalancers/{id}", request.inRegion(region), id).region(region),
                type(LoadBalancer.class));
    }

    public SimpleResult deleteLoadBalancer(String region, String id) {
        return send(Call.delete(prefix + "/loadbalancers/{id}", id).region(regionOr(region)),
                type(SimpleResult.class));
    }

    // ---- instances, Kubernetes, quota

    /** One page of instances, filtered by all the given tags (none: every instance). */
    public Page<Instance> listInstances(String region, List<String> tags, int page, int perPage) {
        Call call = Call.get(CLASSIC_PREFIX + "/instances").region(regionOr(region))
                .query("page", Integer.toString(page)).query("per_page", Integer.toString(perPage));
        if (tags != null && !tags.isEmpty()) {
            call = call.query("tags", String.join(" ", tags));
        }
        return send(call, pageOf(Instance.class));
    }

    /** Every instance with the given tags, walking the pages. */
    public List<Instance> listAllInstances(String region, List<String> tags) {
        List<Instance> all = new ArrayList<>();
        Page<Instance> page = listInstances(region, tags, 1, LIST_ALL_PAGE_SIZE);
        all.addAll(page.items());
        while (page.hasMore() && !page.items().isEmpty() && page.page() < MAX_PAGES) {
            page = listInstances(region, tags, page.page() + 1, LIST_ALL_PAGE_SIZE);
            all.addAll(page.items());
        }
        return List.copyOf(all);
    }

    public Instance getInstance(String region, String id) {
        return send(Call.get(CLASSIC_PREFIX + "/instances/{id}", id).region(regionOr(region)), type(Instance.class));
    }

    /** Every Kubernetes cluster of the region, walking the pages if Civo splits them. */
    public List<KubernetesCluster> listKubernetesClusters(String region) {
        String code = regionOr(region);
        Page<KubernetesCluster> page = send(Call.get(CLASSIC_PREFIX + "/kubernetes/clusters").region(code),
                pageOf(KubernetesCluster.class));
        List<KubernetesCluster> all = new ArrayList<>(page.items());
        while (page.hasMore() && !page.items().isEmpty() && page.page() < MAX_PAGES) {
            page = send(Call.get(CLASSIC_PREFIX + "/kubernetes/clusters").region(code)
                    .query("page", Integer.toString(page.page() + 1)), pageOf(KubernetesCluster.class));
            all.addAll(page.items());
        }
        return List.copyOf(all);
    }

    public KubernetesCluster getKubernetesCluster(String region, String id) {
        return send(Call.get(CLASSIC_PREFIX + "/kubernetes/clusters/{id}", id).region(regionOr(region)),
                type(KubernetesCluster.class));
    }

    public Quota getQuota(String region) {
        return send(Call.get(CLASSIC_PREFIX + "/quota").region(regionOr(region)), type(Quota.class));
    }

    /** One attempt at {@code GET /v2/regions}, without retries, for the health check. */
    List<Region> probeRegions() {
        return send(Call.get(CLASSIC_PREFIX + "/regions").region(defaultRegion).once(), listOf(Region.class));
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The account's budget and each lane's use of it, for the administration page. */
    public CivoBudgetReport budgetReport() {
        Map<CivoLane, PostgresBudget.LaneTotals> totals = new java.util.EnumMap<>(CivoLane.class);
        boolean shared = budget.delegate() instanceof PostgresBudget;
        if (budget.delegate() instanceof PostgresBudget postgres) {
            postgres.totals().forEach(total -> totals.put(total.lane(), total));
        }
        int allShares = 0;
        for (CivoLane lane : CivoLane.values()) {
            allShares += lanes.share(lane);
        }
        List<CivoBudgetReport.Lane> rows = new ArrayList<>();
        for (CivoLane lane : CivoLane.values()) {
            MeteredBudget.LocalUse local = budget.use(lane);
            PostgresBudget.LaneTotals total = totals.get(lane);
            long calls = total == null ? local.calls() : total.calls();
            Duration mean = total == null || total.calls() == 0 ? local.median()
                    : total.waited().dividedBy(total.calls());
            Duration longest = total == null ? local.longest() : total.longestWait();
            rows.add(new CivoBudgetReport.Lane(lane, lanes.share(lane), Math.round(100f * lanes.share(lane) / allShares),
                    calls, mean, longest, local.calls(), local.median(), local.p95()));
        }
        return new CivoBudgetReport(rateLimit.requestsPerSecond(), rateLimit.burst(), shared, List.copyOf(rows));
    }

    @Override
    public String toString() {
        return "CivoClient[baseUrl=" + baseUrl + ", pathPrefix=" + prefix + ", defaultRegion=" + defaultRegion
                + ", apiKey=****]";
    }

    // ---- the exchange

    private String regionOr(String region) {
        return region == null || region.isBlank() ? defaultRegion : region;
    }

    private JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    private JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    private JavaType pageOf(Class<?> element) {
        return json.getTypeFactory().constructParametricType(Page.class, element);
    }

    private <T> T send(Call call, JavaType responseType) {
        refuseInsideTransaction(call);
        byte[] body = call.body() == null ? null : json.writeValueAsBytes(call.body());
        boolean retryable = call.isIdempotent() && !call.singleAttempt();
        for (int attempt = 1; ; attempt++) {
            awaitRateLimit(call);
            if (call.changesCivo()) {
                // After the (possibly long) wait for the budget, right before sending: what the caller proved
                // before calling may no longer hold. A fence that throws stops the call; nothing is sent.
                DeclaredWriteFences.check(call.describe());
            }
            CivoApiException failure;
            Optional<Duration> serverAsked = Optional.empty();
            try {
                Response response = exchangeOnce(call, body);
                ServerWait.resetOfExhaustedWindow(response.headers()).ifPresent(this::pauseUntil);
                if (response.isSuccess()) {
                    return parse(call, response, responseType);
                }
                serverAsked = ServerWait.requested(response.headers(), clock);
                if (response.status() == 429) {
                    pauseUntil(clock.instant().plus(serverAsked.orElse(backoff.ceiling(attempt))));
                }
                failure = ErrorResponse.toException(call.describe(), response.status(), response.body(),
                        serverAsked.orElse(null), apiKey);
            } catch (RestClientException transport) {
                Kind kind = isProtocolViolation(transport) ? Kind.MALFORMED_RESPONSE : Kind.TRANSPORT;
                failure = new CivoApiException(kind, 0, null, safeCause(transport), call.describe(), null, transport);
            } catch (CivoApiException unparseable) {
                failure = unparseable;
            }
            if (!retryable || !worthRepeating(call, failure) || attempt >= maxAttempts) {
                throw failure;
            }
            Optional<Duration> wait = backoff.before(attempt, serverAsked);
            if (wait.isEmpty()) {
                log.warn("{}: Civo asked to wait {}, longer than we wait; giving up", call.describe(),
                        serverAsked.orElse(null));
                throw failure;
            }
            log.info("Attempt {} of {} failed, retrying in {} ms: {}", attempt, maxAttempts, wait.get().toMillis(),
                    failure.getMessage());
            sleep(call, wait.get());
        }
    }

    /**
     * Transient failures are worth repeating, and so is a malformed answer to a GET: reading again cannot change
     * anything at Civo, and the next answer may well be whole.
     */
    private static boolean worthRepeating(Call call, CivoApiException failure) {
        return failure.kind().isTransient()
                || (failure.kind() == Kind.MALFORMED_RESPONSE && call.method() == HttpMethod.GET);
    }

    private void refuseInsideTransaction(Call call) {
        if (lanes.failCallsInTransaction() && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(call.describe() + " was called inside a database transaction: a Civo "
                    + "call may take seconds and would hold a pooled connection all that time; call Civo before or "
                    + "after the transaction");
        }
    }

    /**
     * Civo said no requests remain until its window resets (or refused one with 429): hold every lane of every
     * instance, but never beyond the cap.
     */
    private void pauseUntil(Instant reset) {
        Instant latest = clock.instant().plus(maxServerWait);
        try {
            budget.pauseUntil(reset.isAfter(latest) ? latest : reset);
        } catch (PostgresBudget.BudgetUnavailableException unavailable) {
            log.warn("Could not pause the shared Civo budget: {}", unavailable.getMessage());
        }
    }

    private void awaitRateLimit(Call call) {
        long waitStarted = System.nanoTime();
        try {
            budget.acquire(CivoLane.current());
            CivoMeters.limiterWaited(call.method().name() + " " + call.template(), System.nanoTime() - waitStarted);
        } catch (InterruptedException interrupted) {
            throw interrupted(call, interrupted);
        } catch (PostgresBudget.BudgetUnavailableException unavailable) {
            throw new CivoApiException(Kind.TRANSPORT, 0, null, "the shared Civo budget is unavailable",
                    call.describe(), null, unavailable);
        }
    }

    private void sleep(Call call, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            throw interrupted(call, interrupted);
        }
    }

    private CivoApiException interrupted(Call call, InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return new CivoApiException(Kind.TRANSPORT, 0, null, "interrupted while waiting", call.describe(), null,
                interrupted);
    }

    private Response exchangeOnce(Call call, byte[] body) {
        RestClient.RequestBodySpec request = http.method(call.method()).uri(call.uri(baseUrl));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = request.exchange((req, res) -> {
                int status = res.getStatusCode().value();
                HttpHeaders headers = HttpHeaders.copyOf(res.getHeaders());
                try {
                    return new Response(status, headers, res.getBody().readAllBytes(), null);
                } catch (IOException unreadable) {
                    return new Response(status, headers, null, unreadable);
                }
            });
        } catch (RuntimeException transport) {
            CivoMeters.called(call.method().name() + " " + call.template(), "transport_error",
                    System.nanoTime() - started);
            throw transport;
        }
        CivoMeters.called(call.method().name() + " " + call.template(), Integer.toString(response.status()),
                System.nanoTime() - started);
        log.debug("{} -> {} in {} ms", call.describe(), response.status(), (System.nanoTime() - started) / 1_000_000);
        return response;
    }

    private <T> T parse(Call call, Response response, JavaType type) {
        if (response.unreadable() != null) {
            throw malformed(call, response, "body could not be read: " + response.unreadable().getClass()
                    .getSimpleName(), response.unreadable());
        }
        byte[] body = response.body();
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            if (type.getRawClass() == SimpleResult.class && call.method() == HttpMethod.DELETE) {
                @SuppressWarnings("unchecked")
                T accepted = (T) new SimpleResult("success", null, null);
                return accepted;
            }
            throw malformed(call, response, "Civo answered HTTP " + response.status() + " with an empty body", null);
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw malformed(call, response, "Civo answered HTTP " + response.status() + " with null", null);
            }
            return value;
        } catch (JacksonException unparseable) {
            // People see what happened in Civo's terms; the parser's own words (positions, markers) go to the log.
            log.warn("{}: the HTTP {} answer does not parse as {}: {}", call.describe(), response.status(),
                    type.getRawClass().getSimpleName(), unparseable.getOriginalMessage());
            throw malformed(call, response, "Civo answered HTTP " + response.status() + " with a body that is not "
                    + "the JSON it documents (cut off, or of another shape); the details are in the portal's log",
                    unparseable);
        }
    }

    private CivoApiException malformed(Call call, Response response, String reason, Throwable cause) {
        return new CivoApiException(Kind.MALFORMED_RESPONSE, response.status(), null,
                ErrorResponse.summary(reason), call.describe(), null, cause);
    }

    /**
     * Whether the answer arrived but broke HTTP itself (e.g. a garbage chunk). The JDK client reports that either
     * while the body is read or, when the garbage arrives together with the headers, instead of the response; both
     * are malformed answers, not network trouble worth retrying.
     */
    private static boolean isProtocolViolation(RestClientException transport) {
        Throwable root = rootCause(transport);
        String message = root.getMessage() == null ? "" : root.getMessage().toLowerCase(Locale.ROOT);
        return root instanceof ProtocolException
                || (root.getClass() == IOException.class && (message.contains("chunk")
                || message.contains("bad response") || message.contains("invalid") || message.contains("illegal")));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String safeCause(RestClientException transport) {
        Throwable root = rootCause(transport);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + ErrorResponse.summary(message));
    }

    /** What came back: status, headers and the raw body (or why the body could not be read). */
    private record Response(int status, HttpHeaders headers, byte[] body, IOException unreadable) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /** One call to Civo: method, path template with its variables, query parameters and body. */
    private record Call(HttpMethod method, String template, List<String> variables, Map<String, String> query,
                        Object body, boolean singleAttempt) {

        static Call get(String template, String... variables) {
            return new Call(HttpMethod.GET, template, List.of(variables), Map.of(), null, false);
        }

        static Call delete(String template, String... variables) {
            return new Call(HttpMethod.DELETE, template, List.of(variables), Map.of(), null, false);
        }

        static Call post(String template, Object body, String... variables) {
            return new Call(HttpMethod.POST, template, List.of(variables), Map.of(), body, false);
        }

        static Call put(String template, Object body, String... variables) {
            return new Call(HttpMethod.PUT, template, List.of(variables), Map.of(), body, false);
        }

        Call region(String region) {
            return query("region", region);
        }

        Call query(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.put(name, value);
            return new Call(method, template, variables, more, body, singleAttempt);
        }

        Call once() {
            return new Call(method, template, variables, query, body, true);
        }

        /** Whether the call may change something at Civo: every method but GET, so it is fenced. */
        boolean changesCivo() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        boolean isIdempotent() {
            return method == HttpMethod.GET || method == HttpMethod.PUT || method == HttpMethod.DELETE;
        }

        /** The full URI; path variables and query values are expanded in order and encoded strictly. */
        URI uri(URI base) {
            UriComponentsBuilder builder = UriComponentsBuilder.fromUri(base).path(template);
            List<Object> values = new ArrayList<>(variables);
            int index = 0;
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                builder.queryParam(parameter.getKey(), "{q" + index++ + "}");
                values.add(parameter.getValue());
            }
            return builder.encode().buildAndExpand(values.toArray()).toUri();
        }

        /** Method and path with ids, without the query: what errors and logs show. */
        String describe() {
            String path = UriComponentsBuilder.fromPath(template).encode()
                    .buildAndExpand(variables.toArray()).toUriString();
            return method.name() + " " + path;
        }
    }
}
