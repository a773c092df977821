package dev.ilbportal.verification.internal;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.VerificationProperties;
import dev.ilbportal.verification.Verifier;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled work, once per cluster: every instance wakes up often, but only the one that takes the advisory lock
 * and finds the work due does it. The full round (network probes) starts every {@code interval} less a tenth, so a
 * healthy proof never ages out; the watch compares Civo's side of the fleet with fresh region snapshots every
 * {@code config-interval} and then ages the proofs. Neither holds a database connection while it calls Civo.
 */
@Component
public class VerificationSchedule {

    private static final Logger log = LoggerFactory.getLogger(VerificationSchedule.class);
    private static final long ROUND_LOCK = 0x494C4256L;
    private static final long WATCH_LOCK = 0x494C4257L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Verifier verifier;
    private final InventoryVerificationState inventory;
    private final VerificationProperties properties;
    private final Clock clock;
    private final CivoClient civo;
    /** The last load balancer list per region, reused by every other tick of the watch to halve its Civo calls. */
    private final Map<String, RegionSnapshot> lastLoadBalancers = new HashMap<>();
    private long watchTicks;

    VerificationSchedule(JdbcTemplate jdbc, TransactionTemplate transactions, Verifier verifier,
                         InventoryVerificationState inventory, VerificationProperties properties, Clock clock,
                         CivoClient civo) {
        this.civo = civo;
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
            Verifier.RoundReport report = verifier.verifyRound(inventory.verifiable(), Trigger.SCHEDULE);
            log.info("Scheduled verification round: {} load balancer(s) in {} region(s), {} Civo call(s), {}",
                    report.loadBalancers(), report.regions(), report.civoCalls(), report.outcomes());
        }
    }

    @Scheduled(fixedDelayString = "${portal.verification.config-interval:1m}",
            initialDelayString = "${portal.verification.schedule-initial-delay:1m}")
    public void watchIfDue() {
        if (claim(WATCH_LOCK, "last_watch_at", properties.configInterval().minus(properties.configInterval()
                .dividedBy(10)))) {
            watch();
        }
    }

    /** One tick of the watch: Civo's side of every active load balancer against fresh snapshots, then the ageing. */
    public synchronized WatchReport watch() {
        List<InternalLoadBalancer> fleet = inventory.verifiable();
        Map<String, RegionSnapshot> snapshots = new HashMap<>();
        int calls = 0;
        boolean readLoadBalancers = watchTicks++ % 2 == 0;
        for (String region : fleet.stream().map(InternalLoadBalancer::region).distinct().toList()) {
            RegionSnapshot fresh = readLoadBalancers || !lastLoadBalancers.containsKey(region)
                    ? RegionSnapshot.read(civo, region)
                    : RegionSnapshot.withFirewalls(civo, lastLoadBalancers.get(region));
            calls += fresh.calls();
            if (fresh.answered()) {
                lastLoadBalancers.put(region, fresh);
            }
            snapshots.put(region, fresh);
        }
        int exposed = verifier.watch(fleet, snapshots);
        // the same read of the fleet: a proof the watch has just moved is moved again only from what it was read as,
        // so a stale row here changes nothing (moveProofStatus compares and sets)
        int aged = verifier.ageProofs(fleet);
        if (exposed > 0 || aged > 0) {
            log.info("Watch: {} load balancer(s) newly exposed, {} proof(s) aged, {} Civo call(s)", exposed, aged,
                    calls);
        }
        return new WatchReport(fleet.size(), snapshots.size(), calls, exposed, aged);
    }

    /** What one tick of the watch cost and found. */
    public record WatchReport(int loadBalancers, int regions, int civoCalls, int newlyExposed, int aged) {
    }

    /** True for exactly one instance per round period. */
    public boolean claimRound() {
        return claim(ROUND_LOCK, "last_run_at", properties.roundPeriod());
    }

    private boolean claim(long lock, String column, Duration period) {
        Boolean claimed = transactions.execute(tx -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, lock);
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            Instant now = clock.instant();
            Timestamp last = jdbc.queryForObject("select " + column + " from verification_schedule where id = 1",
                    Timestamp.class);
            if (last != null && last.toInstant().plus(period).isAfter(now)) {
                return false;
            }
            jdbc.update("update verification_schedule set " + column + " = ? where id = 1", Timestamp.from(now));
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }

}
