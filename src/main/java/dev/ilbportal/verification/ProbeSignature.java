package dev.ilbportal.verification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        if (signature == null) {
            return false;
        }
        byte[] expected = signAnswer(secret, nonce, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(signature);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, so the answer's timing reveals nothing about the right signature. */
    public static boolean matches(String secret, long timestamp, String nonce, String body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
