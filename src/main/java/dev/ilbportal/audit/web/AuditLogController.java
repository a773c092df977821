package dev.ilbportal.audit.web;

import dev.ilbportal.audit.AuditEvent;
import dev.ilbportal.audit.AuditExport;
import dev.ilbportal.audit.AuditFilter;
import dev.ilbportal.audit.AuditLog;
import dev.ilbportal.audit.AuditPage;
import dev.ilbportal.audit.ChainCheck;
import dev.ilbportal.audit.Checkpoint;
import dev.ilbportal.audit.Checkpoints;
import dev.ilbportal.audit.EvidencePacks;
import dev.ilbportal.audit.TimelineEntry;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's workspace: the filtered log, one timeline per load balancer, streamed exports and the chain check.
 * The chain check is a POST (with CSRF) because it appends its result to the trail; exports are GETs so that a
 * filtered view's export is a plain link, and their audit row records a read, not a change.
 */
@Controller
class AuditLogController {

    private final AuditLog log;
    private final AuditExport exports;
    private final ChainCheck chainCheck;
    private final JsonMapper json;
    private final Checkpoints checkpoints;
    private final EvidencePacks evidencePacks;

    AuditLogController(AuditLog log, AuditExport exports, ChainCheck chainCheck, JsonMapper json,
                       Checkpoints checkpoints, EvidencePacks evidencePacks) {
        this.checkpoints = checkpoints;
        this.evidencePacks = evidencePacks;
        this.log = log;
        this.exports = exports;
        this.chainCheck = chainCheck;
        this.json = json;
    }

    @GetMapping("/audit")
    String log(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) Long olderThan,
               @RequestParam(required = false) Long newerThan, Model model, HttpServletResponse response) {
        String problem = filter.problem();
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filter", filter.withoutControlCharacters());
            model.addAttribute("filterProblem", problem);
            model.addAttribute("page", new AuditPage(java.util.List.of(), null, null));
            return "audit/log";
        }
        model.addAttribute("page", log.page(filter, olderThan, newerThan));
        return "audit/log";
    }

    @GetMapping("/audit/load-balancers/{id}")
    String timeline(@PathVariable String id, @RequestParam(required = false) Long after, Model model) {
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new NotFoundException("The load balancer");
        }
        AuditPage page = log.timeline(id, after);
        if (page.events().isEmpty() && after == null) {
            throw new NotFoundException("The load balancer " + id);
        }
        model.addAttribute("loadBalancerId", id);
        model.addAttribute("filter", AuditFilter.loadBalancer(id));
        model.addAttribute("page", page);
        List<TimelineEntry> entries = TimelineEntry.of(page.events(), json);
        model.addAttribute("entries", entries);
        model.addAttribute("loadBalancerName", TimelineEntry.loadBalancerName(entries, json).orElse(null));
        return "audit/timeline";
    }

    @GetMapping("/audit/export.csv")
    void exportCsv(AuditFilter filter, CurrentUser user, HttpServletResponse response) {
        export(filter, AuditExport.Format.CSV, user, response);
    }

    @GetMapping("/audit/export.jsonl")
    void exportJsonLines(AuditFilter filter, CurrentUser user, HttpServletResponse response) {
        export(filter, AuditExport.Format.JSONL, user, response);
    }

    @PostMapping("/audit/chain-checks")
    String checkChain(CurrentUser user) {
        ChainCheck.Recorded check = chainCheck.checkAndRecord(user.asActor());
        return "redirect:/audit/chain-checks/" + check.sequence();
    }

    @GetMapping("/audit/chain-checks/{sequence}")
    String chainCheckResult(@PathVariable long sequence, Model model) {
        AuditEvent event = log.find(sequence).filter(found -> found.action().equals("audit.chain-checked"))
                .orElseThrow(() -> new NotFoundException("The chain check " + sequence));
        model.addAttribute("check", event);
        model.addAttribute("intact", json.readTree(event.detailsJson()).path("intact").asBoolean(false));
        return "audit/chain-check";
    }

    /** One signed download of everything the trail knows about a load balancer; the download is itself audited. */
    @GetMapping("/audit/load-balancers/{id}/evidence-pack.json")
    void evidencePack(@PathVariable String id, CurrentUser user, HttpServletResponse response) throws IOException {
        EvidencePacks.Signed pack = evidencePacks.download(user.asActor(), id)
                .orElseThrow(() -> new NotFoundException("The load balancer " + id));
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-"
                + id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + pack.checkpoint().sequence() + ".json\"");
        response.setContentLength(pack.json().length);
        response.getOutputStream().write(pack.json());
    }

    /** The key checkpoints and evidence packs are signed with; public, so anyone holding one can check it. */
    @GetMapping(value = "/audit/public-key", produces = "application/x-pem-file")
    @org.springframework.web.bind.annotation.ResponseBody
    String publicKey(HttpServletResponse response) {
        response.setHeader("X-Audit-Key-Id", checkpoints.keyId());
        return checkpoints.publicKeyPem();
    }

    @GetMapping("/audit/checkpoints")
    String checkpoints(Model model) {
        java.util.List<Checkpoint> valid = checkpoints.verified().valid();
        model.addAttribute("checkpoints", valid.reversed().stream().limit(20).toList());
        model.addAttribute("keyId", checkpoints.keyId());
        model.addAttribute("publicKey", checkpoints.publicKeyPem());
        return "audit/checkpoints";
    }

    /** Signs the head now, for an auditor who wants a checkpoint before the next scheduled one. */
    @PostMapping("/audit/checkpoints")
    String writeCheckpoint() {
        checkpoints.write();
        return "redirect:/audit/checkpoints";
    }

    private void export(AuditFilter filter, AuditExport.Format format, CurrentUser user,
                        HttpServletResponse response) {
        String problem = filter.problem();
        if (problem != null) {
            refuse(response, problem);
            return;
        }
        exports.export(user.asActor(), filter, format, AuditExport.Target.download(response, format));
    }

    private static void refuse(HttpServletResponse response, String problem) {
        try {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(problem + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
