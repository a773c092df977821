package dev.ilbportal.audit.api;

import dev.ilbportal.audit.AuditEvent;
import dev.ilbportal.audit.AuditExport;
import dev.ilbportal.audit.AuditFilter;
import dev.ilbportal.audit.AuditLog;
import dev.ilbportal.audit.AuditPage;
import dev.ilbportal.audit.AuditReaders;
import dev.ilbportal.audit.ChainCheck;
import dev.ilbportal.audit.Checkpoints;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.web.api.CursorPage;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit trail for auditors: events with the log page's filters (newest first), streamed exports, and the
 * chain check, which is itself recorded in the trail.
 */
@PortalApi
@RequestMapping(PortalApi.PREFIX + "/audit")
@Tag(name = "audit", description = "The hash-chained audit trail (auditors only)")
class AuditApi {

    private final AuditLog log;
    private final AuditExport exports;
    private final ChainCheck chainCheck;
    private final Checkpoints checkpoints;

    AuditApi(AuditLog log, AuditExport exports, ChainCheck chainCheck, Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.exports = exports;
        this.chainCheck = chainCheck;
    }

    @GetMapping("/events")
    @Operation(summary = "Events matching the log page's filters, newest first; nextCursor reads older ones")
    CursorPage<AuditEvent> events(@ParameterObject @ModelAttribute AuditFilter filter, @RequestParam(required = false) String cursor,
                                  CurrentUser user) {
        requireAuditor(user);
        refuseBad(filter);
        AuditPage page = log.page(filter, CursorPage.sequenceOf(cursor), null);
        List<AuditEvent> events = page.events();
        return new CursorPage<>(events, page.olderThan() == null ? null : CursorPage.cursorOfSequence(page.olderThan()));
    }

    @GetMapping("/exports")
    @Operation(summary = "The matching events as CSV or JSON lines, streamed; the export is itself audited",
            responses = @ApiResponse(responseCode = "200", content = {@Content(mediaType = "text/csv"),
                    @Content(mediaType = "application/x-ndjson")}))
    void export(@ParameterObject @ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "JSONL") AuditExport.Format format,
                CurrentUser user, HttpServletResponse response) {
        requireAuditor(user);
        refuseBad(filter);
        exports.export(user.asActor(), filter, format, AuditExport.Target.download(response, format));
    }

    @PostMapping("/chain-checks")
    @Operation(summary = "Check the whole hash chain (and the signed checkpoints) now; the check is recorded")
    ChainCheckResult checkChain(CurrentUser user) {
        requireAuditor(user);
        ChainCheck.Recorded recorded = chainCheck.checkAndRecord(user.asActor());
        ChainCheck.Result result = recorded.result();
        return new ChainCheckResult(recorded.sequence(), result.intact(), result.events(), result.headSequence(),
                result.headHash(), result.brokenAt(), result.problem(), result.checkpoints(), result.summary());
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Sign the chain's head now, before the next scheduled checkpoint")
    ResponseEntity<Void> writeCheckpoint(CurrentUser user) {
        requireAuditor(user);
        checkpoints.write();
        return ResponseEntity.noContent().build();
    }

    private static void requireAuditor(CurrentUser user) {
        if (!AuditReaders.mayRead(user)) {
            throw new AccessDeniedException("The audit trail is for auditors");
        }
    }

    private static void refuseBad(AuditFilter filter) {
        String problem = filter.problem();
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, problem);
        }
    }

    /** A recorded chain check: where it sits in the trail and what it found. */
    record ChainCheckResult(long sequence, boolean intact, long events, Long headSequence, String headHash,
                            Long brokenAt, String problem, int checkpoints, String summary) {
    }
}
