package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.IdentityProperties;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.UrlAccessRules;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** One filter chain for the whole portal: OIDC login, deny by default, CSRF on, strict security headers. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                       GroupsClaimAuthoritiesMapper authoritiesMapper,
                                       List<UrlAccessRules> moduleRules, RefusalRecords refusals,
                                       IdentityProperties properties, ObjectProvider<Clock> clocks,
                                       Environment environment, OAuth2AuthorizedClientRepository authorizedClients,
                                       ApplicationEventPublisher events)
            throws Exception {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        String[] everyRole = Arrays.stream(PortalRole.values()).map(PortalRole::roleName).toArray(String[]::new);
        http.authorizeHttpRequests(rules -> {
            rules.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                    "/signed-out", "/login-failed").permitAll();
            rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
            rules.requestMatchers(prometheusScrapeOnManagementPort(environment)).permitAll();
            rules.requestMatchers("/actuator/**").hasRole(PortalRole.ADMIN.roleName());
            rules.requestMatchers("/no-access").authenticated();
            rules.requestMatchers("/").hasAnyRole(everyRole);
            moduleRules.forEach(module -> module.apply(rules));
            rules.anyRequest().denyAll();
        });
        http.oauth2Login(login -> login
                .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(authoritiesMapper))
                .successHandler(new SessionLifetime.SignInSuccess(clock))
                // A handler, not failureUrl(..): the default login page would otherwise claim the failure URL.
                .failureHandler(new SignInFailureHandler(refusals)));
        http.addFilterAfter(new SessionLifetime(properties.sessionMaxAge(), clock), SecurityContextHolderFilter.class);
        http.addFilterAfter(new RolesRefresh(RolesRefresh.refreshingManager(registrations, authorizedClients, events,
                clock), registrations), SessionLifetime.class);
        http.logout(logout -> logout.logoutSuccessHandler(providerLogout(registrations)));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new PortalAccessDeniedHandler(refusals)));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The signed-in person's tokens live in their session (so in PostgreSQL, shared by every instance), not in one
     * instance's memory: any instance can refresh them and re-read the roles ({@link RolesRefresh}).
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /**
     * With a separate management port ({@code management.server.port}) a Prometheus server scrapes
     * {@code /actuator/prometheus} there without signing in: that port is for the cluster, not for people (see
     * docs/production.md). On the portal's own port the endpoint stays for admins.
     */
    private static RequestMatcher prometheusScrapeOnManagementPort(Environment environment) {
        return request -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            return management != null && !management.equals(server) && request.getLocalPort() == management
                    && "/actuator/prometheus".equals(request.getRequestURI());
        };
    }

    /** RP-initiated logout: the provider ends its session too, then sends the person to the signed-out page. */
    private static OidcClientInitiatedLogoutSuccessHandler providerLogout(ClientRegistrationRepository registrations) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        return handler;
    }
}
