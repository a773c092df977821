package dev.ilbportal.provisioning.api;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryAccess;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.provisioning.internal.FirewallRestoring;
import dev.ilbportal.requests.EndDateExtensions;
import dev.ilbportal.requests.EndDateExtensions.EndDateRefused;
import dev.ilbportal.requests.EndDateExtensions.ExtensionAsk;
import dev.ilbportal.requests.FirewallRestores;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.web.api.ApiProblem;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningAdministration;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningProgress;
import dev.ilbportal.provisioning.internal.StepLog;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.web.NotFoundException;
import dev.ilbportal.web.api.CursorPage;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Provisioning progress, the inventory of internal load balancers with their proof status, decommissioning, and
 * the admin's retry and abandon of jobs, on the same services as the pages.
 */
@PortalApi
@Tag(name = "provisioning", description = "Progress, inventory, decommissioning, job administration")
class ProvisioningApi {

    private final ProvisioningJobs jobs;
    private final StepLog stepLog;
    private final RequestLookup requests;
    private final Inventory inventory;
    private final Decommissioning decommissioning;
    private final ProvisioningAdministration administration;
    private final FirewallRestoring restoring;
    private final EndDateExtensions extensions;
    private final JsonMapper json;

    ProvisioningApi(ProvisioningJobs jobs, StepLog stepLog, RequestLookup requests, Inventory inventory,
                    Decommissioning decommissioning, ProvisioningAdministration administration,
                    FirewallRestoring restoring, EndDateExtensions extensions, JsonMapper json) {
        this.restoring = restoring;
        this.extensions = extensions;
        this.json = json;
        this.jobs = jobs;
        this.stepLog = stepLog;
        this.requests = requests;
        this.inventory = inventory;
        this.decommissioning = decommissioning;
        this.administration = administration;
    }

    @GetMapping(PortalApi.PREFIX + "/requests/{requestId}/provisioning")
    @Operation(summary = "Where the building (or taking down) of a request's load balancer stands, step by step")
    Progress progress(@PathVariable UUID requestId, CurrentUser user) {
        requests.findVisibleTo(requestId, user).orElseThrow(() -> new NotFoundException("Request " + requestId));
        ProvisioningJob job = jobs.findByRequestId(requestId)
                .orElseThrow(() -> new NotFoundException("Provisioning of request " + requestId));
        return Progress.of(ProvisioningProgress.of(job, stepLog.of(job.id())),
                inventory.findByRequestId(requestId).map(InternalLoadBalancer::id).orElse(null));
    }

    @GetMapping(PortalApi.PREFIX + "/inventory")
    @Operation(summary = "Internal load balancers with their proof status, newest first, filtered as on the page")
    CursorPage<LoadBalancer> inventory(@RequestParam(required = false) String team,
                                       @RequestParam(required = false) String region,
                                       @RequestParam(required = false) InternalLoadBalancer.Status status,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Integer limit, CurrentUser user) {
        dev.ilbportal.web.InputRefusedException.ifControlCharacters("team", team);
        dev.ilbportal.web.InputRefusedException.ifControlCharacters("region", region);
        boolean restricted = !InventoryAccess.seesEveryTeam(user);
        List<String> ownTeams = user.teams().isEmpty() ? List.of("") : List.copyOf(user.teams());
        var page = inventory.search(restricted, ownTeams, blankToNull(team), blankToNull(region), status,
                PageRequest.of(CursorPage.pageOf(cursor), CursorPage.limitOf(limit)));
        return CursorPage.of(page.map(LoadBalancer::of));
    }

    @GetMapping(PortalApi.PREFIX + "/inventory/{id}")
    @Operation(summary = "One internal load balancer with its proof status")
    LoadBalancer loadBalancer(@PathVariable UUID id, CurrentUser user) {
        return LoadBalancer.of(visible(id, user));
    }

