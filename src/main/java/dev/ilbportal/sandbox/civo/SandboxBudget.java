package dev.ilbportal.sandbox.civo;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulated account spends: every API call counted per operation ({@code GET /v2/firewalls/{id}/rules}), and,
 * when asked ({@code portal.sandbox.civo-rate-limit}), Civo's rate limit enforced per key as a token bucket, refusing
 * calls past it with 429 and Civo's {@code x-ratelimit-*} and {@code Retry-After} headers. Read (and reset) at
 * {@code /sandbox/stats} with the key.
 *
 * <p>Requests are measured when they arrive, a little after the portal sent them, so the bucket tolerates a
 * twentieth of a token of jitter; anything beyond is refused as Civo would.
 */
public final class SandboxBudget {

    private static final double JITTER = 0.05;
    private static final Set<String> WORDS = Set.of("v2", "regions", "networks", "firewalls", "rules",
            "loadbalancers", "instances", "kubernetes", "clusters", "quota", "tags", "vpc");

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile double perSecond;
    private volatile int burst;

    /** Enforces the rate from now on; zero or less lifts it. */
    public void enforce(double requestsPerSecond, int burstSize) {
        this.perSecond = requestsPerSecond;
        this.burst = Math.max(1, burstSize);
        buckets.clear();
    }

    /** Counts the call and says whether it is past the key's rate limit (then with the 429's headers). */
    Optional<Map<String, String>> admit(String key, String method, String path) {
        double rate = perSecond;
        if (rate > 0) {
            Bucket bucket = buckets.computeIfAbsent(key, ignored -> new Bucket(burst));
            Optional<Map<String, String>> refusal = bucket.take(rate, burst);
            if (refusal.isPresent()) {
                refused.incrementAndGet();
                return refusal;
            }
        }
        calls.computeIfAbsent(operation(method, path), ignored -> new AtomicLong()).incrementAndGet();
        return Optional.empty();
    }

    /** Calls answered per operation, and calls refused for the rate limit. */
    public Stats stats() {
        Map<String, Long> byOperation = new TreeMap<>();
        calls.forEach((operation, count) -> byOperation.put(operation, count.get()));
        return new Stats(Map.copyOf(byOperation), refused.get());
    }

    public void reset() {
        calls.clear();
        refused.set(0);
    }

    /** What {@code /sandbox/stats} shows. */
    public record Stats(Map<String, Long> calls, long refusedWith429) {

        public long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(String operation) {
            return calls.getOrDefault(operation, 0L);
        }

        ObjectNode toJson(double perSecond, int burst) {
            ObjectNode json = SimulatorJson.object();
            ObjectNode operations = json.putObject("calls");
            new TreeMap<>(calls).forEach(operations::put);
            json.put("total", total());
            json.put("refused_with_429", refusedWith429);
            json.put("rate_limit_per_second", perSecond);
            json.put("rate_limit_burst", burst);
            return json;
        }
    }

    ObjectNode statsJson() {
        return stats().toJson(perSecond, burst);
    }

    /** {@code GET /v2/firewalls/abc/rules} becomes {@code GET /v2/firewalls/{id}/rules}. */
    static String operation(String method, String path) {
        StringBuilder operation = new StringBuilder(method);
        operation.append(' ');
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            operation.append('/').append(WORDS.contains(segment) ? segment : "{id}");
        }
        return operation.toString();
    }

    private static final class Bucket {

        private double tokens;
        private long refilledNanos = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        synchronized Optional<Map<String, String>> take(double rate, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledNanos) / 1e9 * rate);
            refilledNanos = now;
            if (tokens >= 1 - JITTER) {
                tokens -= 1;
                return Optional.empty();
            }
            long waitSeconds = Math.max(1, (long) Math.ceil((1 - tokens) / rate));
            return Optional.of(Map.of(
                    "x-ratelimit-limit", String.valueOf((long) Math.ceil(rate)),
                    "x-ratelimit-remaining", "0",
                    "x-ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + waitSeconds),
                    "Retry-After", String.valueOf(waitSeconds)));
        }
    }
}
