package dev.ilbportal.verification.web;

import dev.ilbportal.verification.VerificationAccess;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.VerificationProperties;
import dev.ilbportal.verification.VerificationRun;
import dev.ilbportal.verification.Verifier;
import dev.ilbportal.verification.internal.VerificationRuns;
import dev.ilbportal.web.NotFoundException;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A load balancer's verification history, and "Verify now". */
@Controller
class VerificationController {

    static final int PAGE_SIZE = 10;

    private final InventoryVerificationState inventory;
    private final VerificationRuns runs;
    private final Verifier verifier;
    private final VerificationProperties properties;
    private final java.time.Clock clock;

    VerificationController(InventoryVerificationState inventory, VerificationRuns runs, Verifier verifier,
                           VerificationProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.inventory = inventory;
        this.runs = runs;
        this.verifier = verifier;
        this.properties = properties;
    }

    @GetMapping("/verification/load-balancers/{id}")
    String history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, CurrentUser user,
                   Model model) {
        InternalLoadBalancer lb = visible(id, user);
        long total = runs.count(id);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("lb", lb);
        model.addAttribute("runs", runs.page(id, current, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("chart", OutcomeChart.of(runs.recentOutcomes(id, 48)));
        model.addAttribute("canVerify", mayVerify(user, lb));
        model.addAttribute("proof", ProofStatus.valueOf(lb.proofStatus()));
        model.addAttribute("interval", properties.interval().toMinutes() + " minutes");
        return "verification/history";
    }

    @PostMapping("/verification/load-balancers/{id}/verify")
    String verifyNow(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        InternalLoadBalancer lb = visible(id, user);
        if (!mayVerify(user, lb)) {
            throw new AccessDeniedException("Verify now is for the team, approvers and admins");
        }
        java.time.Instant now = clock.instant();
        java.util.Optional<java.time.Instant> last = runs.lastOnDemandStart(id)
                .filter(started -> started.plus(properties.verifyNowCooldown()).isAfter(now));
        if (last.isPresent()) {
            long wait = java.time.Duration.between(now, last.get().plus(properties.verifyNowCooldown())).toSeconds() + 1;
            redirect.addFlashAttribute("message", "This load balancer was verified on request a moment ago; "
                    + "Verify now is possible again in " + wait + " s. Nothing was started.");
            return "redirect:/verification/load-balancers/" + id;
        }
        VerificationRun run = verifier.verifyFor(lb, Trigger.ON_DEMAND, user.asActor());
        redirect.addFlashAttribute("message", "Verification finished: " + run.outcome().name().toLowerCase() + ".");
        return "redirect:/verification/load-balancers/" + id;
    }

    private InternalLoadBalancer visible(UUID id, CurrentUser user) {
        return inventory.find(id).filter(lb -> VerificationAccess.canSee(user, lb))
                .orElseThrow(() -> new NotFoundException("Load balancer " + id));
    }

    private static boolean mayVerify(CurrentUser user, InternalLoadBalancer lb) {
        return VerificationAccess.mayVerify(user, lb);
    }
}
