package dev.ilbportal.audit;

import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.requests.SubmittedPlan;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.verification.CheckResult;
import dev.ilbportal.verification.VerificationHistory;
import dev.ilbportal.verification.VerificationRun;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One load balancer's evidence, for an auditor to carry away: its request and revisions, the approved plan (every
 * planned Civo call, with the exact text its hash was computed over), the decisions, each provisioning step with
 * Civo's ids, every verification run with each check, target and vantage point, the exposure and recovery periods,
 * the decommissioning, and every audit event as stored, with the chain segment that links them to a signed
 * checkpoint. The story is read from the audit trail; the plan's text from the requests module and the checks from
 * verification's record, each bound to the trail (the plan by the hash the approval recorded, a run by its
 * {@code verification.completed} event). The pack is canonical JSON signed with the checkpoint key;
 * {@code docs/verify-evidence-pack.py} checks it offline (docs/audit-integrity.md "Evidence pack").
 */
@Service
public class EvidencePacks {

    public static final String FORMAT = "ilb-portal evidence pack v1";

    /** The signed pack: the bytes to download and what they were built from. */
    public record Signed(String loadBalancerId, byte[] json, Checkpoint checkpoint, int events) {
    }

    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final RequestLookup requests;
    private final VerificationHistory verifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate readWrite;
    private final CanonicalJson canonical;
    private final JsonMapper json;
    private final Clock clock;

    public EvidencePacks(JdbcTemplate jdbc, Checkpoints checkpoints, RequestLookup requests,
                         VerificationHistory verifications, ApplicationEventPublisher events,
                         PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.requests = requests;
        this.verifications = verifications;
        this.events = events;
        this.readWrite = new TransactionTemplate(transactions);
        this.canonical = new CanonicalJson(json);
        this.json = json;
        this.clock = clock;
    }

    /** Records the download by {@code actor}, signs a checkpoint that covers it, and builds the signed pack. */
    public Optional<Signed> download(Actor actor, String loadBalancerId) {
        List<AuditEvent> trail = timeline(loadBalancerId);
        if (trail.isEmpty()) {
            return Optional.empty();
        }
        AuditEvent named = trail.stream().filter(e -> loadBalancerId.equals(e.loadBalancerId())).findFirst()
                .orElse(trail.getFirst());
        readWrite.executeWithoutResult(status -> events.publishEvent(new EvidencePackDownloaded(actor,
                loadBalancerId, named.requestId(), named.team())));
        Checkpoint checkpoint = checkpoints.write();
        return Optional.of(build(actor, loadBalancerId, timeline(loadBalancerId), checkpoint));
    }

    private List<AuditEvent> timeline(String loadBalancerId) {
        List<Object> arguments = new ArrayList<>();
        String where = AuditFilter.loadBalancer(loadBalancerId).where(arguments);
        return jdbc.query("select " + AuditLog.COLUMNS + " from audit_event " + where + " order by sequence",
                AuditLog.ROWS, arguments.toArray());
    }

