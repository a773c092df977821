package dev.ilbportal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The receiver's recipe from docs/notifications.md, step by step in plain JDK code, accepts what the portal
 * signs and refuses anything changed.
 */
class WebhookSignatureTests {

    static final String SECRET = "whsec-correct-horse-battery";
    static final String BODY = "{\"delivery_id\":\"d1\",\"event_id\":\"e1\",\"kind\":\"drifted\",\"text\":\"Zürich ✓\"}";

    /** The docs/notifications.md recipe: hex(HMAC-SHA256(secret, timestamp + "." + raw body)), compared with the header after v1=. */
    static boolean receiverAccepts(String secret, String timestampHeader, String rawBody, String signatureHeader) {
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            expected = mac.doFinal((timestampHeader + "." + rawBody).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!signatureHeader.startsWith("v1=")) {
            return false;
        }
        try {
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signatureHeader.substring(3)));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    @Test
    void receiverFollowingTheRecipeAcceptsThePortalsSignature() {
        String header = WebhookSignature.sign(SECRET, 1_767_225_600L, BODY);
        assertThat(header).startsWith("v1=").hasSize(3 + 64);
        assertThat(receiverAccepts(SECRET, "1767225600", BODY, header)).isTrue();
    }

    @Test
    void receiverRefusesAChangedBodyTimestampOrSecret() {
        String header = WebhookSignature.sign(SECRET, 1_767_225_600L, BODY);
        assertThat(receiverAccepts(SECRET, "1767225600", BODY.replace("drifted", "recovered"), header)).isFalse();
        assertThat(receiverAccepts(SECRET, "1767225601", BODY, header)).isFalse();
        assertThat(receiverAccepts("another-secret-entirely", "1767225600", BODY, header)).isFalse();
    }

    @Test
    void signatureMatchesWhatOpensslComputesForTheSameInput() {
        // printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac 'secret' -hex (the shell recipe in docs/notifications.md)
        assertThat(WebhookSignature.sign("secret", 1_700_000_000L, "{}"))
                .isEqualTo("v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
        assertThat(WebhookSignature.matches("secret", 1_700_000_000L, "{}",
                WebhookSignature.sign("secret", 1_700_000_000L, "{}"))).isTrue();
        assertThat(WebhookSignature.matches("secret", 1_700_000_000L, "{}", null)).isFalse();
    }
}
