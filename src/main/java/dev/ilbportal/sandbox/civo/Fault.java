package dev.ilbportal.sandbox.civo;

import java.time.Duration;
import java.util.Locale;

/**
 * One injected misbehaviour of the simulator: what happens, to which calls, how often and how many times. Build one
 * with a factory ({@link #error}, {@link #latency}, {@link #rateLimit}, {@link #dropConnection},
 * {@link #malformedBody}) and narrow it with {@link #on}, {@link #times} and {@link #withProbability}.
 *
 * @param kind        what happens
 * @param method      HTTP method it applies to, or {@code null} for any
 * @param path        glob over the path with {@code /v2/vpc} folded into {@code /v2} ({@code *} matches anything,
 *                    including {@code /}); {@code null} for any path
 * @param times       how many matching calls it hits before it is used up; negative for unlimited
 * @param probability chance that a matching call is hit, drawn from the faults' seeded random numbers
 * @param status      HTTP status of an {@code ERROR}
 * @param code        Civo error code of an {@code ERROR}
 * @param reason      Civo error reason of an {@code ERROR}
 * @param delay       added latency of a {@code LATENCY}, or the retry-after of a {@code RATE_LIMIT}
 */
public record Fault(Kind kind, String method, String path, int times, double probability, int status, String code,
        String reason, Duration delay) {

    /** What a fault does to a call. */
    public enum Kind {
        /** Answer with a Civo error body instead of handling the call. */
        ERROR,
        /** Wait before handling the call as usual. */
        LATENCY,
        /** Answer 429 with {@code x-ratelimit-reset} and {@code Retry-After}. */
        RATE_LIMIT,
        /** Close the connection without any response. */
        DROP_CONNECTION,
        /** Handle the call, then send only the first half of the JSON body. */
        MALFORMED_BODY
    }

    public static Fault error(int status, String code, String reason) {
        return new Fault(Kind.ERROR, null, null, -1, 1.0, status, code, reason, Duration.ZERO);
    }

    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, null, null, -1, 1.0, 0, null, null, delay);
    }

    public static Fault rateLimit(Duration retryAfter) {
        return new Fault(Kind.RATE_LIMIT, null, null, -1, 1.0, 429, "rate_limit_exceeded", "Too many requests",
                retryAfter);
    }

    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, null, null, -1, 1.0, 0, null, null, Duration.ZERO);
    }

    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, null, null, -1, 1.0, 0, null, null, Duration.ZERO);
    }

    /** Only calls with this method ({@code null} for any) and path glob ({@code null} for any). */
    public Fault on(String newMethod, String newPath) {
        return new Fault(kind, newMethod == null ? null : newMethod.toUpperCase(Locale.ROOT), newPath, times,
                probability, status, code, reason, delay);
    }

    /** Only the next {@code count} matching calls. */
    public Fault times(int count) {
        return new Fault(kind, method, path, count, probability, status, code, reason, delay);
    }

    /** Each matching call is hit with this probability (0..1). */
    public Fault withProbability(double chance) {
        if (chance < 0 || chance > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        return new Fault(kind, method, path, times, chance, status, code, reason, delay);
    }

    boolean matches(String callMethod, String callPath) {
        return (method == null || method.equalsIgnoreCase(callMethod))
                && (path == null || Globs.matches(path, callPath));
    }
}
