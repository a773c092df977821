package dev.ilbportal.verification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import dev.ilbportal.verification.CheckName;
import dev.ilbportal.verification.CheckResult;
import dev.ilbportal.verification.Outcome;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.VerificationRun;

/** The stored runs and their checks. */
@Repository
public class VerificationRuns {

    /** Counts of outcomes over a stretch of runs, for the history chart. */
    public record Tally(Instant startedAt, Outcome outcome) {
    }

    private final JdbcTemplate jdbc;

    VerificationRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Saves several runs with their checks in two statements, however many there are: each column travels as one
     * array and {@code unnest} turns the arrays back into rows (the checks in their order, so their ids keep it).
     */
    public void saveAll(List<VerificationRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        int size = runs.size();
        Object[] ids = new Object[size];
        Object[] loadBalancers = new Object[size];
        String[] triggers = new String[size];
        String[] outcomes = new String[size];
        String[] started = new String[size];
        String[] finished = new String[size];
        String[] requestedBy = new String[size];
        List<Object> checkRuns = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        List<String> checkOutcomes = new java.util.ArrayList<>();
        List<String> targets = new java.util.ArrayList<>();
        List<String> vantages = new java.util.ArrayList<>();
        List<String> details = new java.util.ArrayList<>();
        List<Long> durations = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            VerificationRun run = runs.get(i);
            ids[i] = run.id();
            loadBalancers[i] = run.loadBalancerId();
            triggers[i] = run.trigger().name();
            outcomes[i] = run.outcome().name();
            started[i] = run.startedAt().toString();
            finished[i] = run.finishedAt().toString();
            requestedBy[i] = run.requestedBy();
            for (CheckResult check : run.checks()) {
                checkRuns.add(run.id());
                names.add(check.check().name());
                checkOutcomes.add(check.outcome().name());
                targets.add(check.target());
                vantages.add(check.vantage());
                details.add(check.detail());
                durations.add(check.durationMillis());
            }
        }
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into verification_run (id, load_balancer_id, trigger, "
                    + "outcome, started_at, finished_at, requested_by) select id, lb, t, o, s::timestamptz, "
                    + "f::timestamptz, r from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], "
                    + "?::text[], ?::text[]) as u(id, lb, t, o, s, f, r)");
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("uuid", loadBalancers));
            insert.setArray(3, connection.createArrayOf("text", triggers));
            insert.setArray(4, connection.createArrayOf("text", outcomes));
            insert.setArray(5, connection.createArrayOf("text", started));
            insert.setArray(6, connection.createArrayOf("text", finished));
            insert.setArray(7, connection.createArrayOf("text", requestedBy));
            return insert;
        });
        if (checkRuns.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into verification_check (run_id, check_name, outcome, "
                    + "target, vantage, detail, duration_ms) select r, c, o, t, v, d, ms from unnest(?::uuid[], "
                    + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) with ordinality "
                    + "as u(r, c, o, t, v, d, ms, n) order by n");
            insert.setArray(1, connection.createArrayOf("uuid", checkRuns.toArray()));
            insert.setArray(2, connection.createArrayOf("text", names.toArray()));
            insert.setArray(3, connection.createArrayOf("text", checkOutcomes.toArray()));
            insert.setArray(4, connection.createArrayOf("text", targets.toArray()));
            insert.setArray(5, connection.createArrayOf("text", vantages.toArray()));
            insert.setArray(6, connection.createArrayOf("text", details.toArray()));
            insert.setArray(7, connection.createArrayOf("bigint", durations.toArray()));
            return insert;
        });
    }

    public void save(VerificationRun run) {
        jdbc.update("insert into verification_run (id, load_balancer_id, trigger, outcome, started_at, finished_at, "
                        + "requested_by) values (?, ?, ?, ?, ?, ?, ?)", run.id(), run.loadBalancerId(),
                run.trigger().name(), run.outcome().name(), Timestamp.from(run.startedAt()),
                Timestamp.from(run.finishedAt()), run.requestedBy());
        jdbc.batchUpdate("insert into verification_check (run_id, check_name, outcome, target, vantage, detail, "
                        + "duration_ms) values (?, ?, ?, ?, ?, ?, ?)", run.checks(), 100, (ps, check) -> {
                    ps.setObject(1, run.id());
                    ps.setString(2, check.check().name());
                    ps.setString(3, check.outcome().name());
                    ps.setString(4, check.target());
                    ps.setString(5, check.vantage());
                    ps.setString(6, check.detail());
                    ps.setLong(7, check.durationMillis());
                });
    }

    /** When the newest "Verify now" of this load balancer started, if there was one. */
    public Optional<Instant> lastOnDemandStart(UUID loadBalancerId) {
        return jdbc.query("select started_at from verification_run where load_balancer_id = ? and trigger = ? "
                        + "order by started_at desc limit 1",
                (rs, i) -> rs.getTimestamp(1).toInstant(), loadBalancerId,
                dev.ilbportal.verification.Trigger.ON_DEMAND.name()).stream().findFirst();
    }

    /** The outcome of the newest run before this one, if any. */
    public Optional<Outcome> latestOutcome(UUID loadBalancerId) {
        return jdbc.query("select outcome from verification_run where load_balancer_id = ? order by started_at desc "
                        + "limit 1", (rs, i) -> Outcome.valueOf(rs.getString(1)), loadBalancerId)
                .stream().findFirst();
    }

    /** One page of a load balancer's runs, newest first, with their checks. */
    public List<VerificationRun> page(UUID loadBalancerId, int page, int size) {
        List<VerificationRun> runs = jdbc.query("select id, trigger, outcome, started_at, finished_at, requested_by "
                        + "from verification_run where load_balancer_id = ? order by started_at desc limit ? offset ?",
                (rs, i) -> new VerificationRun(rs.getObject("id", UUID.class), loadBalancerId,
                        Trigger.valueOf(rs.getString("trigger")), Outcome.valueOf(rs.getString("outcome")),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("requested_by"), List.of()),
                loadBalancerId, size, (long) page * size);
        return runs.stream().map(run -> new VerificationRun(run.id(), run.loadBalancerId(), run.trigger(), run.outcome(),
                run.startedAt(), run.finishedAt(), run.requestedBy(), checksOf(run.id()))).toList();
    }

    public long count(UUID loadBalancerId) {
        Long count = jdbc.queryForObject("select count(*) from verification_run where load_balancer_id = ?",
                Long.class, loadBalancerId);
        return count == null ? 0 : count;
    }

    /** The newest runs' outcomes, oldest first, for the chart. */
    public List<Tally> recentOutcomes(UUID loadBalancerId, int limit) {
        List<Tally> newestFirst = jdbc.query("select started_at, outcome from verification_run "
                        + "where load_balancer_id = ? order by started_at desc limit ?",
                (rs, i) -> new Tally(rs.getTimestamp(1).toInstant(), Outcome.valueOf(rs.getString(2))),
                loadBalancerId, limit);
        return newestFirst.reversed();
    }

    /** Every run of a load balancer, oldest first, with its checks: two queries however many runs there are. */
    public List<VerificationRun> history(UUID loadBalancerId) {
        java.util.Map<UUID, List<CheckResult>> checks = new java.util.HashMap<>();
        jdbc.query("select c.run_id, c.check_name, c.outcome, c.target, c.vantage, c.detail, c.duration_ms "
                        + "from verification_check c join verification_run r on r.id = c.run_id "
                        + "where r.load_balancer_id = ? order by c.id",
                rs -> {
                    checks.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
                            .add(new CheckResult(CheckName.valueOf(rs.getString(2)), Outcome.valueOf(rs.getString(3)),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7)));
                }, loadBalancerId);
        return jdbc.query("select id, trigger, outcome, started_at, finished_at, requested_by "
                        + "from verification_run where load_balancer_id = ? order by started_at, id",
                (rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new VerificationRun(id, loadBalancerId, Trigger.valueOf(rs.getString("trigger")),
                            Outcome.valueOf(rs.getString("outcome")), rs.getTimestamp("started_at").toInstant(),
                            rs.getTimestamp("finished_at").toInstant(), rs.getString("requested_by"),
                            List.copyOf(checks.getOrDefault(id, List.of())));
                }, loadBalancerId);
    }

    private List<CheckResult> checksOf(UUID runId) {
        return jdbc.query("select check_name, outcome, target, vantage, detail, duration_ms from verification_check "
                        + "where run_id = ? order by id",
                (rs, i) -> new CheckResult(CheckName.valueOf(rs.getString(1)), Outcome.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)), runId);
    }
}
