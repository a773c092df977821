package dev.ilbportal.civo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import dev.ilbportal.civo.CivoApiException.Kind;
import tools.jackson.core.JacksonException;

/**
 * Turns a Civo error response (its canonical {@code {code, reason, details}} JSON, a legacy
 * {@code {result, status}} body, or an HTML/plain-text page from a proxy) into a {@link CivoApiException}.
 */
final class ErrorResponse {

    private static final int SUMMARY_LENGTH = 200;

    private static final Set<String> AUTH_CODES = Set.of("authentication_failed", "authentication_invalid_key",
            "authentication_access_denied", "database_account_not_found", "database_account_access_denied",
            "requires_authentication");

    private ErrorResponse() {
    }

    /** The JSON error body Civo sends; every field optional. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(String code, String reason, String details, String result, Integer status) {
    }

    static CivoApiException toException(String call, int status, byte[] body, Duration retryAfter, String apiKey) {
        Body parsed = parse(body);
        String code;
        String reason;
        if (parsed != null) {
            code = blankToNull(parsed.code());
            String legacy = code == null && !"failed".equalsIgnoreCase(parsed.result()) ? parsed.result() : null;
            reason = joinReason(parsed.reason(), parsed.details(), legacy);
        } else {
            code = null;
            reason = summary(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        }
        reason = withoutKey(reason, apiKey);
        code = withoutKey(code, apiKey);
        Kind kind = kindOf(status, code, parsed == null ? null : parsed.result());
        return new CivoApiException(kind, status, code, reason, call,
                kind == Kind.RATE_LIMITED ? retryAfter : null, null);
    }

    private static Kind kindOf(int status, String code, String result) {
        if ((code != null && AUTH_CODES.contains(code)) || "requires_authentication".equals(result)
                || status == 401) {
            return Kind.UNAUTHORIZED;
        }
        if ("quota_limit_reached".equals(code)) {
            return Kind.QUOTA_EXCEEDED;
        }
        if (status == 404 || (code != null && (code.endsWith("_not_found") || code.equals("database_instance_find")))
                && status < 500) {
            return Kind.NOT_FOUND;
        }
        if (status == 403 && code == null) {
            return Kind.UNAUTHORIZED;
        }
        if (status == 409) {
            return Kind.CONFLICT;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status >= 500) {
            return Kind.SERVER_ERROR;
        }
        return Kind.BAD_REQUEST;
    }

    private static Body parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            Body parsed = CivoJson.mapper().readValue(body, Body.class);
            return parsed == null || (parsed.code() == null && parsed.reason() == null && parsed.result() == null)
                    ? null : parsed;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String joinReason(String reason, String details, String legacy) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {reason, details, legacy}) {
            if (part != null && !part.isBlank()) {
                if (!text.isEmpty()) {
                    text.append(": ");
                }
                text.append(part.strip());
            }
        }
        return text.isEmpty() ? null : summary(text.toString());
    }

    /** A short, single-line text without markup, safe to show and log. */
    static String summary(String raw) {
        String text = raw.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("&nbsp;", " ")
                .replaceAll("[\\p{Cntrl}\\s]+", " ")
                .strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH) + "…";
    }

    private static String withoutKey(String text, String apiKey) {
        if (text == null || apiKey == null || apiKey.isBlank()) {
            return text;
        }
        return text.replace(apiKey, "****");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
