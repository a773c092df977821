package dev.ilbportal.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox parts.
 *
 * @param dataDirectory              where the embedded PostgreSQL keeps its data between runs
 * @param oidcPort                   port of the embedded OpenID Connect provider (0 picks a free one)
 * @param civoPort                   port of the Civo API simulator on 127.0.0.1 (0 picks a free one)
 * @param apiKey                     the bearer key the Civo API simulator accepts
 * @param civoProvisioningDelay      how long a new simulated load balancer stays pending (0 = available at once)
 * @param civoPendingState           the state name a simulated load balancer shows while pending
 * @param civoFaultSeed              seed of the random numbers behind the simulator's probabilistic faults
 * @param civoLoadBalancerLimit      the simulated account's load balancer quota
 * @param civoFirewallLimit          the simulated account's firewall quota
 * @param smtpPort                   port of the sandbox's mail catcher (SMTP) on 127.0.0.1 (0 picks a free one)
 * @param remoteVantages             probe from a standalone Civo sandbox's vantage points ({@code --civo-sandbox},
 *                                   the portal's Civo) over HTTP; see docs/production.md
 * @param civoRateLimit              calls per second the Civo API simulator allows per key before answering 429 as
 *                                   Civo does (0 = no limit)
 * @param civoRateLimitBurst         calls the simulator allows at once before its rate limit applies
 */
@Validated
@ConfigurationProperties("portal.sandbox")
public record SandboxProperties(
        @DefaultValue(".data") Path dataDirectory,
        @DefaultValue("9400") @Min(0) @Max(65535) int oidcPort,
        @DefaultValue("9401") @Min(0) @Max(65535) int civoPort,
        @DefaultValue("sandbox-key") @NotBlank String apiKey,
        @DefaultValue("2s") Duration civoProvisioningDelay,
        @DefaultValue("pending") @NotBlank String civoPendingState,
        @DefaultValue("42") long civoFaultSeed,
        @DefaultValue("10") @Min(0) int civoLoadBalancerLimit,
        @DefaultValue("40") @Min(0) int civoFirewallLimit,
        @DefaultValue("9025") @Min(0) @Max(65535) int smtpPort,
        @DefaultValue("false") boolean remoteVantages,
        @DefaultValue("0") double civoRateLimit,
        @DefaultValue("5") @Min(1) int civoRateLimitBurst) {
}
