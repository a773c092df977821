package dev.ilbportal.requests.api;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.SpecProblems;
import dev.ilbportal.requests.internal.SpecRules;
import dev.ilbportal.requests.internal.StepOutcome;
import dev.ilbportal.requests.internal.WizardStep;
import dev.ilbportal.web.api.ApiProblem;
import dev.ilbportal.web.api.ApiVersions;
import dev.ilbportal.web.api.CursorPage;
import dev.ilbportal.web.api.FieldProblem;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests through the API, on the wizard's and the approval page's services: the same rules, the same audit
 * events. Every answer that shows a request carries its version as {@code ETag}; every change names it.
 */
@PortalApi
@RequestMapping(PortalApi.PREFIX + "/requests")
@Tag(name = "requests", description = "Ask for an internal load balancer, and decide on requests")
class RequestsApi {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RequestDrafts drafts;
    private final RequestWorkflow workflow;
    private final RequestDocuments documents;
    private final IdempotencyKeys keys;
    private final JsonMapper json;

    RequestsApi(RequestDrafts drafts, RequestWorkflow workflow, RequestDocuments documents, IdempotencyKeys keys,
                JsonMapper json) {
        this.drafts = drafts;
        this.workflow = workflow;
        this.documents = documents;
        this.keys = keys;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The requests of your teams, newest change first")
    CursorPage<RequestSummary> list(@RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer limit, CurrentUser user) {
        var page = drafts.listFor(user, PageRequest.of(CursorPage.pageOf(cursor), CursorPage.limitOf(limit)));
        return CursorPage.of(page.map(RequestSummary::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with its spec, plan, plan hash, revisions and decisions")
    ResponseEntity<RequestDocument> get(@PathVariable UUID id, CurrentUser user) {
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    @PostMapping
    @Operation(summary = "Create a draft request from a whole spec (checked as the wizard's first two pages)")
    ResponseEntity<?> create(@RequestBody RequestSpecBody body,
                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                             CurrentUser user) {
        String bodyHash = IdempotencyKeys.hash(json.writeValueAsString(body));
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
                return ApiProblem.response(ApiProblem.invalid("The Idempotency-Key is not usable.", List.of(
                        new FieldProblem(IDEMPOTENCY_KEY, "Send 1 to " + IdempotencyKeys.MAX_KEY_LENGTH
                                + " characters, for example a UUID."))));
            }
            var earlier = keys.find(user.subject(), idempotencyKey);
            if (earlier.isPresent()) {
                return repeated(earlier.get(), bodyHash, user);
            }
        }
        StepOutcome started = drafts.startDraft(user, body.team(), body.spec());
        if (!started.isSaved()) {
            return refused(withLaterPages(started, body));
        }
        UUID id = started.requestId();
        StepOutcome completed = drafts.saveStep(id, WizardStep.LOAD_BALANCER, body.spec(), user);
        if (!completed.isSaved()) {
            drafts.deleteDraft(id, user);
            return refused(completed);
        }
        if (idempotencyKey != null && !keys.remember(user.subject(), idempotencyKey, bodyHash, id)) {
            // A concurrent call with the same key won: this one's draft goes, the winner's is the answer.
            drafts.deleteDraft(id, user);
            return repeated(keys.find(user.subject(), idempotencyKey).orElseThrow(), bodyHash, user);
        }
        RequestDocument created = documents.read(id, user);
        return withEtag(ResponseEntity.created(URI.create(PortalApi.PREFIX + "/requests/" + id)), created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the spec of a draft, submitted or rejected request (a submitted one returns to draft)")
    ResponseEntity<?> update(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody RequestSpecBody body, CurrentUser user) {
        ApiVersions.requireCurrent(ApiVersions.basedOn(ifMatch, null), documents.read(id, user).version());
        StepOutcome saved = drafts.saveStep(id, WizardStep.REVIEW, body.spec(), user);
        if (!saved.isSaved()) {
            return refused(saved);
        }
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft that was never submitted (anything submitted once is withdrawn instead)")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user) {
        drafts.deleteDraft(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/validate")
    @Operation(summary = "Every problem the wizard would show for a spec, by field; nothing is saved")
    Validation validate(@RequestBody RequestSpecBody body, @RequestParam(required = false) UUID requestId,
                        CurrentUser user) {
        StepOutcome outcome = drafts.validate(user, body.team(), body.spec(), requestId);
        List<FieldProblem> errors = outcome.problems().byField().entrySet().stream()
                .map(entry -> new FieldProblem(entry.getKey(), entry.getValue()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        return new Validation(errors.isEmpty() && outcome.civoFailure() == null, errors, outcome.civoFailure());
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Freeze the plan into a new revision and put the request in the approval queue")
    ResponseEntity<?> submit(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody(required = false) Submission body, CurrentUser user) {
        if (ifMatch != null) {
            ApiVersions.requireCurrent(ApiVersions.basedOn(ifMatch, null), documents.read(id, user).version());
        }
        StepOutcome submitted = drafts.submit(id, body == null ? null : body.justification(),
                body == null ? null : body.endsOn(), user);
        if (!submitted.isSaved()) {
            return refused(submitted);
        }
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Take the request back; nothing will be built")
    ResponseEntity<RequestDocument> withdraw(@PathVariable UUID id,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             @RequestBody(required = false) Withdrawal body, CurrentUser user) {
        workflow.withdraw(id, ApiVersions.basedOn(ifMatch, body == null ? null : body.version()), user);
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve the revision you reviewed, named by its number and plan hash")
    ResponseEntity<RequestDocument> approve(@PathVariable UUID id,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @RequestBody Decision body, CurrentUser user) {
        workflow.approve(id, ApiVersions.basedOn(ifMatch, body.version()), body.revisionNumber(), body.planHash(),
                user);
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject the revision you reviewed, with a reason the requester reads")
    ResponseEntity<?> reject(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                             @RequestBody Decision body, CurrentUser user) {
        if (body.reason() == null || body.reason().isBlank()) {
            return reasonNeeded();
        }
        workflow.reject(id, ApiVersions.basedOn(ifMatch, body.version()), body.revisionNumber(), body.planHash(),
                body.reason().strip(), user);
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    @PostMapping("/{id}/override")
    @Operation(summary = "An admin's audited approval outside the usual rules, with a reason")
    ResponseEntity<?> overrideApprove(@PathVariable UUID id,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      @RequestBody Decision body, CurrentUser user) {
        if (body.reason() == null || body.reason().isBlank()) {
            return reasonNeeded();
        }
        workflow.overrideApprove(id, ApiVersions.basedOn(ifMatch, body.version()), body.revisionNumber(),
                body.planHash(), body.reason().strip(), user);
        return withEtag(ResponseEntity.ok(), documents.read(id, user));
    }

    private ResponseEntity<?> repeated(IdempotencyKeys.Remembered earlier, String bodyHash, CurrentUser user) {
        if (!earlier.bodyHash().equals(bodyHash)) {
            return ApiProblem.response(ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was "
                    + "used with another body; use a new key for a new request."));
        }
        return withEtag(ResponseEntity.ok(), documents.read(earlier.requestId(), user));
    }

    /**
     * A refused first page plus the static problems of the second, so a pipeline sees all it must fix at once
     * (Civo's rules for the second page run only once the first passes, as in the wizard).
     */
    private static StepOutcome withLaterPages(StepOutcome refused, RequestSpecBody body) {
        if (refused.civoFailure() != null) {
            return refused;
        }
        SpecProblems all = new SpecProblems();
        refused.problems().byField().forEach(all::add);
        SpecRules.check(body.spec()).onlyFields(WizardStep.LOAD_BALANCER.fields()).byField().forEach(all::add);
        return StepOutcome.refused(all);
    }

    private static ResponseEntity<ProblemDetail> refused(StepOutcome outcome) {
        if (outcome.civoFailure() != null) {
            return ApiProblem.response(HttpStatus.SERVICE_UNAVAILABLE, outcome.civoFailure());
        }
        return ApiProblem.response(ApiProblem.invalid("The spec has problems; nothing was saved.",
                outcome.problems().byField()));
    }

    private static ResponseEntity<ProblemDetail> reasonNeeded() {
        return ApiProblem.response(ApiProblem.invalid("A reason is needed.",
                List.of(new FieldProblem("reason", "Say why; the requester reads it."))));
    }

    private static ResponseEntity<RequestDocument> withEtag(ResponseEntity.BodyBuilder response,
                                                            RequestDocument document) {
        return response.eTag(ApiVersions.etag(document.version())).body(document);
    }

    /** The result of a validation: valid only when no field has a problem and Civo could be asked. */
    record Validation(boolean valid, List<FieldProblem> errors, String civoFailure) {
    }

    /** The justification approvers read, and an optional end date ({@code YYYY-MM-DD}) as on the review page. */
    record Submission(String justification, String endsOn) {
    }

    /** The version the withdrawal is based on, when no {@code If-Match} is sent. */
    record Withdrawal(Long version) {
    }

    /**
     * A decision on one revision: its number and plan hash as read from the request, the version (or
     * {@code If-Match}), and a reason for rejections and overrides.
     */
    record Decision(int revisionNumber, String planHash, Long version, String reason) {
    }
}
