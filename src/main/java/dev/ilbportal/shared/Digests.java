package dev.ilbportal.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The portal's hashes and signatures, each over the UTF-8 bytes of a text and written in lower-case hex: plan and
 * audit hashes, idempotency keys, webhook and probe signatures all use these, so they cannot drift apart.
 */
public final class Digests {

    private Digests() {
    }

    /** The SHA-256 of the text's UTF-8 bytes, 64 hex digits. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The HMAC-SHA256 of the text's UTF-8 bytes, keyed with the secret's UTF-8 bytes, 64 hex digits. */
    public static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether a signature given by the other side is the expected one, compared in constant time so the answer's
     * timing reveals nothing about the right signature; a missing signature never matches.
     */
    public static boolean sameSignature(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
