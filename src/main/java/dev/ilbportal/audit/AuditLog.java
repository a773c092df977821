package dev.ilbportal.audit;

import dev.ilbportal.shared.PortalEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL: appends events to the hash chain and reads them back for pages. Appends run in the
 * caller's transaction and take a transaction-scoped advisory lock first, so concurrent writers (threads or portal
 * instances) queue up and the chain stays one straight line; the lock is released when the caller's transaction ends.
 */
@Service
public class AuditLog {

    /** The advisory lock key that serialises appends ({@code pg_advisory_xact_lock(7352001)}). */
    static final long APPEND_LOCK = 7_352_001L;

    static final String COLUMNS = "sequence, occurred_at, actor_subject, actor_name, actor_roles, action, "
            + "subject_type, subject_id, team, request_id, load_balancer_id, before_json, after_json, details_json, "
            + "previous_hash, hash";

    private static final String INSERT = "insert into audit_event (" + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final RowMapper<AuditEvent> ROWS = AuditLog::event;

    private final JdbcTemplate jdbc;
    private final CanonicalJson json;

    public AuditLog(JdbcTemplate jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new CanonicalJson(mapper);
    }

    /** Appends one event in the caller's transaction; there must be one, or the lock would not hold. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent append(PortalEvent event) {
        return appendAll(List.of(event)).getFirst();
    }

    /**
     * Takes the append lock in the caller's transaction now, ahead of an {@link #appendAll} later in it (held until
     * the transaction ends; taking it again is free).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForAppend() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, APPEND_LOCK);
    }

    /** Appends several events in order, in one batch, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEvent> appendAll(List<? extends PortalEvent> events) {
        return appendPrepared(events.stream().map(this::prepare).toList());
    }

    /**
     * An event written out for the chain, all but its place in it: its fields as they are stored and the part of
     * its canonical form they make. Preparing costs most of an append (the JSON, the escaping), and needs no lock.
     */
    public record Prepared(String actorSubject, String actorName, String actorRoles, String action,
                           String subjectType, String subjectId, String team, String requestId,
                           String loadBalancerId, String beforeJson, String afterJson, String detailsJson,
                           String contentForm) {
    }

    /** Writes an event out for the chain, outside any lock; {@link #appendPrepared} gives it its place. */
    public Prepared prepare(PortalEvent event) {
        var actor = event.actor();
        var subject = event.subject();
        Map<String, Object> details = event.details() == null ? Map.of() : event.details();
        String before = json.write(event.before());
        String after = json.write(event.after());
        String detailsJson = json.write(details);
        return new Prepared(actor.subject(), actor.displayName(), actor.rolesText(), event.action(), subject.type(),
                subject.id(), subject.team(), subject.requestId(), subject.loadBalancerId(), before, after,
                detailsJson, AuditChain.contentForm(actor.subject(), actor.displayName(), actor.rolesText(),
                        event.action(), subject.type(), subject.id(), subject.team(), subject.requestId(),
                        subject.loadBalancerId(), before, after, detailsJson));
    }

