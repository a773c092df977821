package dev.ilbportal.provisioning.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How provisioning jobs run.
 *
 * @param pollInterval        how often each portal instance looks for due jobs
 * @param lease               how long a claimed job is left to its worker before another instance may take it over
 * @param maxStepAttempts     how often a step is tried on transient Civo faults before the job fails
 * @param initialBackoff      the first wait after a transient fault; doubled each time up to {@code maxBackoff}
 * @param maxBackoff          the longest wait between attempts
 * @param availablePoll       how often a new load balancer is polled while it is not available
 * @param availableDeadline   how long a load balancer may take to become available before the job fails
 * @param firewallInUseDeadline how long a firewall delete is retried while Civo says it is still in use
 * @param kubernetesApply     whether the portal applies Services through the cluster's API; when false, people
 *                            download the manifest and apply it, and the portal adopts the load balancer it yields
 * @param manualApplyDeadline how long the portal waits for a manifest applied by hand
 */
@Validated
@ConfigurationProperties("portal.provisioning")
public record ProvisioningProperties(
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("60s") @NotNull Duration lease,
        @DefaultValue("5") @Min(1) int maxStepAttempts,
        @DefaultValue("2s") @NotNull Duration initialBackoff,
        @DefaultValue("60s") @NotNull Duration maxBackoff,
        @DefaultValue("2s") @NotNull Duration availablePoll,
        @DefaultValue("10m") @NotNull Duration availableDeadline,
        @DefaultValue("5m") @NotNull Duration firewallInUseDeadline,
        @DefaultValue("true") boolean kubernetesApply,
        @DefaultValue("24h") @NotNull Duration manualApplyDeadline) {

    /** The wait before attempt {@code attempt + 1} of a step. */
    public Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
