package dev.ilbportal.civo;

import java.time.Duration;
import java.util.Optional;

/**
 * A Civo call that did not succeed, with what the caller needs to react: the kind of failure, the HTTP status, Civo's
 * error code and reason, and which call it was. It never carries the API key.
 */
public class CivoApiException extends RuntimeException {

    /** What went wrong, in the terms callers branch on. */
    public enum Kind {
        /** 404, or a Civo "not found" code: the resource does not exist in that region. */
        NOT_FOUND,
        /** 409: duplicate name, or the resource is still in use (e.g. a firewall attached to a load balancer). */
        CONFLICT,
        /** 401, or 403 with an authentication code: the key is missing, wrong or refused. */
        UNAUTHORIZED,
        /** Civo's {@code quota_limit_reached}: the account may not have more of this resource. */
        QUOTA_EXCEEDED,
        /** 429: too many requests. */
        RATE_LIMITED,
        /** Any other 4xx: Civo rejected the request's content. */
        BAD_REQUEST,
        /** 5xx: Civo failed. */
        SERVER_ERROR,
        /** No HTTP answer: connection refused or reset, timeout. */
        TRANSPORT,
        /** A 2xx whose body does not parse; never treated as an empty result. */
        MALFORMED_RESPONSE;

        /** Whether repeating an idempotent call may help. */
        public boolean isTransient() {
            return this == RATE_LIMITED || this == SERVER_ERROR || this == TRANSPORT;
        }
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final String reason;
    private final String call;
    private final Duration retryAfter;

    public CivoApiException(Kind kind, int status, String code, String reason, String call, Duration retryAfter,
                            Throwable cause) {
        super(message(kind, status, code, reason, call), cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.reason = reason;
        this.call = call;
        this.retryAfter = retryAfter;
    }

    private static String message(Kind kind, int status, String code, String reason, String call) {
        StringBuilder text = new StringBuilder("Civo ").append(call).append(" failed: ").append(kind);
        if (status > 0) {
            text.append(" (HTTP ").append(status).append(')');
        }
        if (code != null) {
            text.append(" code=").append(code);
        }
        if (reason != null && !reason.isBlank()) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Civo's machine code such as {@code database_firewall_inuse_by_instance}, or null for non-JSON bodies. */
    public String code() {
        return code;
    }

    /** Civo's human text (with its details appended), or a short summary of a non-JSON body. */
    public String reason() {
        return reason;
    }

    /** Method and path, e.g. {@code DELETE /v2/firewalls/abc}. */
    public String call() {
        return call;
    }

    /** How long the server asked the client to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
