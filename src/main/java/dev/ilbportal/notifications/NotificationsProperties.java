package dev.ilbportal.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications are written, sent and retried.
 *
 * @param portalUrl            where the portal is reached by the people reading a mail; links in mails and webhook
 *                             bodies start with it ({@code PORTAL_URL}; blank or unset: {@value #LOCAL_PORTAL_URL})
 * @param from                 the sender address of the mails
 * @param maxAttempts          how many times a delivery is tried before it is dead (shown to admins)
 * @param initialBackoff       the wait after the first failed attempt; it doubles with every further failure
 * @param maxBackoff           the longest wait between two attempts
 * @param pollInterval         how often the dispatcher looks for due deliveries
 * @param dispatchInitialDelay how long after start the dispatcher first looks
 * @param batchSize            how many deliveries one round of the dispatcher claims
 * @param lease                how long a claimed delivery is left to its dispatcher before another may take it
 * @param connectTimeout       how long a webhook connection may take to open
 * @param sendTimeout          how long a webhook call may take in all
 * @param reminderBefore       how long before a request expires its approvers are reminded
 * @param reminderCheck        how often the reminder job looks for requests that are due a reminder
 */
@Validated
@ConfigurationProperties("portal.notifications")
public record NotificationsProperties(
        String portalUrl,
        @DefaultValue("ILB Portal <portal@ilbportal.invalid>") @NotBlank String from,
        @DefaultValue("6") @Min(1) @Max(50) int maxAttempts,
        @DefaultValue("10s") @NotNull Duration initialBackoff,
        @DefaultValue("1h") @NotNull Duration maxBackoff,
        @DefaultValue("5s") @NotNull Duration pollInterval,
        @DefaultValue("10s") @NotNull Duration dispatchInitialDelay,
        @DefaultValue("20") @Min(1) @Max(500) int batchSize,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration sendTimeout,
        @DefaultValue("24h") @NotNull Duration reminderBefore,
        @DefaultValue("15m") @NotNull Duration reminderCheck) {

    /** Where the portal runs when nobody says otherwise: {@code ./mvnw spring-boot:run} on this machine. */
    public static final String LOCAL_PORTAL_URL = "http://localhost:8080";

    public NotificationsProperties {
        // application.yml binds PORTAL_URL with a blank fallback, so the default is written here only.
        if (portalUrl == null || portalUrl.isBlank()) {
            portalUrl = LOCAL_PORTAL_URL;
        }
    }

    /** The address of a page of the portal, for a mail or a webhook body. */
    public String linkTo(String path) {
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        return base + path;
    }

    /** The wait before the next attempt after {@code failedAttempts} failures: doubling, capped. */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
