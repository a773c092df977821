package dev.ilbportal.home.web;

import dev.ilbportal.identity.CurrentUser;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The navigation entries of the signed-in person: only what their roles allow. */
@ControllerAdvice
class HomeNavigation {

    @ModelAttribute("navigation")
    List<Feature> navigation() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        return Feature.openTo(CurrentUser.of(authentication));
    }
}
