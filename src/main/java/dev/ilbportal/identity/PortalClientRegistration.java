package dev.ilbportal.identity;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.util.StringUtils;

/** The portal's one client registration, discovered from the provider's issuer, for production and sandbox alike. */
public final class PortalClientRegistration {

    public static final String REGISTRATION_ID = "portal";

    private PortalClientRegistration() {
    }

    /**
     * Discovers the provider at {@code issuerUri}; fails at start-up with {@link ProviderUnreachableException}
     * naming the setting to fix when the provider does not answer.
     */
    public static ClientRegistrationRepository repository(String issuerUri, String clientId, String clientSecret,
                                                          String scopes) {
        if (!StringUtils.hasText(clientId)) {
            throw new IllegalStateException("portal.identity.oidc.client-id (PORTAL_IDENTITY_OIDC_CLIENT_ID) "
                    + "must be set when portal.identity.oidc.issuer-uri is set");
        }
        ClientRegistration.Builder builder;
        try {
            builder = ClientRegistrations.fromIssuerLocation(issuerUri);
        } catch (RuntimeException unreachable) {
            throw new ProviderUnreachableException(issuerUri, unreachable);
        }
        ClientRegistration registration = builder
                .registrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope(StringUtils.commaDelimitedListToSet(scopes))
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The OpenID Connect provider could not be reached or did not describe itself at start-up. */
    public static class ProviderUnreachableException extends RuntimeException {

        private final String issuerUri;

        ProviderUnreachableException(String issuerUri, Throwable cause) {
            super("The OpenID Connect provider at " + issuerUri + " could not be discovered: " + cause.getMessage(),
                    cause);
            this.issuerUri = issuerUri;
        }

        public String issuerUri() {
            return issuerUri;
        }
    }
}
