package dev.ilbportal.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's webhook endpoint on 127.0.0.1: answers 500 while it is told to fail, 200 afterwards, checks each call's
 * signature the way docs/notifications.md tells receivers to, and keeps what it saw.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One call as the receiver saw it. */
    record Call(String deliveryId, String eventId, String kind, int answered, boolean signatureValid, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String secret;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-ILB-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-ILB-Signature");
            boolean valid = timestamp != null && WebhookSignatureTests.receiverAccepts(secret, timestamp, body,
                    signature == null ? "" : signature);
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            JsonNode json = JSON.readTree(body);
            calls.add(new Call(json.get("delivery_id").asString(), json.get("event_id").asString(),
                    json.get("kind").asString(), status, valid, body));
            byte[] answer = (status == 200 ? "ok" : "receiver is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    String secret() {
        return secret;
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> successes() {
        return calls.stream().filter(call -> call.answered() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
