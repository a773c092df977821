package dev.ilbportal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an auditor attests: of the load balancers in service, how many were proven internal within the last
 * {@code portal.audit.attestation-interval}, by team and region; which were not (exposed, unproven, stale) and since
 * when; and how many minutes each was exposed in a chosen period. Read from the audit trail's verification verdicts
 * (PASS, FAIL, INCONCLUSIVE) and drift and recovery events, so it needs no other module's tables.
 */
@Service
public class Attestation {

    /** Where a load balancer stands. */
    public enum Status { PROVEN, EXPOSED, UNPROVEN, STALE }

    /** One load balancer in service; {@code since} is when it entered its status. */
    public record Standing(String loadBalancerId, String team, String region, Status status, Instant since,
                           Instant lastProof, long exposureMinutes) {
    }

    /** Proven among all, for one team and region. */
    public record Share(String team, String region, int proven, int total) {

        public int percent() {
            return total == 0 ? 0 : Math.round(100f * proven / total);
        }
    }

    public record Report(Instant at, Duration interval, Instant from, Instant to, List<Share> shares,
                         List<Standing> notProven, List<Standing> all) {

        public int proven() {
            return shares.stream().mapToInt(Share::proven).sum();
        }

        public int total() {
            return shares.stream().mapToInt(Share::total).sum();
        }
    }

    private static final List<String> ACTIONS = List.of("provisioning.load-balancer-provisioned",
            "verification.completed", "verification.drifted", "verification.recovered",
            "provisioning.load-balancer-decommissioned");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration interval;

    public Attestation(JdbcTemplate jdbc, JsonMapper json, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.interval = properties.attestationInterval();
    }

    private static final class Tracker {
        String team;
        String region;
        boolean decommissioned;
        Instant provisionedAt;
        Instant lastPass;
        Instant lastVerdictAt;
        String lastVerdict;
        Instant badSince;
        Instant exposedSince;
        final List<Instant[]> exposures = new ArrayList<>();
    }

    /** The report now, with exposure minutes counted between {@code from} and {@code to} (null: the last 30 days). */
    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to) {
        Instant now = clock.instant();
        Instant until = to == null ? now : to;
        Instant since = from == null ? until.minus(Duration.ofDays(30)) : from;
        Map<String, Tracker> trackers = new LinkedHashMap<>();
        jdbc.query("select load_balancer_id, team, action, occurred_at, after_json from audit_event"
                + " where action = any(?) and load_balancer_id is not null order by sequence", rs -> {
            Tracker t = trackers.computeIfAbsent(rs.getString(1), id -> new Tracker());
            if (rs.getString(2) != null) {
                t.team = rs.getString(2);
            }
            Instant at = rs.getObject(4, OffsetDateTime.class).toInstant();
            JsonNode after = rs.getString(5) == null ? json.missingNode() : json.readTree(rs.getString(5));
            switch (rs.getString(3)) {
                case "provisioning.load-balancer-provisioned" -> {
                    t.provisionedAt = at;
                    t.region = after.path("region").asString(t.region);
                }
                case "verification.completed" -> {
                    String verdict = after.path("outcome").asString("INCONCLUSIVE");
                    if (!verdict.equals(t.lastVerdict)) {
                        t.badSince = at;
                    }
                    t.lastVerdict = verdict;
                    t.lastVerdictAt = at;
                    if (verdict.equals("PASS")) {
                        t.lastPass = at;
                    }
                }
                case "verification.drifted" -> {
                    if (t.exposedSince == null) {
                        t.exposedSince = at;
                    }
                }
                case "verification.recovered" -> {
                    if (t.exposedSince != null) {
                        t.exposures.add(new Instant[] {t.exposedSince, at});
                        t.exposedSince = null;
                    }
                }
                case "provisioning.load-balancer-decommissioned" -> t.decommissioned = true;
                default -> { }
            }
        }, (Object) ACTIONS.toArray(String[]::new));

        List<Standing> all = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        trackers.forEach((id, t) -> {
            if (t.decommissioned || t.provisionedAt == null) {
                return;
            }
            Status status;
            Instant statusSince;
            if (t.exposedSince != null || "FAIL".equals(t.lastVerdict)) {
                status = Status.EXPOSED;
                statusSince = t.exposedSince != null ? t.exposedSince : t.badSince;
            } else if ("PASS".equals(t.lastVerdict) && t.lastPass.isAfter(now.minus(interval))) {
                status = Status.PROVEN;
                statusSince = t.lastPass;
            } else if ("PASS".equals(t.lastVerdict)) {
                status = Status.STALE;
                statusSince = t.lastPass.plus(interval);
            } else {
                status = Status.UNPROVEN;
                statusSince = t.lastVerdict == null ? t.provisionedAt : t.badSince;
            }
            long minutes = 0;
            List<Instant[]> periods = new ArrayList<>(t.exposures);
            if (t.exposedSince != null) {
                periods.add(new Instant[] {t.exposedSince, now});
            }
            for (Instant[] period : periods) {
                Instant start = period[0].isAfter(since) ? period[0] : since;
                Instant end = period[1].isBefore(until) ? period[1] : until;
                if (end.isAfter(start)) {
                    minutes += Duration.between(start, end).toMinutes();
                }
            }
            all.add(new Standing(id, t.team, t.region, status, statusSince, t.lastPass, minutes));
            int[] count = counts.computeIfAbsent(t.team + "\u0000" + t.region, k -> new int[2]);
            count[1]++;
            if (status == Status.PROVEN) {
                count[0]++;
            }
        });
        List<Share> shares = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000", -1);
            shares.add(new Share(parts[0], parts[1], count[0], count[1]));
        });
        all.sort(Comparator.comparing(Standing::team, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Standing::loadBalancerId));
        List<Standing> notProven = all.stream().filter(s -> s.status() != Status.PROVEN)
                .sorted(Comparator.comparing(Standing::since, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new Report(now, interval, since, until, shares, notProven, all);
    }
}
