package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Remembers each person at sign-in, with the roles, teams and email the identity provider gave them, because the
 * portal has no user directory of its own: an approver who has never signed in cannot be told about a request.
 */
@Component
class SignInRecorder {

    private final People people;
    private final Clock clock;

    SignInRecorder(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        record(event.getAuthentication());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        record(event.getAuthentication());
    }

    private void record(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (user.subject() != null && !user.subject().isBlank()) {
            people.record(user, clock.instant());
        }
    }
}
