package dev.ilbportal.provisioning.web;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.RequestRuleViolation;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where a requester asks for one of their team's load balancers to be taken down. */
@Controller
class DecommissionController {

    private final Decommissioning decommissioning;

    DecommissionController(Decommissioning decommissioning) {
        this.decommissioning = decommissioning;
    }

    @GetMapping("/inventory/{id}/decommission")
    String form(@PathVariable UUID id, CurrentUser user, Model model) {
        InternalLoadBalancer lb = decommissioning.decommissionable(id, user);
        model.addAttribute("lb", lb);
        model.addAttribute("plan", decommissioning.planOf(lb));
        return "provisioning/decommission";
    }

    @PostMapping("/inventory/{id}/decommission")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                   CurrentUser user, Model model) {
        try {
            UUID requestId = decommissioning.request(id, reason, user);
            return "redirect:/requests/" + requestId;
        } catch (RequestRuleViolation refused) {
            InternalLoadBalancer lb = decommissioning.decommissionable(id, user);
            model.addAttribute("lb", lb);
            model.addAttribute("plan", decommissioning.planOf(lb));
            model.addAttribute("reason", reason);
            model.addAttribute("problem", refused.getMessage());
            return "provisioning/decommission";
        }
    }
}
