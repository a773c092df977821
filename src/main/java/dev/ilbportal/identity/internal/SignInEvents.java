package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.SignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns Spring Security's sign-in success into the portal's own {@link SignedIn} event, which the audit records. */
@Component
class SignInEvents {

    private final ApplicationEventPublisher events;

    SignInEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        Authentication authentication = success.getAuthentication();
        CurrentUser user = CurrentUser.of(authentication);
        events.publishEvent(new SignedIn(user.asActor(), user.teams()));
    }
}
