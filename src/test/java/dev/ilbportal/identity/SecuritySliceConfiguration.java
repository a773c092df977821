package dev.ilbportal.identity;

import dev.ilbportal.identity.internal.GroupsClaimAuthoritiesMapper;
import dev.ilbportal.identity.internal.RefusalRecords;
import dev.ilbportal.identity.internal.SecurityConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The real security configuration for web-slice tests, with a client registration that needs no provider. */
@TestConfiguration
@Import({SecurityConfiguration.class, GroupsClaimAuthoritiesMapper.class, RefusalRecords.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(IdentityProperties.class)
public class SecuritySliceConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository() {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("portal")
                .clientId("ilb-portal")
                .clientSecret("test")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri("http://provider.test/authorize")
                .tokenUri("http://provider.test/token")
                .jwkSetUri("http://provider.test/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(java.util.Map.of("end_session_endpoint", "http://provider.test/endsession"))
                .build());
    }
}
