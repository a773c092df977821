package dev.ilbportal.provisioning.web;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.FirewallRestoring;
import dev.ilbportal.provisioning.internal.FirewallRestoring.PlanChangedMeanwhile;
import dev.ilbportal.requests.FirewallRestores.Filed;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.RequestRuleViolation;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page where an exposed load balancer's team, or an admin, reads the plan that restores its firewall (read from
 * Civo as the page opens) and asks for it.
 */
@Controller
class RestoreFirewallController {

    private final FirewallRestoring restoring;

    RestoreFirewallController(FirewallRestoring restoring) {
        this.restoring = restoring;
    }

    @GetMapping("/inventory/{id}/restore-firewall")
    String form(@PathVariable UUID id, CurrentUser user, Model model) {
        InternalLoadBalancer lb = restoring.restorable(id, user);
        return page(lb, FirewallRestoring.offered(lb) ? restoring.planOf(lb) : null, "", null, model);
    }

    @PostMapping("/inventory/{id}/restore-firewall")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String planHash, CurrentUser user, Model model) {
        try {
            Filed filed = restoring.request(id, reason, planHash, user);
            return "redirect:/requests/" + filed.requestId();
        } catch (PlanChangedMeanwhile changed) {
            return page(restoring.restorable(id, user), changed.current(), reason, "Civo changed since the page was "
                    + "shown, so the plan changed: read the calls below again before asking.", model);
        } catch (RequestRuleViolation refused) {
            InternalLoadBalancer lb = restoring.restorable(id, user);
            return page(lb, FirewallRestoring.offered(lb) ? restoring.planOf(lb) : null, reason,
                    refused.getMessage(), model);
        }
    }

    private static String page(InternalLoadBalancer lb, ProvisioningPlan plan, String reason, String problem,
                               Model model) {
        model.addAttribute("lb", lb);
        model.addAttribute("plan", plan);
        model.addAttribute("reason", reason);
        model.addAttribute("problem", problem);
        return "provisioning/restore-firewall";
    }
}
