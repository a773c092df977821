package dev.ilbportal.verification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How verification runs.
 *
 * @param interval        how often every load balancer is verified (once per cluster)
 * @param connectTimeout  how long a probe waits for a connection; outside, no connection in this time is a pass
 * @param parallelism     how many load balancers are verified at once
 * @param localSide       where the portal process itself stands, when it may probe ({@code INSIDE} when deployed in
 *                        the private network); empty: the portal does not probe from its own process
 */
@Validated
@ConfigurationProperties("portal.verification")
public record VerificationProperties(
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("1024") @Min(1) int parallelism,
        Side localSide) {
}
