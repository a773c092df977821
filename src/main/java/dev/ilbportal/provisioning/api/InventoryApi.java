package dev.ilbportal.provisioning.api;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryAccess;
import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.provisioning.internal.FirewallRestoring;
import dev.ilbportal.requests.EndDateExtensions.EndDateRefused;
import dev.ilbportal.requests.FirewallRestores;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.web.api.ApiProblem;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.ilbportal.provisioning.internal.Inventory;
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
 * The inventory of internal load balancers with their proof status, and the asks about one of them (decommission,
 * a later end date, a restored firewall), on the same services as the pages.
 */
@PortalApi
@Tag(name = "provisioning", description = "Progress, inventory, decommissioning, job administration")
class InventoryApi {

    private final Inventory inventory;
    private final Decommissioning decommissioning;
    private final FirewallRestoring restoring;
    private final JsonMapper json;

    InventoryApi(Inventory inventory, Decommissioning decommissioning, FirewallRestoring restoring, JsonMapper json) {
        this.inventory = inventory;
        this.decommissioning = decommissioning;
        this.restoring = restoring;
        this.json = json;
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
        try {
            UUID requestId = decommissioning.askLaterEndDate(id,
                    body == null || body.endsOn() == null ? "" : body.endsOn(),
                    body == null || body.reason() == null ? "" : body.reason(), user);
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

    private InternalLoadBalancer visible(UUID id, CurrentUser user) {
        return inventory.findById(id).filter(lb -> InventoryAccess.canSee(user, lb))
                .orElseThrow(() -> new NotFoundException("Load balancer " + id));
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
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

    /** The later end date asked for (YYYY-MM-DD), and why. */
    record Extension(String endsOn, String reason) {
    }

    /** The extension request that now waits for approval. */
    record ExtensionAsked(UUID requestId) {
    }

    /** The decommission request that now waits for approval. */
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
}
