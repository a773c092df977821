package dev.ilbportal.verification.internal;

import dev.ilbportal.verification.CheckName;
import dev.ilbportal.verification.CheckResult;
import dev.ilbportal.verification.Outcome;
import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Vantage;
import dev.ilbportal.verification.VerificationProperties;
import java.time.Duration;

/**
 * The positive control of one round: the outside vantage point must reach a target known to be open, or its
 * "could not connect" answers prove nothing (its own egress may be blocked, or the path may drop everything).
 */
public final class OutsideControl {

    private OutsideControl() {
    }

    /** One probe of the control target from {@code vantage}; PASS when it connected, INCONCLUSIVE otherwise. */
    public static CheckResult probe(Vantage vantage, VerificationProperties.OutsideControl control, Duration timeout) {
        if (!control.configured()) {
            return new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.INCONCLUSIVE, null, vantage.name(),
                    "No control target is configured (portal.verification.outside-control.host and .port), so no "
                    + "outside check can count", 0);
        }
        long started = System.nanoTime();
        Probe probe = vantage.probe(null, control.host(), control.port(), false, timeout);
        long took = (System.nanoTime() - started) / 1_000_000;
        if (probe.connected()) {
            return new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.PASS, control.toString(), vantage.name(),
                    "Reached the control target: " + probe.detail(), took);
        }
        return new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.INCONCLUSIVE, control.toString(), vantage.name(),
                "Could not reach the control target (" + probe.reach().name().toLowerCase() + ": " + probe.detail()
                + "), so this vantage point's outside checks prove nothing this round", took);
    }
}
