package dev.ilbportal.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import dev.ilbportal.provisioning.InventoryVerificationState;

/**
 * The scheduled round, once per cluster: every instance wakes up each minute, but only the one that takes the
 * advisory lock and finds the round due records it and runs it.
 */
@Component
class VerificationSchedule {

    private static final Logger log = LoggerFactory.getLogger(VerificationSchedule.class);
    private static final long LOCK_KEY = 0x494C4256L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Verifier verifier;
    private final InventoryVerificationState inventory;
    private final VerificationProperties properties;
    private final Clock clock;

    VerificationSchedule(JdbcTemplate jdbc, TransactionTemplate transactions, Verifier verifier,
                         InventoryVerificationState inventory, VerificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.verifier = verifier;
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.verification.schedule-check:1m}",
            initialDelayString = "${portal.verification.schedule-initial-delay:1m}")
    void runIfDue() {
        if (claimRound()) {
            int verified = verifier.verifyAll(inventory.verifiable(), Trigger.SCHEDULE);
            log.info("Scheduled verification round verified {} load balancer(s)", verified);
        }
    }

    /** True for exactly one instance per interval. */
    boolean claimRound() {
        Boolean claimed = transactions.execute(tx -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            Instant now = clock.instant();
            Timestamp last = jdbc.queryForObject("select last_run_at from verification_schedule where id = 1",
                    Timestamp.class);
            if (last != null && last.toInstant().plus(properties.interval()).isAfter(now)) {
                return false;
            }
            jdbc.update("update verification_schedule set last_run_at = ? where id = 1", Timestamp.from(now));
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }
}
