package dev.ilbportal.audit;

import dev.ilbportal.verification.ProofStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
 * What an auditor attests: of the load balancers in service, how many are {@link ProofStatus#PROVEN} (a pass within
 * verification's interval), by team and region; which are not (exposed, unproven, stale) and since when; and how many
 * minutes each was {@link ProofStatus#EXPOSED} in a chosen period. Read from the audit trail alone (provisioning,
 * decommissioning, verification runs and verification's proof-status changes), so it needs no other module's tables
 * and shows what the trail proves.
 */
@Service
public class Attestation {

    /**
     * One load balancer in service; {@code since} is when it entered its proof status, {@code lastProof} its last
     * passing run. Times are whole seconds, as the page and the CSV show them.
     */
    public record Standing(String loadBalancerId, String name, String team, String region, ProofStatus status,
                           Instant since, Instant lastProof, long exposureMinutes) {
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

    static final String PROVISIONED = "provisioning.load-balancer-provisioned";
    static final String DECOMMISSIONED = "provisioning.load-balancer-decommissioned";
    static final String RUN_COMPLETED = "verification.completed";
    static final String PROOF_STATUS_CHANGED = "verification.proof-status-changed";
    /** What verification recorded before proof statuses existed; still read so old trails attest the same. */
    static final String LEGACY_DRIFTED = "verification.drifted";
    static final String LEGACY_RECOVERED = "verification.recovered";

    private static final List<String> ACTIONS = List.of(PROVISIONED, DECOMMISSIONED, RUN_COMPLETED,
            PROOF_STATUS_CHANGED, LEGACY_DRIFTED, LEGACY_RECOVERED);

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

    /** One load balancer's story as the trail tells it, oldest event first. */
    private static final class Tracker {
        String name;
        String team;
        String region;
        boolean decommissioned;
        Instant provisionedAt;
        ProofStatus status = ProofStatus.UNPROVEN;
        Instant statusSince;
        Instant lastProof;
        Instant exposedSince;
        final List<Instant[]> exposures = new ArrayList<>();

        void moveTo(ProofStatus next, Instant at) {
            if (next == ProofStatus.EXPOSED && exposedSince == null) {
                exposedSince = at;
            } else if (next != ProofStatus.EXPOSED && exposedSince != null) {
                exposures.add(new Instant[] {exposedSince, at});
                exposedSince = null;
            }
            if (next != status || statusSince == null) {
                status = next;
                statusSince = at;
            }
        }

        /** Exposed time inside [from, until]; an exposure still open runs until {@code now}. */
        long exposureMinutes(Instant from, Instant until, Instant now) {
            List<Instant[]> periods = new ArrayList<>(exposures);
            if (exposedSince != null) {
                periods.add(new Instant[] {exposedSince, now});
            }
            Duration exposed = Duration.ZERO;
            for (Instant[] period : periods) {
                Instant start = period[0].isAfter(from) ? period[0] : from;
                Instant end = period[1].isBefore(until) ? period[1] : until;
                if (end.isAfter(start)) {
                    exposed = exposed.plus(Duration.between(start, end));
                }
            }
            return exposed.toMinutes();
        }
    }

    /** The report now, with exposure minutes counted between {@code from} and {@code to} (null: the last 30 days). */
    @Transactional(readOnly = true)
    public Report report(Instant from, Instant to) {
        Instant now = clock.instant();
        Instant until = to == null ? now : to;
        Instant since = from == null ? until.minus(Duration.ofDays(30)) : from;
        Map<String, Tracker> trackers = new LinkedHashMap<>();
        jdbc.query("select load_balancer_id, team, action, occurred_at, after_json, details_json from audit_event"
                + " where action = any(?) and load_balancer_id is not null order by sequence", rs -> {
            Tracker t = trackers.computeIfAbsent(rs.getString(1), id -> new Tracker());
            if (rs.getString(2) != null) {
                t.team = rs.getString(2);
            }
            Instant at = rs.getObject(4, OffsetDateTime.class).toInstant();
            JsonNode after = tree(rs.getString(5));
            JsonNode details = tree(rs.getString(6));
            String name = details.path("name").asString(after.path("name").asString(null));
            if (name != null && !name.isBlank()) {
                t.name = name;
            }
            switch (rs.getString(3)) {
                case PROVISIONED -> {
                    t.provisionedAt = at;
                    t.region = after.path("region").asString(t.region);
                    if (t.statusSince == null) {
                        t.statusSince = at;
                    }
                }
                case RUN_COMPLETED -> {
                    if ("PASS".equals(after.path("outcome").asString(""))) {
                        t.lastProof = at;
                    }
                }
                case PROOF_STATUS_CHANGED -> proofStatus(after.path("proof_status").asString(""))
                        .ifPresent(status -> t.moveTo(status, at));
                case LEGACY_DRIFTED -> t.moveTo(ProofStatus.EXPOSED, at);
                case LEGACY_RECOVERED -> t.moveTo(ProofStatus.PROVEN, at);
                case DECOMMISSIONED -> t.decommissioned = true;
                default -> { }
            }
        }, (Object) ACTIONS.toArray(String[]::new));

        List<Standing> all = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        trackers.forEach((id, t) -> {
            if (t.decommissioned || t.provisionedAt == null) {
                return;
            }
            all.add(new Standing(id, t.name == null ? id : t.name, t.team, t.region, t.status, seconds(t.statusSince),
                    seconds(t.lastProof), t.exposureMinutes(since, until, now)));
            int[] count = counts.computeIfAbsent(t.team + "\u0000" + t.region, k -> new int[2]);
            count[1]++;
            if (t.status == ProofStatus.PROVEN) {
                count[0]++;
            }
        });
        List<Share> shares = new ArrayList<>();
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000", -1);
            shares.add(new Share(parts[0], parts[1], count[0], count[1]));
        });
        all.sort(Comparator.comparing(Standing::team, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Standing::name).thenComparing(Standing::loadBalancerId));
        List<Standing> notProven = all.stream().filter(s -> s.status() != ProofStatus.PROVEN)
                .sorted(Comparator.comparing(Standing::since, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new Report(seconds(now), interval, seconds(since), seconds(until), shares, notProven, all);
    }

    private static Instant seconds(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }

    private JsonNode tree(String text) {
        return text == null ? json.missingNode() : json.readTree(text);
    }

    private static java.util.Optional<ProofStatus> proofStatus(String name) {
        try {
            return java.util.Optional.of(ProofStatus.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return java.util.Optional.empty();
        }
    }
}
