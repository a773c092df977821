package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.PortalClientRegistration;
import dev.ilbportal.identity.PortalRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The JSON API's own filter chain for {@code /api/**}: bearer JWTs from the same OpenID Connect provider as the
 * pages, no session, no CSRF (no cookie is ever read), and refusals as Problem Details. Roles and teams come from
 * the same groups claim through {@link GroupsClaimAuthoritiesMapper}, so a token grants exactly what a sign-in
 * would. Finer rules (team, own request) stay in the services both the pages and the API call.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder apiTokenDecoder,
                                    GroupsClaimAuthoritiesMapper authoritiesMapper, RefusalRecords refusals)
            throws Exception {
        String[] everyRole = Arrays.stream(PortalRole.values()).map(PortalRole::roleName).toArray(String[]::new);
        ApiRefusals problems = new ApiRefusals(refusals);
        http.securityMatcher("/api/**");
        http.authorizeHttpRequests(rules -> rules.anyRequest().hasAnyRole(everyRole));
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(apiTokenDecoder).jwtAuthenticationConverter(tokenConverter(authoritiesMapper)))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        http.headers(headers -> headers.frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * Checks tokens against the provider the pages sign in with: its keys (JWKS) and its issuer, read from the one
     * client registration, so production and sandbox need no second setting.
     */
    @Bean
    JwtDecoder apiTokenDecoder(ClientRegistrationRepository registrations) {
        ClientRegistration registration = registrations.findByRegistrationId(PortalClientRegistration.REGISTRATION_ID);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(registration.getProviderDetails().getIssuerUri()));
        return decoder;
    }

    /** The token's claims go through the same mapping as a sign-in's; only the mapped roles and teams are kept. */
    static Converter<Jwt, AbstractAuthenticationToken> tokenConverter(GroupsClaimAuthoritiesMapper mapper) {
        return jwt -> {
            List<GrantedAuthority> granted = new ArrayList<>();
            if (jwt.getSubject() != null) {
                OAuth2UserAuthority claims = new OAuth2UserAuthority(jwt.getClaims(), "sub");
                Collection<? extends GrantedAuthority> mapped = mapper.mapAuthorities(List.of(claims));
                mapped.stream().filter(authority -> authority != claims).forEach(granted::add);
            }
            return new JwtAuthenticationToken(jwt, granted, jwt.getSubject());
        };
    }
}
