package dev.ilbportal.audit;

import java.time.Instant;

/**
 * The chain's head at a moment, signed with the portal's Ed25519 key and kept outside the database, so that a later
 * rewrite of the trail (even one that recomputes every hash) or a truncation no longer matches it. The signature is
 * over {@link #signedText()}, base64 in {@code signature}; {@code keyId} is the first 16 hex digits of the SHA-256 of
 * the public key's DER (SubjectPublicKeyInfo) form.
 */
public record Checkpoint(long sequence, String hash, Instant time, String keyId, String signature) {

    /** What is signed: four lines, each ending with a newline. */
    public String signedText() {
        return signedText(sequence, hash, time);
    }

    public static String signedText(long sequence, String hash, Instant time) {
        return "ilb-portal audit checkpoint v1\nsequence=" + sequence + "\nhash=" + hash + "\ntime="
                + AuditEvent.TIME.format(time) + "\n";
    }

    /** The time as it is signed: ISO-8601 UTC with six fractional digits. */
    public String timeText() {
        return AuditEvent.TIME.format(time);
    }

    /** One line of a checkpoint file: canonical JSON (sorted keys, no whitespace). */
    public String jsonLine() {
        return "{\"hash\":\"" + hash + "\",\"key_id\":\"" + keyId + "\",\"sequence\":" + sequence
                + ",\"signature\":\"" + signature + "\",\"time\":\"" + AuditEvent.TIME.format(time) + "\"}";
    }
}
