package dev.ilbportal.provisioning.web;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.requests.EndDateExtensions.EndDateRefused;
import dev.ilbportal.requests.RequestRuleViolation;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where the team asks for a later end date; the ask is a request, approved like others. */
@Controller
class ExtendEndDateController {

    private final Decommissioning decommissioning;

    ExtendEndDateController(Decommissioning decommissioning) {
        this.decommissioning = decommissioning;
    }

    @GetMapping("/inventory/{id}/extend")
    String form(@PathVariable UUID id, CurrentUser user, Model model) {
        model.addAttribute("lb", decommissioning.decommissionable(id, user));
        return "provisioning/extend";
    }

    @PostMapping("/inventory/{id}/extend")
    String request(@PathVariable UUID id, @RequestParam(defaultValue = "") String endsOn,
                   @RequestParam(defaultValue = "") String reason, CurrentUser user, Model model) {
        InternalLoadBalancer lb = decommissioning.decommissionable(id, user);
        try {
            UUID requestId = decommissioning.askLaterEndDate(id, endsOn, reason, user);
            return "redirect:/requests/" + requestId;
        } catch (EndDateRefused refused) {
            model.addAttribute("dateProblem", refused.getMessage());
        } catch (RequestRuleViolation refused) {
            model.addAttribute("problem", refused.getMessage());
        }
        model.addAttribute("lb", lb);
        model.addAttribute("endsOn", endsOn);
        model.addAttribute("reason", reason);
        return "provisioning/extend";
    }
}
