package dev.ilbportal.identity.web;

import dev.ilbportal.identity.IdentityProperties;
import dev.ilbportal.identity.PortalRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages around signing in and out: no access yet, signed out, sign-in failed. */
@Controller
class AccountPagesController {

    private final IdentityProperties properties;

    AccountPagesController(IdentityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/no-access")
    String noAccess(Model model) {
        model.addAttribute("roleGroups", properties.roleGroups());
        model.addAttribute("roles", PortalRole.values());
        model.addAttribute("groupsClaim", properties.groupsClaim());
        model.addAttribute("teamPrefix", properties.teamPrefix());
        return "identity/no-access";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "identity/signed-out";
    }

    @GetMapping("/login-failed")
    String loginFailed() {
        return "identity/login-failed";
    }
}
