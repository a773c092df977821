package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.audit.Checkpoint;
import dev.ilbportal.audit.Checkpoints;
import dev.ilbportal.support.PortalApplicationTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed audit checkpoints reach the global webhooks that subscribed to {@code audit.checkpoint} through the outbox,
 * and a receiver can check each one with the portal's public key alone.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-notifications.properties")
class CheckpointWebhookTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Checkpoints checkpoints;
    @Autowired
    Webhooks webhooks;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;

    private final WebhookReceiver subscribed = new WebhookReceiver("checkpoint-secret-" + UUID.randomUUID());
    private final WebhookReceiver notSubscribed = new WebhookReceiver("plain-secret-" + UUID.randomUUID());
    private final List<UUID> added = new java.util.ArrayList<>();

    @AfterEach
    void removeWebhooks() {
        added.forEach(webhooks::delete);
        subscribed.close();
        notSubscribed.close();
    }

    private Webhook add(WebhookReceiver receiver, String team, boolean checkpointsToo) {
        Webhook webhook = new Webhook(UUID.randomUUID(), receiver.url(), receiver.secret(), team, true, "adam",
                Instant.now(), checkpointsToo);
        webhooks.add(webhook);
        added.add(webhook.id());
        return webhook;
    }

    @Test
    void subscribedGlobalWebhookReceivesEachCheckpointSignedAndCheckableWithThePublicKey() throws Exception {
        Webhook hook = add(subscribed, null, true);
        Webhook plain = add(notSubscribed, null, false);

        Checkpoint checkpoint = checkpoints.write();

        long deadline = System.currentTimeMillis() + 20_000;
        while (subscribed.successes().stream().noneMatch(call -> call.kind().equals("audit.checkpoint"))) {
            assertThat(System.currentTimeMillis()).as("delivered in time").isLessThan(deadline);
            dispatcher.dispatchDue();
            Thread.sleep(20);
        }
        WebhookReceiver.Call call = subscribed.successes().stream()
                .filter(c -> c.kind().equals("audit.checkpoint")).findFirst().orElseThrow();
        assertThat(call.signatureValid()).as("signed with the webhook's secret like every delivery").isTrue();
        JsonNode body = JSON.readTree(call.body()).get("checkpoint");
        assertThat(body.get("sequence").asLong()).isEqualTo(checkpoint.sequence());
        assertThat(body.get("hash").asString()).isEqualTo(checkpoint.hash());
        assertThat(body.get("key_id").asString()).isEqualTo(checkpoints.keyId());
        assertThat(body.get("signed_text").asString()).isEqualTo(checkpoint.signedText())
                .contains("sequence=" + checkpoint.sequence()).contains("hash=" + checkpoint.hash());
        assertThat(ed25519Verifies(checkpoints.publicKeyPem(), body.get("signed_text").asString(),
                body.get("signature").asString())).as("the checkpoint's own Ed25519 signature holds").isTrue();
        assertThat(ed25519Verifies(checkpoints.publicKeyPem(), body.get("signed_text").asString() + " ",
                body.get("signature").asString())).as("and a changed text does not").isFalse();

        assertThat(jdbc.sql("select count(*) from notification_delivery where webhook_id = ? and kind = ?")
                .params(plain.id(), "AUDIT_CHECKPOINT").query(Long.class).single())
                .as("a webhook that did not subscribe gets no checkpoint").isZero();
        assertThat(jdbc.sql("select count(*) from notification_delivery where webhook_id = ? and kind = ?")
                .params(hook.id(), "AUDIT_CHECKPOINT").query(Long.class).single()).isOne();
    }

    @Test
    void disabledSubscriberGetsNoCheckpoint() {
        Webhook hook = add(subscribed, null, true);
        webhooks.enable(hook.id(), false);

        checkpoints.write();

        assertThat(jdbc.sql("select count(*) from notification_delivery where webhook_id = ?")
                .param(hook.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theSameCheckpointAlwaysHasTheSameEventIdSoReceiversCanDropRepeats() {
        Checkpoint checkpoint = new Checkpoint(42, "ab".repeat(32), Instant.parse("2026-12-01T10:00:00Z"), "k1", "sig");
        assertThat(CheckpointDeliveries.eventIdOf(checkpoint)).isEqualTo(CheckpointDeliveries.eventIdOf(
                new Checkpoint(42, "ab".repeat(32), Instant.parse("2026-12-01T10:00:00Z"), "k1", "sig")))
                .isNotEqualTo(CheckpointDeliveries.eventIdOf(
                        new Checkpoint(43, "ab".repeat(32), Instant.parse("2026-12-01T10:00:00Z"), "k1", "sig")));
    }

    private static boolean ed25519Verifies(String pem, String text, String signatureBase64) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
