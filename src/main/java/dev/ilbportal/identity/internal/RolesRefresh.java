package dev.ilbportal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads a signed-in person's roles and teams whenever their access token is refreshed. On each request of a
 * signed-in session the portal asks Spring Security's authorized-client manager for the person's client; once the
 * access token has expired (or is within a minute of it) the manager uses the refresh token, and Spring Security's
 * {@code OidcAuthorizedClientRefreshedEventListener} validates the new ID token, reads the user-info endpoint, maps
 * the groups again through {@link GroupsClaimAuthoritiesMapper} and puts the new authentication in the session.
 * Someone removed from {@code portal-admins} is no admin from that request on.
 *
 * <p>When the provider refuses the refresh (the person was disabled, their provider session ended, the refresh token
 * expired) or sends an ID token that does not match, the session ends and the next click signs in afresh. A provider
 * that issues no refresh token leaves the roles as read at sign-in; {@code portal.identity.session-max-age} still
 * bounds them.
 */
class RolesRefresh extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RolesRefresh.class);

    private final OAuth2AuthorizedClientManager clients;
    private final ClientRegistrationRepository registrations;

    RolesRefresh(OAuth2AuthorizedClientManager clients, ClientRegistrationRepository registrations) {
        this.clients = clients;
        this.registrations = registrations;
    }

    /**
     * A manager that only refreshes (the portal calls no API with the token; sign-in is the login filter's). It asks
     * for the registration's scopes again, {@code openid} among them, so the provider answers with a new ID token and
     * says the scope it granted (a response without {@code openid} in its scope would not be read as a sign-in).
     */
    static OAuth2AuthorizedClientManager refreshingManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, ApplicationEventPublisher events, Clock clock) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClock(clock);
        refresh.setApplicationEventPublisher(events);
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(refresh);
        manager.setContextAttributesMapper(authorize -> Map.of(OAuth2AuthorizationContext.REQUEST_SCOPE_ATTRIBUTE_NAME,
                registrations.findByRegistrationId(authorize.getClientRegistrationId()).getScopes()
                        .toArray(String[]::new)));
        return manager;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken token && token.isAuthenticated()
                && token.getPrincipal() instanceof OidcUser
                && registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId()) != null) {
            try {
                clients.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(token.getAuthorizedClientRegistrationId())
                        .principal(token)
                        .attribute(HttpServletRequest.class.getName(), request)
                        .attribute(HttpServletResponse.class.getName(), response)
                        .build());
            } catch (OAuth2AuthorizationException | OAuth2AuthenticationException refused) {
                log.info("The provider refused to refresh the sign-in of {} ({}); signing in again",
                        token.getName(), refused.getMessage());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
