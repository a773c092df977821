package dev.ilbportal.home;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.web.NotFoundException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The home page, and the honest page behind links to features that are not built yet. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        List<PortalRole> roles = Arrays.stream(PortalRole.values()).filter(user::has).toList();
        model.addAttribute("roles", roles);
        model.addAttribute("features", Feature.openTo(user));
        return "home/index";
    }

    @GetMapping("/coming-soon/{slug}")
    String comingSoon(@PathVariable String slug, Authentication authentication, Model model) {
        Feature feature = Feature.bySlug(slug).orElseThrow(() -> new NotFoundException("The page " + slug));
        if (!feature.isOpenTo(CurrentUser.of(authentication))) {
            throw new AccessDeniedException("Feature " + slug + " is not open to this person");
        }
        if (feature.isBuilt()) {
            return "redirect:" + feature.path();
        }
        model.addAttribute("feature", feature);
        return "home/coming-soon";
    }
}
