package dev.ilbportal.verification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The probe agent: the portal's jar started with {@code --probe-agent} on a machine outside (or inside) the private
 * network. It answers {@code POST /probe} requests signed with the shared secret by trying the connection itself.
 * Unsigned, wrongly signed, stale (over {@code maxAge} old or ahead) and replayed requests are refused with 401.
 * Every answer is signed over the request's nonce and the answer's body, so the portal can refuse a forged one. It
 * needs no database and no identity provider. Put TLS in front of it (the portal refuses an {@code http://} agent
 * unless told otherwise): the signatures protect integrity and replay, not confidentiality.
 */
public final class ProbeAgent implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 4096;

    private final HttpServer server;
    private final String secret;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Long> seenNonces = new LinkedHashMap<>();

    private ProbeAgent(HttpServer server, String secret, Duration maxAge, Clock clock) {
        this.server = server;
        this.secret = secret;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public static ProbeAgent start(String bindAddress, int port, String secret, Duration maxAge, Clock clock)
            throws IOException {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The probe agent needs a shared secret of at least 16 characters "
                    + "(PORTAL_PROBE_AGENT_SECRET)");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        ProbeAgent agent = new ProbeAgent(server, secret, maxAge, clock);
        server.createContext("/probe", agent::handle);
        server.createContext("/health", exchange -> agent.respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return agent;
    }

    /** {@code java -jar ilb-portal.jar --probe-agent}: settings from the environment (see docs/verification.md). */
    public static void main(String[] args) throws IOException {
        String secret = System.getenv("PORTAL_PROBE_AGENT_SECRET");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORTAL_PROBE_AGENT_PORT", "9500"));
        String bind = System.getenv().getOrDefault("PORTAL_PROBE_AGENT_BIND", "0.0.0.0");
        ProbeAgent agent = start(bind, port, secret, Duration.ofSeconds(60), Clock.systemUTC());
        System.out.println("ILB Portal probe agent listening on " + bind + ":" + agent.port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            String body = readBody(exchange.getRequestBody());
            String refusal = refusalOf(exchange, body);
            if (refusal != null) {
                respond(exchange, 401, JSON.writeValueAsString(Map.of("error", refusal)));
                return;
            }
            JsonNode request = JSON.readTree(body);
            Probe probe = TcpProbe.connect(new InetSocketAddress(request.get("ip").asString(),
                            request.get("port").asInt()), request.get("ip").asString(),
                    request.path("http").asBoolean(false),
                    Duration.ofMillis(Math.min(30_000, Math.max(1, request.path("timeout_ms").asLong(5000)))));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("reach", probe.reach().name());
            answer.put("detail", probe.detail());
            if (probe.httpStatus() != null) {
                answer.put("http_status", probe.httpStatus());
            }
            String json = JSON.writeValueAsString(answer);
            exchange.getResponseHeaders().set(ProbeSignature.ANSWER_SIGNATURE_HEADER, ProbeSignature.signAnswer(
                    secret, exchange.getRequestHeaders().getFirst(ProbeSignature.NONCE_HEADER), json));
            respond(exchange, 200, json);
        } catch (RuntimeException e) {
            respond(exchange, 400, "{\"error\":\"malformed probe request\"}");
        }
    }

    private String refusalOf(HttpExchange exchange, String body) {
        String timestampHeader = exchange.getRequestHeaders().getFirst(ProbeSignature.TIMESTAMP_HEADER);
        String nonce = exchange.getRequestHeaders().getFirst(ProbeSignature.NONCE_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(ProbeSignature.SIGNATURE_HEADER);
        if (timestampHeader == null || nonce == null || signature == null || nonce.isBlank()) {
            return "unsigned";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return "unsigned";
        }
        if (!ProbeSignature.matches(secret, timestamp, nonce, body, signature)) {
            return "bad signature";
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > maxAge.toSeconds()) {
            return "stale";
        }
        synchronized (seenNonces) {
            seenNonces.values().removeIf(seenAt -> now - seenAt > 2 * maxAge.toSeconds());
            if (seenNonces.putIfAbsent(nonce, now) != null) {
                return "replayed";
            }
        }
        return null;
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IllegalArgumentException("body too large");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
