package dev.ilbportal.notifications.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An HTTP endpoint that receives every event of one team, or of all teams when {@code team} is null, and, when
 * {@code receivesCheckpoints} (global webhooks only), every signed audit checkpoint. The secret signs the calls; it is
 * never shown again after saving, only its last characters.
 */
record Webhook(UUID id, String url, String secret, String team, boolean enabled, String createdBy,
               Instant createdAt, boolean receivesCheckpoints) {

    Webhook(UUID id, String url, String secret, String team, boolean enabled, String createdBy, Instant createdAt) {
        this(id, url, secret, team, enabled, createdBy, createdAt, false);
    }

    public boolean isGlobal() {
        return team == null;
    }

    boolean receives(Notification notification) {
        return enabled && (team == null || team.equals(notification.team()));
    }

    /** The URL as pages show it, up to its host: the rest may carry a token. */
    public String maskedUrl() {
        return WebhookAddresses.masked(url);
    }

    /** The last four characters of the secret, for people to tell secrets apart. */
    public String secretHint() {
        return secret.length() <= 4 ? "****" : "…" + secret.substring(secret.length() - 4);
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", url=" + maskedUrl() + ", team=" + team + ", enabled=" + enabled
                + ", checkpoints=" + receivesCheckpoints + "]";
    }
}
