package dev.ilbportal.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One row of the audit trail, exactly as stored and hashed. The JSON fields hold the canonical JSON text that was
 * hashed; optional fields are null when absent, never empty.
 */
public record AuditEvent(long sequence, Instant occurredAt, String actorSubject, String actorName, String actorRoles,
                         String action, String subjectType, String subjectId, String team, String requestId,
                         String loadBalancerId, String beforeJson, String afterJson, String detailsJson,
                         String previousHash, String hash) {

    /** The time as it is hashed and exported: ISO-8601 in UTC with exactly six fractional digits. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public String time() {
        return TIME.format(occurredAt);
    }

    /** Whether this event records a change, so the page can show before and after side by side. */
    public boolean hasChange() {
        return beforeJson != null || afterJson != null;
    }
}
