package dev.ilbportal.provisioning.web;

import dev.ilbportal.provisioning.InventoryAccess;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.identity.CurrentUser;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inventory of internal load balancers: requesters see their teams', auditors and admins see all. */
@Controller
class InventoryController {

    static final int PAGE_SIZE = 25;

    private final Inventory inventory;

    InventoryController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/inventory")
    String inventory(@RequestParam(required = false) String team, @RequestParam(required = false) String region,
                     @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                     CurrentUser user, Model model) {
        dev.ilbportal.web.InputRefusedException.ifControlCharacters("team", team);
        dev.ilbportal.web.InputRefusedException.ifControlCharacters("region", region);
        boolean restricted = !InventoryAccess.seesEveryTeam(user);
        List<String> ownTeams = user.teams().isEmpty() ? List.of("") : List.copyOf(user.teams());
        InternalLoadBalancer.Status wanted = parseStatus(status);
        Page<InternalLoadBalancer> results = inventory.search(restricted, ownTeams, blankToNull(team),
                blankToNull(region), wanted, dev.ilbportal.web.ListPages.of(page, PAGE_SIZE));
        model.addAttribute("results", results);
        model.addAttribute("team", team);
        model.addAttribute("region", region);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", InternalLoadBalancer.Status.values());
        model.addAttribute("restricted", restricted);
        return "provisioning/inventory";
    }

    private static InternalLoadBalancer.Status parseStatus(String status) {
        if (!StringUtils.hasText(status)) {
            return null;
        }
        try {
            return InternalLoadBalancer.Status.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }
}
