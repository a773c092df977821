package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.IdentityProperties;
import dev.ilbportal.identity.PortalClientRegistration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Signs people in through the configured OpenID Connect provider (Keycloak, Entra ID, Okta, ...). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.identity.oidc", name = "issuer-uri")
class ProductionOidcConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(IdentityProperties properties) {
        IdentityProperties.Oidc oidc = properties.oidc();
        return PortalClientRegistration.repository(oidc.issuerUri(), oidc.clientId(), oidc.clientSecret(),
                oidc.scopes());
    }
}