    @PostMapping(PortalApi.PREFIX + "/inventory/{id}/decommission")
    @Operation(summary = "Ask for a load balancer to be taken down; the ask is a request that needs approval")
    ResponseEntity<DecommissionAsked> decommission(@PathVariable UUID id, @RequestBody Decommission body,
                                                   CurrentUser user) {
        if (body == null || !StringUtils.hasText(body.reason())) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "reason: say why it can go; "
                    + "approvers read it.");
        }
        UUID requestId = decommissioning.request(id, body.reason(), user);
        return ResponseEntity.created(URI.create(PortalApi.PREFIX + "/requests/" + requestId))
                .body(new DecommissionAsked(requestId));
    }

    @PostMapping(PortalApi.PREFIX + "/inventory/{id}/extend")
    @Operation(summary = "Ask for a later end date (endsOn, YYYY-MM-DD); the ask is a request approved like others")
    ResponseEntity<?> extend(@PathVariable UUID id, @RequestBody Extension body, CurrentUser user) {
        InternalLoadBalancer lb = decommissioning.decommissionable(id, user);
        if (!lb.canBeDecommissioned()) {
            throw new RequestRuleViolation("Only an active load balancer's end date can be extended.");
        }
        try {
            UUID requestId = extensions.ask(new ExtensionAsk(lb.id(), lb.requestId(), lb.team(), lb.region(),
                    lb.name(), lb.endsOn(), body == null || body.endsOn() == null ? "" : body.endsOn(),
                    body == null || body.reason() == null ? "" : body.reason(), Participant.of(user)));
            return ResponseEntity.created(URI.create(PortalApi.PREFIX + "/requests/" + requestId))
                    .body(new ExtensionAsked(requestId));
        } catch (EndDateRefused refused) {
            return ApiProblem.response(ApiProblem.invalid(refused.getMessage(),
                    java.util.Map.of("endsOn", refused.getMessage())));
        }
    }

    @GetMapping(PortalApi.PREFIX + "/inventory/{id}/restore-firewall")
    @Operation(summary = "The plan that would restore an exposed load balancer's firewall, read from Civo now")
    RestorePlan restorePlan(@PathVariable UUID id, CurrentUser user) {
        InternalLoadBalancer lb = restoring.restorable(id, user);
        if (!FirewallRestoring.offered(lb)) {
            return new RestorePlan(false, null, null);
        }
        ProvisioningPlan plan = restoring.planOf(lb);
        return new RestorePlan(true, plan.hash(), json.readTree(plan.canonicalJson()));
    }

    @PostMapping(PortalApi.PREFIX + "/inventory/{id}/restore-firewall")
    @Operation(summary = "Ask to restore the firewall with the plan you read (its planHash); 409 when Civo changed")
    ResponseEntity<?> restoreFirewall(@PathVariable UUID id, @RequestBody Restore body, CurrentUser user) {
        try {
            FirewallRestores.Filed filed = restoring.request(id, body.reason() == null ? "" : body.reason(),
                    body.planHash() == null ? "" : body.planHash(), user);
            return ResponseEntity.created(URI.create(PortalApi.PREFIX + "/requests/" + filed.requestId()))
                    .body(new RestoreAsked(filed.requestId(), filed.approvedByPolicy()));
        } catch (FirewallRestoring.PlanChangedMeanwhile changed) {
            ProblemDetail problem = ApiProblem.of(HttpStatus.CONFLICT, "Civo changed since you read the plan; read "
                    + "the new plan and ask again with its hash.");
            problem.setProperty("planHash", changed.current().hash());
            return ApiProblem.response(problem);
        }
    }

    @PostMapping(PortalApi.PREFIX + "/admin/jobs/{jobId}/retry")
    @Operation(summary = "Admin: retry a failed job from its failed step")
    Job retry(@PathVariable UUID jobId, CurrentUser user) {
        return Job.of(administration.retry(jobId, user));
    }

    @PostMapping(PortalApi.PREFIX + "/admin/jobs/{jobId}/abandon")
    @Operation(summary = "Admin: abandon a job; what it created is deleted")
    Job abandon(@PathVariable UUID jobId, CurrentUser user) {
        return Job.of(administration.abandon(jobId, user));
    }

    private InternalLoadBalancer visible(UUID id, CurrentUser user) {
        return inventory.findById(id).filter(lb -> InventoryAccess.canSee(user, lb))
                .orElseThrow(() -> new NotFoundException("Load balancer " + id));
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }

    /** A job's progress: its steps with their state, and the load balancer once it is in the inventory. */
    record Progress(UUID jobId, ProvisioningJob.Kind kind, JobStatus status, ProvisioningStep currentStep,
                    boolean finished, int percentDone, List<Step> steps, UUID loadBalancerId) {

        static Progress of(ProvisioningProgress progress, UUID loadBalancerId) {
            ProvisioningJob job = progress.job();
            return new Progress(job.id(), job.kind(), job.status(), job.step(), progress.isFinished(),
                    progress.percentDone(), progress.steps().stream().map(line -> new Step(line.step(), line.state(),
                            line.at(), line.civoId(), line.detail())).toList(), loadBalancerId);
        }
    }

    /** One step: {@code done}, {@code running}, {@code waiting}, {@code failed} or {@code todo}. */
    record Step(ProvisioningStep step, String state, Instant at, String civoId, String detail) {
    }

    /** An inventory entry as the inventory page shows it. */
    record LoadBalancer(UUID id, UUID requestId, String team, String region, String name, String civoId,
                        String firewallId, String privateIp, String publicIp, InternalLoadBalancer.Status status,
                        String proofStatus, Instant proofStatusSince, Instant lastVerifiedAt,
                        String lastVerification, Instant lastPassedAt, Instant createdAt) {

        static LoadBalancer of(InternalLoadBalancer lb) {
            return new LoadBalancer(lb.id(), lb.requestId(), lb.team(), lb.region(), lb.name(), lb.civoId(),
                    lb.firewallId(), lb.privateIp(), lb.publicIp(), lb.status(), lb.proofStatus(),
                    lb.proofStatusSince(), lb.lastVerifiedAt(), lb.lastVerification(), lb.lastPassedAt(),
                    lb.createdAt());
        }
    }

    /** Why the load balancer can go; approvers read it. */
    record Decommission(String reason) {
    }

    /** The decommission request that now waits for approval. */
    record Extension(String endsOn, String reason) {
    }

    record ExtensionAsked(UUID requestId) {
    }

    record DecommissionAsked(UUID requestId) {
    }

    /** The restore plan: offered only for an active load balancer found exposed. */
    record RestorePlan(boolean offered, String planHash, JsonNode plan) {
    }

    /** Why, and the hash of the plan that was read. */
    record Restore(String reason, String planHash) {
    }

    /** The restore request, and whether policy approved it at once. */
    record RestoreAsked(UUID requestId, boolean approvedByPolicy) {
    }

    /** A job after an admin's action. */
    record Job(UUID id, UUID requestId, ProvisioningJob.Kind kind, JobStatus status, ProvisioningStep step) {

        static Job of(ProvisioningJob job) {
            return new Job(job.id(), job.requestId(), job.kind(), job.status(), job.step());
        }
    }
}
