package dev.ilbportal.sandbox.civo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process HTTP server on 127.0.0.1 that speaks Civo's API over a seeded world, so the portal runs, is demoed
 * and is tested without a Civo account. Serves both {@code /v2/...} and the {@code /v2/vpc/...} aliases, plus the
 * admin endpoints {@code /sandbox/faults}, {@code /sandbox/probe} (its vantage points, for a portal in another
 * process) and {@code /sandbox/stats} (calls per operation; see {@link SandboxBudget}).
 */
public final class CivoSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CivoSimulator.class);

    private final SimulatorSettings settings;
    private final CivoWorld world;
    private final SandboxFaults faults;
    private final SandboxNetwork network;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final HttpServer server;
    private final Map<String, Routes> routes;
    private final FaultRoutes faultRoutes;
    private final ProbeRoutes probeRoutes;
    private final KubernetesApi kubernetesApi;
    private final SandboxBudget budget = new SandboxBudget();
    /** Every Civo API call answered (not the sandbox's own endpoints, not the clusters' APIs): for budgets in tests. */
    private final java.util.concurrent.atomic.AtomicLong civoCalls = new java.util.concurrent.atomic.AtomicLong();

    private final InetAddress bindAddress;

    private CivoSimulator(SimulatorSettings settings, InetAddress bindAddress, Path stateFilePath)
            throws IOException {
        this.bindAddress = bindAddress;
        this.settings = settings;
        this.world = new CivoWorld(settings.quota());
        WorldStateFile stateFile = stateFilePath == null ? null : new WorldStateFile(stateFilePath);
        List<String> pending = List.of();
        if (stateFile != null && stateFile.exists()) {
            pending = stateFile.restoreInto(world);
        } else {
            SeedWorld.populate(world);
        }
        this.faults = new SandboxFaults(settings.faultSeed());
        this.network = new SandboxNetwork(world);
        world.onChange(network::reconcile);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-civo-provisioning"));
        LoadBalancerProvisioning provisioning = new LoadBalancerProvisioning(world, faults,
                settings.provisioningDelay(), scheduler);
        this.routes = Map.of(
                "regions", new RegionRoutes(),
                "networks", new NetworkRoutes(),
                "firewalls", new FirewallRoutes(),
                "loadbalancers", new LoadBalancerRoutes(provisioning, settings.pendingState()),
                "instances", new InstanceRoutes(),
                "kubernetes", new KubernetesRoutes(this::kubernetesApiUrl),
                "quota", new QuotaRoutes());
        this.faultRoutes = new FaultRoutes(faults);
        this.probeRoutes = new ProbeRoutes(network);
        this.kubernetesApi = new KubernetesApi(world, provisioning, settings.pendingState());
        network.reconcile();
        if (stateFile != null) {
            world.onChange(() -> stateFile.save(world));
            stateFile.save(world);
        }
        pending.forEach(provisioning::start);
        this.workers = Executors.newFixedThreadPool(16, daemon("sandbox-civo-http"));
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, settings.port()), 50);
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
        log.info("Civo API simulator listening on {}", baseUrl());
    }

    /** Starts a simulator over a fresh seeded world. */
    public static CivoSimulator start(SimulatorSettings settings) {
        return start(settings, InetAddress.getLoopbackAddress());
    }

    /**
     * Starts a simulator whose API listens on {@code bindAddress} (the standalone sandbox may listen beyond
     * loopback); the simulated load balancers still listen on 127.0.0.1 and are reached through its vantage points.
     */
    public static CivoSimulator start(SimulatorSettings settings, InetAddress bindAddress) {
        return start(settings, bindAddress, null);
    }

    /** As {@link #start(SimulatorSettings, InetAddress)}, keeping the world in {@code stateFile} when not null. */
    public static CivoSimulator start(SimulatorSettings settings, InetAddress bindAddress, Path stateFile) {
        try {
            return new CivoSimulator(settings, bindAddress, stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Civo API simulator on port " + settings.port(), e);
        }
    }

    /** The root to give a Civo client, e.g. {@code http://127.0.0.1:9401}. */
    public URI baseUrl() {
        String host = bindAddress.isAnyLocalAddress() ? "127.0.0.1" : bindAddress.getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /** The server URL of a seeded cluster's Kubernetes API, as its kubeconfig names it. */
    public String kubernetesApiUrl(String clusterId) {
        return baseUrl() + KubernetesApi.PREFIX + clusterId;
    }

    public SandboxFaults faults() {
        return faults;
    }

    /** The account's spending: calls per operation and, when enforced, the rate limit. */
    public SandboxBudget budget() {
        return budget;
    }

    public SandboxNetwork network() {
        return network;
    }

    /** The simulated account, for tests and benchmarks that build more than the seed (same package only). */
    CivoWorld world() {
        return world;
    }

    /** How many Civo API calls the simulator has answered so far. */
    public long civoCalls() {
        return civoCalls.get();
    }

    /** {@code GET /sandbox/canary} shows, {@code POST /sandbox/canary {"open":false}} closes (or opens) the canary. */
    private SimulatorResponse canary(String method, String body) {
        if ("POST".equals(method)) {
            tools.jackson.databind.JsonNode open = SimulatorRequest.parseBody(body).get("open");
            if (open == null || !open.isBoolean()) {
                throw CivoError.invalid("open", "expected true or false");
            }
            if (open.booleanValue()) {
                network.openCanary();
            } else {
                network.closeCanary();
            }
        } else if (!"GET".equals(method)) {
            throw CivoError.notFound("not_found", "Use GET or POST on /sandbox/canary");
        }
        return SimulatorResponse.ok(SimulatorJson.object().put("ip", SandboxNetwork.CANARY_IP)
                .put("port", SandboxNetwork.CANARY_PORT).put("open", network.canaryOpen()));
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        scheduler.shutdownNow();
        network.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("x-request-id", UUID.randomUUID().toString());
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            // civogo sends Content-Encoding: gzip on bodies it never compressed [C]: the header is ignored.
            String body = readBody(exchange.getRequestBody());
            if (path.startsWith(KubernetesApi.PREFIX)) {
                // A cluster's API takes the cluster's token, not the Civo API key, and Civo's faults do not apply.
                respond(exchange, kubernetesApi.handle(method, path,
                        exchange.getRequestHeaders().getFirst("Authorization"), body), false);
                return;
            }
            if (path.equals("/sandbox/health")) {
                // For container health checks: says only that the simulator answers, so it needs no key.
                send(exchange, 200, "{\"status\":\"UP\"}", Map.of());
                return;
            }
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                // The legacy body is the only 401 body quoted from the real API [R]; newer codes' statuses are [?].
                send(exchange, 401, SimulatorJson.write(SimulatorJson.object().put("result", "requires_authentication")
                        .put("status", 401)), Map.of());
                return;
            }
            if (path.equals("/sandbox/faults")) {
                respond(exchange, guarded(() -> faultRoutes.handle(method, body)), false);
                return;
            }
            if (path.equals("/sandbox/stats")) {
                if (method.equals("DELETE")) {
                    budget.reset();
                }
                respond(exchange, SimulatorResponse.ok(budget.statsJson()), false);
                return;
            }
            if (path.equals("/sandbox/canary")) {
                respond(exchange, guarded(() -> canary(method, body)), false);
                return;
            }
            if (path.equals("/sandbox/probe")) {
                respond(exchange, guarded(() -> probeRoutes.handle(method, body)), false);
                return;
            }
            civoCalls.incrementAndGet();
            String civoPath = path.startsWith("/v2/vpc/") ? "/v2/" + path.substring("/v2/vpc/".length()) : path;
            java.util.Optional<Map<String, String>> pastLimit = budget.admit(settings.apiKey(), method, civoPath);
            if (pastLimit.isPresent()) {
                send(exchange, 429, SimulatorJson.write(SimulatorJson.error("too_many_requests",
                        "Rate limit exceeded, please slow down")), pastLimit.get());
                return;
            }
            SandboxFaults.FaultPlan plan = faults.planFor(method, civoPath);
            if (!plan.latency().isZero()) {
                sleep(plan.latency().toMillis());
            }
            if (plan.outcome().isPresent()) {
                Fault fault = plan.outcome().get();
                switch (fault.kind()) {
                    case DROP_CONNECTION -> {
                        dropConnection(exchange);
                        return;
                    }
                    case RATE_LIMIT -> {
                        long seconds = Math.max(1, fault.delay().toSeconds());
                        send(exchange, 429, SimulatorJson.write(SimulatorJson.error(fault.code(), fault.reason())), Map.of(
                                "x-ratelimit-limit", "50", "x-ratelimit-remaining", "0",
                                "x-ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + seconds),
                                "Retry-After", String.valueOf(seconds)));
                        return;
                    }
                    default -> {
                        send(exchange, fault.status(), SimulatorJson.write(SimulatorJson.error(fault.code(), fault.reason())),
                                Map.of());
                        return;
                    }
                }
            }
            respond(exchange, guarded(() -> dispatch(method, civoPath, exchange.getRequestURI().getRawQuery(),
                    body)), plan.malformedBody());
        }
    }

    private SimulatorResponse dispatch(String method, String path, String rawQuery, String body) {
        if (!path.startsWith("/v2/")) {
            throw CivoError.notFound("not_found", "No such endpoint: " + method + " " + path);
        }
        List<String> segments = Arrays.stream(path.substring("/v2/".length()).split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8)).toList();
        SimulatorRequest request = new SimulatorRequest(method, segments, rawQuery, method.equals("GET")
                || method.equals("DELETE") ? "" : body, world);
        Routes family = segments.isEmpty() ? null : routes.get(segments.getFirst());
        if (family == null) {
            throw Routes.noRoute(request);
        }
        return family.handle(request);
    }

    private static SimulatorResponse guarded(java.util.function.Supplier<SimulatorResponse> handler) {
        try {
            return handler.get();
        } catch (CivoError error) {
            return SimulatorResponse.of(error);
        } catch (RuntimeException unexpected) {
            log.warn("Civo API simulator failed on a request", unexpected);
            return new SimulatorResponse(500, SimulatorJson.error("internal_server_error", "Unexpected error")
                    .put("status", 500), Map.of());
        }
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        return space > 0 && trimmed.substring(0, space).equalsIgnoreCase("bearer")
                && trimmed.substring(space + 1).trim().equals(settings.apiKey());
    }

    private static void respond(HttpExchange exchange, SimulatorResponse response, boolean malformed)
            throws IOException {
        String json = SimulatorJson.write(response.body());
        if (malformed) {
            json = json.substring(0, Math.max(1, json.length() / 2));
        }
        send(exchange, response.status(), json, response.headers());
    }

    private static void send(HttpExchange exchange, int status, String json, Map<String, String> headers)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Closing the exchange before any response header closes the connection with nothing sent. */
    private static void dropConnection(HttpExchange exchange) {
        exchange.close();
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
