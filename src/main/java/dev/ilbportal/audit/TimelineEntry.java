package dev.ilbportal.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as a person reads it on a timeline: a sentence with the actor ("April Okafor approved revision 2, plan
 * 1a2b3c4d…"), its stage, the fields that changed as a small before/after table, and the event itself for the raw
 * view and its chain position.
 */
public record TimelineEntry(AuditEvent event, EventStage stage, String sentence, List<FieldChange> changes) {

    /** One field of the before/after table; a side that does not have the field is null. */
    public record FieldChange(String field, String before, String after) {

        public boolean changed() {
            return before == null ? after != null : !before.equals(after);
        }
    }

    public static List<TimelineEntry> of(List<AuditEvent> events, JsonMapper json) {
        return events.stream().map(event -> of(event, json)).toList();
    }

    public static TimelineEntry of(AuditEvent event, JsonMapper json) {
        JsonNode before = tree(event.beforeJson(), json);
        JsonNode after = tree(event.afterJson(), json);
        JsonNode details = tree(event.detailsJson(), json);
        return new TimelineEntry(event, stage(event.action(), before, after), sentence(event, before, after, details),
                changes(before, after));
    }

    /** A proof status that turns to or from EXPOSED is exposure (drift or recovery); other changes are verification. */
    private static EventStage stage(String action, JsonNode before, JsonNode after) {
        if (action.equals("verification.proof-status-changed")) {
            boolean exposure = "EXPOSED".equals(field(before, "proof_status"))
                    || "EXPOSED".equals(field(after, "proof_status"));
            return exposure ? EventStage.EXPOSURE : EventStage.VERIFICATION;
        }
        return EventStage.of(action);
    }

    /** The load balancer's name, as the events that carry one tell it (the newest wins), if any does. */
    public static java.util.Optional<String> loadBalancerName(List<TimelineEntry> entries, JsonMapper json) {
        String name = null;
        for (TimelineEntry entry : entries) {
            String named = field(tree(entry.event().detailsJson(), json), "name");
            if (entry.event().loadBalancerId() != null && named != null && !named.isBlank()) {
                name = named;
            }
        }
        return java.util.Optional.ofNullable(name);
    }

    private static JsonNode tree(String text, JsonMapper json) {
        return text == null ? json.missingNode() : json.readTree(text);
    }

    private static List<FieldChange> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        before.propertyNames().forEach(fields::add);
        after.propertyNames().forEach(fields::add);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            changes.add(new FieldChange(field, text(before.get(field)), text(after.get(field))));
        }
        return changes;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(value);
    }

    private static String plan(JsonNode after) {
        String hash = field(after, "plan_hash");
        return hash == null ? "" : ", plan " + hash.substring(0, Math.min(8, hash.length())) + "…";
    }

    static String sentence(AuditEvent event, JsonNode before, JsonNode after, JsonNode details) {
        String who = event.actorName();
        String number = field(after, "revision") != null ? field(after, "revision") : field(details, "revision");
        String revision = number == null ? "the request" : "revision " + number;
        return switch (event.action()) {
            case "request.draft-created" -> who + " started a draft request " + quoted(field(after, "name"));
            case "request.edited" -> who + " edited the request" + (field(details, "approvals_voided") == null
                    || "0".equals(field(details, "approvals_voided")) ? ""
                    : ", voiding " + field(details, "approvals_voided") + " approval(s)");
            case "request.submitted" -> who + " submitted " + revision + plan(after)
                    + (field(details, "region") == null ? "" : " for region " + field(details, "region"));
            case "request.approval-recorded" -> who + " approved " + revision + plan(after) + " ("
                    + field(details, "approvals") + " of " + field(details, "approvals_needed") + " approvals)";
            case "request.approved" -> who + " approved " + revision + plan(after)
                    + ("true".equals(field(details, "override")) ? " as an override: " + field(details, "reason")
                    : "");
            case "request.rejected" -> who + " rejected " + revision + ": " + field(details, "reason");
            case "request.withdrawn" -> who + " withdrew the request";
            case "request.expired" -> "The request (" + revision + ") expired without a decision";
            case "request.draft-deleted" -> who + " deleted the draft";
            case "provisioning.started" -> who + " started building it" + (field(details, "region") == null ? ""
                    : " in " + field(details, "region"));
            case "provisioning.step-completed" -> who + " completed step " + field(after, "step")
                    + (field(after, "civo_id") == null ? "" : " (Civo id " + field(after, "civo_id") + ")");
            case "provisioning.step-retried" -> who + " retries a step after " + field(details, "code") + ": "
                    + field(details, "reason");
            case "provisioning.step-resumed" -> who + " resumed step " + field(after, "step") + ": "
                    + field(details, "detail");
            case "provisioning.failed" -> "Building failed: " + field(details, "code") + ", "
                    + field(details, "reason");
            case "provisioning.load-balancer-provisioned" -> who + " finished building load balancer "
                    + field(after, "civo_id") + " behind firewall " + field(after, "firewall_id")
                    + (field(after, "private_ip") == null ? "" : ", private IP " + field(after, "private_ip"));
            case "provisioning.retried" -> who + " retried the failed provisioning";
            case "provisioning.abandoned" -> who + " abandoned the failed provisioning";
            case "provisioning.cleaned-up" -> who + " cleaned up what a failed build left at Civo";
            case "provisioning.decommission-requested" -> who + " asked for it to be decommissioned";
            case "provisioning.load-balancer-decommissioned" -> who + " decommissioned it";
            case "verification.completed" -> who + " verified it: " + field(after, "outcome")
                    + (field(details, "failed_checks") == null || field(details, "failed_checks").isBlank() ? ""
                    : " (failed: " + field(details, "failed_checks") + ")");
            case "verification.proof-status-changed" -> who + " found it " + proof(field(after, "proof_status"))
                    + " (was " + proof(field(before, "proof_status")) + ")"
                    + (field(details, "reason") == null || field(details, "reason").isBlank() ? ""
                    : ": " + field(details, "reason"));
            case "verification.drifted" -> who + " found it exposed (failed: " + field(details, "failed_checks")
                    + ")";
            case "verification.recovered" -> who + " found it internal again";
            case "audit.evidence-pack-downloaded" -> who + " downloaded its evidence pack";
            case "audit.exported" -> who + " exported the audit trail as " + field(details, "format");
            case "audit.chain-checked" -> who + " checked the chain";
            default -> who + " — " + event.action();
        };
    }

    /** A proof status as people say it: "exposed", "proven". */
    private static String proof(String status) {
        return status == null ? "unproven" : status.toLowerCase(java.util.Locale.ROOT);
    }

    private static String quoted(String text) {
        return text == null ? "" : "“" + text + "”";
    }
}