    Signed build(Actor actor, String loadBalancerId, List<AuditEvent> trail, Checkpoint checkpoint) {
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("format", FORMAT);
        pack.put("load_balancer_id", loadBalancerId);
        pack.put("generated_at", AuditEvent.TIME.format(clock.instant()));
        pack.put("generated_by", Map.of("subject", actor.subject(), "name", actor.displayName()));
        pack.put("key_id", checkpoints.keyId());
        pack.put("public_key", checkpoints.publicKeyPem());

        List<Object> request = new ArrayList<>();
        List<Object> decisions = new ArrayList<>();
        List<Object> provisioning = new ArrayList<>();
        List<Object> verification = new ArrayList<>();
        List<Object> decommissioning = new ArrayList<>();
        List<Object> downloads = new ArrayList<>();
        Map<String, Object> approvedPlan = null;
        List<Map<String, Object>> exposure = new ArrayList<>();
        Instant exposedSince = null;
        Map<String, Object> civo = new LinkedHashMap<>();
        for (AuditEvent event : trail) {
            Map<String, Object> entry = entry(event);
            String action = event.action();
            switch (EventStage.of(action)) {
                case REQUEST -> request.add(entry);
                case DECISION -> {
                    decisions.add(entry);
                    if (action.equals("request.approved")) {
                        JsonNode after = tree(event.afterJson());
                        approvedPlan = new LinkedHashMap<>();
                        approvedPlan.put("revision", after.path("revision").isMissingNode() ? null
                                : after.path("revision").asInt());
                        approvedPlan.put("plan_hash", after.path("plan_hash").asString(null));
                        approvedPlan.put("approved_by", event.actorName());
                        approvedPlan.put("approved_at", event.time());
                        approvedPlan.put("sequence", event.sequence());
                        putPlan(approvedPlan, event.requestId(), after.path("revision").asInt(0));
                    }
                }
                case BUILD -> {
                    provisioning.add(entry);
                    JsonNode after = tree(event.afterJson());
                    for (String id : new String[] {"civo_id", "firewall_id", "private_ip", "public_ip", "region"}) {
                        if (after.hasNonNull(id)) {
                            civo.put(id, after.get(id).asString());
                        }
                    }
                }
                case VERIFICATION -> verification.add(entry);
                case EXPOSURE -> {
                    verification.add(entry);
                    if (action.equals("verification.drifted") && exposedSince == null) {
                        exposedSince = event.occurredAt();
                    } else if (action.equals("verification.recovered") && exposedSince != null) {
                        exposure.add(period(exposedSince, event.occurredAt(), false));
                        exposedSince = null;
                    }
                }
                case DECOMMISSION -> decommissioning.add(entry);
                default -> downloads.add(entry);
            }
        }
        if (exposedSince != null) {
            exposure.add(period(exposedSince, checkpoint.time(), true));
        }
        Map<String, Object> requestPart = new LinkedHashMap<>();
        requestPart.put("request_id", trail.stream().map(AuditEvent::requestId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null));
        requestPart.put("events", request);
        pack.put("request", requestPart);
        pack.put("approved_plan", approvedPlan);
        pack.put("decisions", decisions);
        pack.put("civo", civo);
        pack.put("provisioning", provisioning);
        pack.put("verification", verification);
        pack.put("verification_runs", runs(loadBalancerId, trail));
        pack.put("exposure_periods", exposure);
        pack.put("decommissioning", decommissioning);
        pack.put("audit_reads", downloads);
        pack.put("events", trail.stream().map(EvidencePacks::row).toList());
        pack.put("chain_segment", segment(trail.getFirst().sequence(), checkpoint.sequence()));
        pack.put("checkpoint", Map.of("sequence", checkpoint.sequence(), "hash", checkpoint.hash(),
                "time", checkpoint.timeText(), "key_id", checkpoint.keyId(), "signature", checkpoint.signature(),
                "signed_text", checkpoint.signedText()));

        String packJson = canonical.write(pack);
        String signature = checkpoints.sign(packJson.getBytes(StandardCharsets.UTF_8));
        String document = "{\"key_id\":" + CanonicalJson.string(checkpoints.keyId()) + ",\"pack\":" + packJson
                + ",\"signature\":" + CanonicalJson.string(signature) + "}\n";
        return new Signed(loadBalancerId, document.getBytes(StandardCharsets.UTF_8), checkpoint, trail.size());
    }

    /**
     * The approved revision's plan: {@code plan_json} is the exact text whose SHA-256 is {@code plan_hash} (recorded
     * by the approval in the trail), {@code plan} the same, parsed, for reading. Left out when the request is unknown.
     */
    private void putPlan(Map<String, Object> approvedPlan, String requestId, int revision) {
        Optional<SubmittedPlan> plan = uuid(requestId).flatMap(id -> requests.planOf(id, revision));
        approvedPlan.put("plan_json", plan.map(SubmittedPlan::json).orElse(null));
        approvedPlan.put("plan", plan.map(p -> (Object) json.readTree(p.json())).orElse(null));
    }

