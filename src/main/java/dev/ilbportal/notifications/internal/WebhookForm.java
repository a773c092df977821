package dev.ilbportal.notifications.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin types to add a webhook; a blank team means every team's events (global). A global webhook may also
 * subscribe to the audit trail's signed checkpoints.
 */
record WebhookForm(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String url,
        @NotBlank @Size(min = 16, max = 500, message = "must be 16 to 500 characters") String secret,
        @Size(max = 100) @Pattern(regexp = "[a-z0-9-]*", message = "lower-case letters, digits and dashes only")
        String team,
        Boolean checkpoints) {

    static WebhookForm empty() {
        return new WebhookForm("", "", "", false);
    }

    boolean receivesCheckpoints() {
        return Boolean.TRUE.equals(checkpoints);
    }

    String teamOrNull() {
        return team == null || team.isBlank() ? null : team.strip();
    }
}
