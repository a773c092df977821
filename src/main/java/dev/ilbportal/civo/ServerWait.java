package dev.ilbportal.civo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * How long Civo asked us to wait, read from {@code Retry-After} (seconds or an HTTP date) or from
 * {@code x-ratelimit-remaining: 0} with {@code x-ratelimit-reset} (unix epoch seconds).
 */
final class ServerWait {

    private ServerWait() {
    }

    static Optional<Duration> requested(HttpHeaders headers, Clock clock) {
        Optional<Duration> retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), clock);
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return resetOfExhaustedWindow(headers).map(reset -> positive(Duration.between(clock.instant(), reset)));
    }

    /** When the rate-limit window resets, if Civo said no requests remain in it. */
    static Optional<Instant> resetOfExhaustedWindow(HttpHeaders headers) {
        String remaining = headers.getFirst("x-ratelimit-remaining");
        String reset = headers.getFirst("x-ratelimit-reset");
        if (remaining == null || reset == null || !remaining.trim().equals("0")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(reset.trim())));
        } catch (NumberFormatException notEpochSeconds) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(positive(Duration.ofSeconds(Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(positive(Duration.between(clock.instant(), at)));
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
