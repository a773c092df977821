package dev.ilbportal.verification.api;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.VerificationAccess;
import dev.ilbportal.verification.VerificationRun;
import dev.ilbportal.verification.Verifier;
import dev.ilbportal.verification.internal.VerificationRuns;
import dev.ilbportal.web.NotFoundException;
import dev.ilbportal.web.api.CursorPage;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A load balancer's verification history, newest first, and "verify now", as on its history page. */
@PortalApi
@RequestMapping(PortalApi.PREFIX + "/inventory/{id}/verifications")
@Tag(name = "verification", description = "Proof that a load balancer is internal")
class VerificationApi {

    private final InventoryVerificationState inventory;
    private final VerificationRuns runs;
    private final Verifier verifier;

    VerificationApi(InventoryVerificationState inventory, VerificationRuns runs, Verifier verifier) {
        this.inventory = inventory;
        this.runs = runs;
        this.verifier = verifier;
    }

    @GetMapping
    @Operation(summary = "The verification runs of one load balancer with every check, newest first")
    CursorPage<VerificationRun> history(@PathVariable UUID id, @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) Integer limit, CurrentUser user) {
        visible(id, user);
        int page = CursorPage.pageOf(cursor);
        int size = CursorPage.limitOf(limit);
        List<VerificationRun> found = runs.page(id, page, size);
        boolean more = (long) (page + 1) * size < runs.count(id);
        return new CursorPage<>(found, more ? CursorPage.cursorOf(page + 1) : null);
    }

    @PostMapping
    @Operation(summary = "Verify now: one run of every check, answered when it has finished")
    VerificationRun verifyNow(@PathVariable UUID id, CurrentUser user) {
        InternalLoadBalancer lb = visible(id, user);
        if (!VerificationAccess.mayVerify(user, lb)) {
            throw new AccessDeniedException("Verify now is for the team, approvers and admins");
        }
        return verifier.verify(lb, Trigger.ON_DEMAND, user.subject());
    }

    private InternalLoadBalancer visible(UUID id, CurrentUser user) {
        return inventory.find(id).filter(lb -> VerificationAccess.canSee(user, lb))
                .orElseThrow(() -> new NotFoundException("Load balancer " + id));
    }
}
