package dev.ilbportal.home.web;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.DriftedLoadBalancers;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the signed-in person's roles, the features open to them, and drifted load balancers they see. */
@Controller
class HomeController {

    private final DriftedLoadBalancers drifted;

    HomeController(DriftedLoadBalancers drifted) {
        this.drifted = drifted;
    }

    @GetMapping("/")
    String home(CurrentUser user, Model model) {
        List<PortalRole> roles = Arrays.stream(PortalRole.values()).filter(user::has).toList();
        model.addAttribute("roles", roles);
        model.addAttribute("features", Feature.openTo(user));
        model.addAttribute("drifted", drifted.visibleTo(user));
        return "home/index";
    }
}
