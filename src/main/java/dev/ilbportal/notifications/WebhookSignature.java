package dev.ilbportal.notifications;

import dev.ilbportal.shared.Digests;

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
        return VERSION + Digests.hmacSha256Hex(secret, timestamp + "." + body);
    }

    /** Compares in constant time, so the answer's timing reveals nothing about the right signature. */
    public static boolean matches(String secret, long timestamp, String body, String signature) {
        return Digests.sameSignature(sign(secret, timestamp, body), signature);
    }
}
