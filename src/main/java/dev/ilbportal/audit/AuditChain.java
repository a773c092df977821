package dev.ilbportal.audit;

import dev.ilbportal.shared.Digests;

/**
 * How each event is bound to the one before it. An event's hash is the SHA-256 (lower-case hex) of the UTF-8 bytes of
 * its canonical form: a JSON array, written without whitespace and with strings escaped as Python's
 * {@code json.dumps(..., ensure_ascii=False, separators=(",", ":"))} escapes them, of
 * {@code [sequence, time, actor_subject, actor_name, actor_roles, action, subject_type, subject_id, team, request_id,
 * load_balancer_id, before, after, details, previous_hash]}, where {@code sequence} is a number, {@code time} is
 * ISO-8601 UTC with six fractional digits, {@code before}, {@code after} and {@code details} are strings holding the
 * stored canonical JSON, absent optional fields are {@code null}, and the first event's previous hash is 64 zeros.
 */
public final class AuditChain {

    /** The previous hash of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String canonicalForm(long sequence, String time, String actorSubject, String actorName,
                                       String actorRoles, String action, String subjectType, String subjectId,
                                       String team, String requestId, String loadBalancerId, String beforeJson,
                                       String afterJson, String detailsJson, String previousHash) {
        return canonicalForm(sequence, time, contentForm(actorSubject, actorName, actorRoles, action, subjectType,
                subjectId, team, requestId, loadBalancerId, beforeJson, afterJson, detailsJson), previousHash);
    }

    /**
     * The part of the canonical form that does not depend on the event's place in the chain (everything between the
     * time and the previous hash, each field with its leading comma), so it can be written before the append lock is
     * taken.
     */
    public static String contentForm(String actorSubject, String actorName, String actorRoles, String action,
                                     String subjectType, String subjectId, String team, String requestId,
                                     String loadBalancerId, String beforeJson, String afterJson, String detailsJson) {
        StringBuilder out = new StringBuilder(256);
        for (String field : new String[] {actorSubject, actorName, actorRoles, action, subjectType, subjectId, team,
                requestId, loadBalancerId, beforeJson, afterJson, detailsJson}) {
            out.append(',').append(CanonicalJson.string(field));
        }
        return out.toString();
    }

    /** The canonical form from the event's place in the chain and its {@link #contentForm}. */
    public static String canonicalForm(long sequence, String time, String contentForm, String previousHash) {
        return new StringBuilder(contentForm.length() + 128).append('[').append(sequence).append(',')
                .append(CanonicalJson.string(time)).append(contentForm).append(',')
                .append(CanonicalJson.string(previousHash)).append(']').toString();
    }

    public static String canonicalForm(AuditEvent event) {
        return canonicalForm(event.sequence(), event.time(), event.actorSubject(), event.actorName(),
                event.actorRoles(), event.action(), event.subjectType(), event.subjectId(), event.team(),
                event.requestId(), event.loadBalancerId(), event.beforeJson(), event.afterJson(), event.detailsJson(),
                event.previousHash());
    }

    /** The hash an event must carry, recomputed from its content. */
    public static String hashOf(AuditEvent event) {
        return sha256(canonicalForm(event));
    }

    static String sha256(String text) {
        return Digests.sha256Hex(text);
    }
}
