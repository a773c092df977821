package dev.ilbportal.requests.api;

import dev.ilbportal.shared.Digests;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key of creating POSTs, kept per person in {@code api_idempotency_key}: a retry with the same key
 * and body finds the request the first call made; the same key with another body is refused.
 */
@Component
class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an earlier call with this key made, if any. */
    Optional<Remembered> find(String subject, String key) {
        return jdbc.sql("select body_hash, request_id from api_idempotency_key where subject = ? and idempotency_key = ?")
                .params(subject, key)
                .query((row, number) -> new Remembered(row.getString("body_hash").strip(),
                        row.getObject("request_id", UUID.class)))
                .optional();
    }

    /** Remembers the request a key made; false when a concurrent call with the same key remembered one first. */
    boolean remember(String subject, String key, String bodyHash, UUID requestId) {
        return jdbc.sql("insert into api_idempotency_key (subject, idempotency_key, body_hash, request_id, created_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(subject, key, bodyHash, requestId, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    static String hash(String body) {
        return Digests.sha256Hex(body);
    }

    record Remembered(String bodyHash, UUID requestId) {
    }
}
