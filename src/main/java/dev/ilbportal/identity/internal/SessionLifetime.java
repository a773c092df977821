package dev.ilbportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every session an absolute lifetime ({@code portal.identity.session-max-age}) from sign-in, however active
 * the person is: roles and teams come from the provider's groups at sign-in only, so a person removed from
 * {@code portal-admins} must not stay an admin for as long as they keep clicking. When the lifetime is over the
 * session ends and the person goes through the provider again, which reads their groups afresh.
 */
class SessionLifetime extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionLifetime.class.getName() + ".SIGNED_IN_AT";

    private static final Logger log = LoggerFactory.getLogger(SessionLifetime.class);

    private final Duration maxAge;
    private final Clock clock;

    SessionLifetime(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && signedIn() && isOver(session)) {
            log.info("Session of {} reached its lifetime of {}; signing in again",
                    SecurityContextHolder.getContext().getAuthentication().getName(), maxAge);
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean isOver(HttpSession session) {
        long signedInAt = session.getAttribute(SIGNED_IN_AT) instanceof Long at ? at : session.getCreationTime();
        return clock.millis() - signedInAt >= maxAge.toMillis();
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof OAuth2AuthenticationToken && authentication.isAuthenticated();
    }

    /** Notes the moment of sign-in in the (new) session, then goes where the person was going. */
    static class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final Clock clock;

        SignInSuccess(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws ServletException, IOException {
            request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
