package dev.ilbportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

/** A session ends at its absolute lifetime after sign-in, however often the person clicked in between. */
class SessionLifetimeTests {

    private final MutableClock clock = new MutableClock();
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12), clock);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpSession signedInSession() throws Exception {
        MockHttpServletRequest signIn = new MockHttpServletRequest("GET", "/login/oauth2/code/portal");
        new SessionLifetime.SignInSuccess(clock).onAuthenticationSuccess(signIn, new MockHttpServletResponse(),
                adam());
        return (MockHttpSession) signIn.getSession();
    }

    private static OAuth2AuthenticationToken adam() {
        var authorities = List.of(new SimpleGrantedAuthority(PortalRole.ADMIN.authority()));
        return new OAuth2AuthenticationToken(new DefaultOAuth2User(authorities, Map.of("sub", "adam"), "sub"),
                authorities, "portal");
    }

    private MockHttpServletRequest click(MockHttpSession session) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(adam());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        lifetime.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return request;
    }

    @Test
    void activeSessionEndsTwelveHoursAfterSignIn() throws Exception {
        MockHttpSession session = signedInSession();
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            click(session);
            assertThat(session.isInvalid()).as("after %d hours", hour + 1).isFalse();
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();
        }
        clock.advance(Duration.ofHours(1));
        click(session);

        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("signed out for this request").isNull();
    }

    @Test
    void sessionWithoutASignInTimeCountsFromItsCreation() throws Exception {
        MockHttpSession session = new MockHttpSession();
        clock.advance(Duration.ofHours(13));

        click(session);

        assertThat(session.isInvalid()).isTrue();
    }
}