    /**
     * Every verification run with its checks, oldest first. Each names the sequence of its {@code
     * verification.completed} event, which carries the run's id and outcome in the trail.
     */
    private List<Object> runs(String loadBalancerId, List<AuditEvent> trail) {
        Map<String, Long> completedAt = new LinkedHashMap<>();
        for (AuditEvent event : trail) {
            if (event.action().equals("verification.completed")) {
                JsonNode run = tree(event.detailsJson()).path("run");
                if (run.isString()) {
                    completedAt.put(run.asString(), event.sequence());
                }
            }
        }
        List<Object> runs = new ArrayList<>();
        for (VerificationRun run : uuid(loadBalancerId).map(verifications::everyRunOf).orElse(List.of())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run_id", run.id().toString());
            entry.put("audit_sequence", completedAt.get(run.id().toString()));
            entry.put("trigger", run.trigger().name());
            entry.put("outcome", run.outcome().name());
            entry.put("started_at", AuditEvent.TIME.format(run.startedAt()));
            entry.put("finished_at", AuditEvent.TIME.format(run.finishedAt()));
            entry.put("requested_by", run.requestedBy());
            List<Object> checks = new ArrayList<>();
            for (CheckResult check : run.checks()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("check", check.check().name());
                c.put("title", check.check().title());
                c.put("outcome", check.outcome().name());
                c.put("target", check.target());
                c.put("vantage", check.vantage());
                c.put("detail", check.detail());
                c.put("duration_ms", check.durationMillis());
                checks.add(c);
            }
            entry.put("checks", checks);
            runs.add(entry);
        }
        return runs;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Every link from the first event of the pack to the checkpoint: sequence, previous hash, hash. */
    private List<List<Object>> segment(long from, long to) {
        return jdbc.query("select sequence, previous_hash, hash from audit_event where sequence between ? and ?"
                        + " order by sequence", (rs, n) -> List.<Object>of(rs.getLong(1), rs.getString(2),
                        rs.getString(3)), from, to);
    }

    private Map<String, Object> period(Instant from, Instant to, boolean open) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("exposed_from", AuditEvent.TIME.format(from));
        period.put(open ? "still_exposed_at" : "recovered_at", AuditEvent.TIME.format(to));
        period.put("minutes", Duration.between(from, to).toMinutes());
        return period;
    }

    private Map<String, Object> entry(AuditEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sequence", event.sequence());
        entry.put("time", event.time());
        entry.put("actor", event.actorName());
        entry.put("action", event.action());
        entry.put("before", event.beforeJson() == null ? null : tree(event.beforeJson()));
        entry.put("after", event.afterJson() == null ? null : tree(event.afterJson()));
        entry.put("details", tree(event.detailsJson()));
        return entry;
    }

    /** An event exactly as exported: every field of the canonical form as stored, and its hash. */
    private static Map<String, Object> row(AuditEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sequence", e.sequence());
        row.put("time", e.time());
        row.put("actor_subject", e.actorSubject());
        row.put("actor_name", e.actorName());
        row.put("actor_roles", e.actorRoles());
        row.put("action", e.action());
        row.put("subject_type", e.subjectType());
        row.put("subject_id", e.subjectId());
        row.put("team", e.team());
        row.put("request_id", e.requestId());
        row.put("load_balancer_id", e.loadBalancerId());
        row.put("before", e.beforeJson());
        row.put("after", e.afterJson());
        row.put("details", e.detailsJson());
        row.put("previous_hash", e.previousHash());
        row.put("hash", e.hash());
        return row;
    }

    private JsonNode tree(String text) {
        return text == null ? json.missingNode() : json.readTree(text);
    }
}
