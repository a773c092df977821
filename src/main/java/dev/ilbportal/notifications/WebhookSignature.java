package dev.ilbportal.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on a webhook call: {@code v1=} and the hex HMAC-SHA256, keyed with the webhook's secret, of the
 * timestamp header, a dot and the raw body. Signing the timestamp lets a receiver refuse old calls replayed later.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-ILB-Timestamp";
    public static final String SIGNATURE_HEADER = "X-ILB-Signature";
    public static final String DELIVERY_HEADER = "X-ILB-Delivery";
    public static final String VERSION = "v1=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, so the answer's timing reveals nothing about the right signature. */
    public static boolean matches(String secret, long timestamp, String body, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