    /**
     * Appends prepared events in order, in one batch, in the caller's transaction: takes the append lock, reads the
     * chain's head, and under the lock only numbers, times, hashes and inserts them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEvent> appendPrepared(List<Prepared> events) {
        io.micrometer.core.instrument.Timer.Sample appending = io.micrometer.core.instrument.Timer.start();
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, APPEND_LOCK);
        ChainHead head = head();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String time = AuditEvent.TIME.format(now);
        List<AuditEvent> appended = new ArrayList<>(events.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (Prepared e : events) {
            sequence++;
            String hash = AuditChain.sha256(AuditChain.canonicalForm(sequence, time, e.contentForm(), previous));
            appended.add(new AuditEvent(sequence, now, e.actorSubject(), e.actorName(), e.actorRoles(), e.action(),
                    e.subjectType(), e.subjectId(), e.team(), e.requestId(), e.loadBalancerId(), e.beforeJson(),
                    e.afterJson(), e.detailsJson(), previous, hash));
            previous = hash;
        }
        insert(appended);
        appending.stop(io.micrometer.core.instrument.Timer.builder("portal.audit.append")
                .description("Appending to the audit chain, lock wait included (commit excluded)")
                .register(io.micrometer.core.instrument.Metrics.globalRegistry));
        return appended;
    }

    /**
     * One statement however many events: each column travels as one array and {@code unnest} turns the arrays back
     * into rows. A round that records thousands of verification runs appends thousands of events at once; one
     * insert per row cost as much again as the rows' index entries.
     */
    private void insert(List<AuditEvent> appended) {
        if (appended.size() == 1) {
            AuditEvent e = appended.getFirst();
            jdbc.update(INSERT, e.sequence(), OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC),
                    e.actorSubject(), e.actorName(), e.actorRoles(), e.action(), e.subjectType(), e.subjectId(),
                    e.team(), e.requestId(), e.loadBalancerId(), e.beforeJson(), e.afterJson(), e.detailsJson(),
                    e.previousHash(), e.hash());
            return;
        }
        int size = appended.size();
        Object[] sequences = new Object[size];
        String[][] columns = new String[15][size];
        for (int i = 0; i < size; i++) {
            AuditEvent e = appended.get(i);
            sequences[i] = e.sequence();
            String[] values = {e.time(), e.actorSubject(), e.actorName(), e.actorRoles(), e.action(),
                    e.subjectType(), e.subjectId(), e.team(), e.requestId(), e.loadBalancerId(), e.beforeJson(),
                    e.afterJson(), e.detailsJson(), e.previousHash(), e.hash()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into audit_event (" + COLUMNS + ") select q, "
                    + "t::timestamptz, a1, a2, a3, a4, s1, s2, s3, s4, s5, b, af, d, p, h from unnest(?::bigint[], "
                    + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                    + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                    + "as u(q, t, a1, a2, a3, a4, s1, s2, s3, s4, s5, b, af, d, p, h) order by q");
            statement.setArray(1, connection.createArrayOf("bigint", sequences));
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 2, connection.createArrayOf("text", columns[c]));
            }
            return statement;
        });
    }

    /** The newest event's sequence and hash; {@link ChainHead#EMPTY} before the first event. */
    @Transactional(readOnly = true)
    public ChainHead head() {
        List<ChainHead> heads = jdbc.query("select sequence, hash from audit_event order by sequence desc limit 1",
                (rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)));
        return heads.isEmpty() ? ChainHead.EMPTY : heads.getFirst();
    }

    @Transactional(readOnly = true)
    public Optional<AuditEvent> find(long sequence) {
        return jdbc.query("select " + COLUMNS + " from audit_event where sequence = ?", ROWS, sequence).stream()
                .findFirst();
    }

    /**
     * One page of the filtered log, newest first: the newest page, or the page just older than {@code olderThan},
     * or the page just newer than {@code newerThan}.
     */
    @Transactional(readOnly = true)
    public AuditPage page(AuditFilter filter, Long olderThan, Long newerThan) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        boolean forward = newerThan != null && olderThan == null;
        if (forward) {
            where += " and sequence > ?";
            arguments.add(newerThan);
        } else if (olderThan != null) {
            where += " and sequence < ?";
            arguments.add(olderThan);
        }
        arguments.add(AuditPage.SIZE + 1);
        List<AuditEvent> rows = new ArrayList<>(jdbc.query("select " + COLUMNS + " from audit_event " + where
                + " order by sequence " + (forward ? "asc" : "desc") + " limit ?", ROWS, arguments.toArray()));
        boolean more = rows.size() > AuditPage.SIZE;
        if (more) {
            rows.removeLast();
        }
        if (forward) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new AuditPage(List.of(), null, null);
        }
        Long newest = rows.getFirst().sequence();
        Long oldest = rows.getLast().sequence();
        boolean hasNewer = forward ? more : olderThan != null;
        boolean hasOlder = forward || more;
        return new AuditPage(rows, hasNewer ? newest : null, hasOlder ? oldest : null);
    }

    /** A load balancer's timeline, oldest first, {@link AuditPage#SIZE} events after {@code after}. */
    @Transactional(readOnly = true)
    public AuditPage timeline(String loadBalancerId, Long after) {
        List<Object> arguments = new ArrayList<>();
        String where = AuditFilter.loadBalancer(loadBalancerId).where(arguments);
        if (after != null) {
            where += " and sequence > ?";
            arguments.add(after);
        }
        arguments.add(AuditPage.SIZE + 1);
        List<AuditEvent> rows = new ArrayList<>(jdbc.query("select " + COLUMNS + " from audit_event " + where
                + " order by sequence asc limit ?", ROWS, arguments.toArray()));
        boolean more = rows.size() > AuditPage.SIZE;
        if (more) {
            rows.removeLast();
        }
        Long last = more ? rows.getLast().sequence() : null;
        return new AuditPage(rows, last, null);
    }

    static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("sequence"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor_subject"),
                rs.getString("actor_name"), rs.getString("actor_roles"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("team"),
                rs.getString("request_id"), rs.getString("load_balancer_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("details_json"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
