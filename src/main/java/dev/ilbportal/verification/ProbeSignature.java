package dev.ilbportal.verification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a probe request: HMAC-SHA256 with the shared secret over {@code timestamp \n nonce \n body}, in
 * hex. The timestamp bounds how old a request may be; the nonce makes each request usable once.
 */
public final class ProbeSignature {

    public static final String TIMESTAMP_HEADER = "X-Probe-Timestamp";
    public static final String NONCE_HEADER = "X-Probe-Nonce";
    public static final String SIGNATURE_HEADER = "X-Probe-Signature";

    private ProbeSignature() {
    }

    public static String sign(String secret, long timestamp, String nonce, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8));
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
