package dev.ilbportal.verification;

import java.time.Duration;
import java.time.Instant;

/**
 * What verification has proven about an internal load balancer, apart from its life-cycle. Only {@link #PROVEN} is
 * green, and only while the last verdict is a pass younger than the interval.
 */
public enum ProofStatus {

    PROVEN("Proven", "The last run passed, within the interval."),
    EXPOSED("Exposed", "The last run found an ingress rule, another firewall, or a connection from outside."),
    UNPROVEN("Unproven", "Never passed yet, the last run was inconclusive, or the last pass is older than the interval."),
    STALE("Stale", "No passing run within twice the interval: the schedule stopped, an agent is down, or Civo did not "
            + "answer.");

    private final String title;
    private final String description;

    ProofStatus(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Whether a change to this status is sent to the team and admins at once. */
    public boolean alarming() {
        return this == EXPOSED || this == STALE;
    }

    /**
     * The status after a run: a fail exposes, whatever came before; a pass proves; anything else leaves it unproven,
     * or stale once the last pass (or the creation, if none ever passed) is older than twice the interval.
     */
    public static ProofStatus afterRun(Outcome outcome, Instant lastPassedAt, Instant createdAt, Instant now,
                                       Duration interval) {
        return switch (outcome) {
            case FAIL -> EXPOSED;
            case PASS -> PROVEN;
            case INCONCLUSIVE -> olderThan(lastPassedAt == null ? createdAt : lastPassedAt, now, interval.multipliedBy(2))
                    ? STALE : UNPROVEN;
        };
    }

    /**
     * The status once time has passed without a run: a proof older than the interval is no longer green, and no pass
     * within twice the interval is stale. An exposed load balancer stays exposed until a run says otherwise.
     */
    public static ProofStatus aged(ProofStatus current, Instant lastPassedAt, Instant createdAt, Instant now,
                                   Duration interval) {
        if (current == EXPOSED || current == STALE) {
            return current;
        }
        if (olderThan(lastPassedAt == null ? createdAt : lastPassedAt, now, interval.multipliedBy(2))) {
            return STALE;
        }
        if (current == PROVEN && olderThan(lastPassedAt, now, interval)) {
            return UNPROVEN;
        }
        return current;
    }

    private static boolean olderThan(Instant at, Instant now, Duration age) {
        return at == null || at.plus(age).isBefore(now);
    }
}
