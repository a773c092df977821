package dev.ilbportal.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How verification runs.
 *
 * @param interval        how often every load balancer is fully verified (network probes included), once per
 *                        cluster; a pass counts as proof for this long, no pass for twice this long is stale
 * @param configInterval  how often the watch compares Civo's side (load balancer, firewall, ingress rules) of the
 *                        whole fleet with the region snapshots: a rule added by hand is found within about this long
 * @param connectTimeout  how long a probe waits for a connection; outside, no connection in this time is a pass,
 *                        but only when the control target was reached in the same round
 * @param parallelism     how many load balancers are probed at once; each outside probe holds a socket for up to
 *                        the connect timeout, so a fleet's round takes about one timeout only when this is at least
 *                        the fleet's size, and the process's open-file limit must stay above it
 * @param localSide       where the portal process itself stands, when it may probe ({@code INSIDE} when deployed in
 *                        the private network); empty: the portal does not probe from its own process
 * @param outsideControl  the positive control: a target known to be open from the internet
 * @param probeAgent      a remote probe agent, when one is used
 * @param verifyNowCooldown how long after one "Verify now" of a load balancer (by anyone) the next is refused: each
 *                        costs two Civo calls and a round of probes
 */
@Validated
@ConfigurationProperties("portal.verification")
public record VerificationProperties(
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("1m") @NotNull Duration configInterval,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("10000") @Min(1) int parallelism,
        Side localSide,
        @Valid OutsideControl outsideControl,
        @Valid ProbeAgentSettings probeAgent,
        @DefaultValue("60s") @NotNull Duration verifyNowCooldown) {

    /**
     * A target the operator keeps open on the internet (or, in the sandbox, its public canary socket). An outside
     * vantage point that cannot reach it proves nothing by not reaching a load balancer.
     */
    public record OutsideControl(String host, @Min(1) @Max(65535) Integer port) {

        public boolean configured() {
            return host != null && !host.isBlank() && port != null;
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * A remote probe agent: its URL must be {@code https} unless {@code allowInsecure} is set (local tests, the
     * sandbox), since its answers decide whether a load balancer counts as internal.
     */
    public record ProbeAgentSettings(URI url, String secret, @DefaultValue("OUTSIDE") Side side,
                                     @DefaultValue("false") boolean allowInsecure) {

        @Override
        public String toString() {
            return "ProbeAgentSettings[url=" + url + ", side=" + side + ", allowInsecure=" + allowInsecure + "]";
        }
    }

    /** How often the hourly round starts: a little before the interval is up, so a healthy proof never ages out. */
    public Duration roundPeriod() {
        return interval.minus(interval.dividedBy(10));
    }

    public OutsideControl outsideControl() {
        return outsideControl == null ? new OutsideControl(null, null) : outsideControl;
    }
}
