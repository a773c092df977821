package dev.ilbportal.verification;

import dev.ilbportal.shared.Digests;

/**
 * The signatures of a probe request and of its answer, HMAC-SHA256 with the shared secret, in hex. The request's covers
 * {@code timestamp \n nonce \n body}: the timestamp bounds how old a request may be, the nonce makes each request
 * usable once. The answer's covers {@code answer \n nonce \n body}: bound to the request's nonce, so an answer can
 * neither be forged nor replayed to another request by whoever sits between the portal and the agent.
 */
public final class ProbeSignature {

    public static final String TIMESTAMP_HEADER = "X-Probe-Timestamp";
    public static final String NONCE_HEADER = "X-Probe-Nonce";
    public static final String SIGNATURE_HEADER = "X-Probe-Signature";
    public static final String ANSWER_SIGNATURE_HEADER = "X-Probe-Answer-Signature";

    private ProbeSignature() {
    }

    public static String sign(String secret, long timestamp, String nonce, String body) {
        return hmac(secret, timestamp + "\n" + nonce + "\n" + body);
    }

    /** The agent's signature of its answer to the request that carried {@code nonce}. */
    public static String signAnswer(String secret, String nonce, String body) {
        return hmac(secret, "answer\n" + nonce + "\n" + body);
    }

    /** Compares in constant time. */
    public static boolean answerMatches(String secret, String nonce, String body, String signature) {
        return Digests.sameSignature(signAnswer(secret, nonce, body), signature);
    }

    private static String hmac(String secret, String text) {
        return Digests.hmacSha256Hex(secret, text);
    }

    /** Compares in constant time, so the answer's timing reveals nothing about the right signature. */
    public static boolean matches(String secret, long timestamp, String nonce, String body, String signature) {
        return Digests.sameSignature(sign(secret, timestamp, nonce, body), signature);
    }
}
