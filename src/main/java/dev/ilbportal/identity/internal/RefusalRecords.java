package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.AccessDenied;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.IdentityProperties;
import dev.ilbportal.identity.SignInFailed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records failed sign-ins (per source address) and refused pages (per person) in the audit trail, folding repeats
 * within {@code portal.identity.failure-record-window} into one row with a count (see {@link RepeatedRefusals}), and
 * cutting what the requester chose (paths, error codes) to a bounded length.
 */
@Component
public class RefusalRecords {

    static final int MAX_PATH = 256;
    static final int MAX_REASON = 100;

    /** The last refusal of a person, kept until their window closes. */
    record Denial(dev.ilbportal.shared.Actor actor, String method, String path, String reason) {
    }

    private final ApplicationEventPublisher events;
    private final RepeatedRefusals<String> signInFailures;
    private final RepeatedRefusals<Denial> denials;
    private final Clock clock;

    RefusalRecords(ApplicationEventPublisher events, IdentityProperties properties, ObjectProvider<Clock> clocks) {
        this.events = events;
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
        this.signInFailures = new RepeatedRefusals<>(properties.failureRecordWindow(), this.clock);
        this.denials = new RepeatedRefusals<>(properties.failureRecordWindow(), this.clock);
    }

    void signInFailed(HttpServletRequest request, String reason) {
        String source = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
        String shortReason = CurrentUser.shortened(reason == null ? "" : reason, MAX_REASON);
        if (signInFailures.isFirst(source, shortReason)) {
            Instant now = clock.instant();
            events.publishEvent(new SignInFailed(shortReason, source, 1, now, now));
        }
    }

    /**
     * Records a refused request of the person signed in, if anyone is (an anonymous refusal is a sign-in prompt, not
     * a person's refusal); returns their authentication, or null when nobody is signed in.
     */
    Authentication deniedIfSignedIn(HttpServletRequest request, AccessDeniedException denied) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        denied(CurrentUser.of(authentication), request, denied.getClass().getSimpleName());
        return authentication;
    }

    void denied(CurrentUser user, HttpServletRequest request, String reason) {
        Denial denial = new Denial(user.asActor(), CurrentUser.shortened(request.getMethod(), 16),
                CurrentUser.shortened(request.getRequestURI(), MAX_PATH), reason);
        if (denials.isFirst(user.subject(), denial)) {
            Instant now = clock.instant();
            events.publishEvent(new AccessDenied(denial.actor(), denial.method(), denial.path(), denial.reason(), 1,
                    now, now));
        }
    }

    /** Writes one row per source whose window closed with repeats: how many more, from when to when, the last one. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void closeWindows() {
        signInFailures.closeExpired(this::recordRepeatedSignInFailures);
        denials.closeExpired(this::recordRepeatedDenials);
    }

    /**
     * Closes every window now, writing the counts folded so far: when the portal stops (so a restart loses no
     * count), and for tests that need the trail complete at a given moment.
     */
    @EventListener(ContextClosedEvent.class)
    public void closeAllWindows() {
        signInFailures.closeAll(this::recordRepeatedSignInFailures);
        denials.closeAll(this::recordRepeatedDenials);
    }

    private void recordRepeatedSignInFailures(RepeatedRefusals.Tally<String> tally) {
        events.publishEvent(new SignInFailed(tally.last(), tally.source(), tally.repeats(), tally.firstAt(),
                tally.lastAt()));
    }

    private void recordRepeatedDenials(RepeatedRefusals.Tally<Denial> tally) {
        events.publishEvent(new AccessDenied(tally.last().actor(), tally.last().method(), tally.last().path(),
                tally.last().reason(), tally.repeats(), tally.firstAt(), tally.lastAt()));
    }
}
