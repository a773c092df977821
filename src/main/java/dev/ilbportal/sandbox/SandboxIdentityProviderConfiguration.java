package dev.ilbportal.sandbox;

import dev.ilbportal.identity.PortalClientRegistration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * A real OpenID Connect provider in the same process, used when no production provider is configured. Its login
 * page offers every {@link DemoPerson} as one button; the portal signs them in through the ordinary
 * authorization-code flow over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "no.nav.security.mock.oauth2.MockOAuth2Server")
@ConditionalOnPropertyAbsent("portal.identity.oidc.issuer-uri")
class SandboxIdentityProviderConfiguration {

    static final String ISSUER_ID = "portal";
    static final String CLIENT_ID = "ilb-portal";

    @Bean(destroyMethod = "shutdown")
    MockOAuth2Server sandboxIdentityProvider(SandboxProperties properties) throws IOException {
        Path loginPage = Files.createTempFile("ilb-portal-sandbox-login", ".html");
        Files.writeString(loginPage, SandboxLoginPage.html(DemoPerson.all()), StandardCharsets.UTF_8);
        loginPage.toFile().deleteOnExit();
        OAuth2Config config = new OAuth2Config(true, loginPage.toString(), null, false, new OAuth2TokenProvider(),
                Set.of(), new NettyWrapper(null));
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(properties.oidcPort());
        return server;
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(MockOAuth2Server provider) {
        return PortalClientRegistration.repository(provider.issuerUrl(ISSUER_ID).toString(), CLIENT_ID,
                "sandbox-secret", "openid,profile,email");
    }

    @Bean
    SandboxNotice.Part sandboxIdentityPart(MockOAuth2Server provider) {
        return new SandboxNotice.Part("OpenID Connect provider", provider.issuerUrl(ISSUER_ID).toString());
    }
}
