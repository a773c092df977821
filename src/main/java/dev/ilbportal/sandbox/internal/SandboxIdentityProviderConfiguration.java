package dev.ilbportal.sandbox.internal;

import dev.ilbportal.sandbox.DemoPerson;
import dev.ilbportal.sandbox.SandboxProperties;
import dev.ilbportal.identity.PortalClientRegistration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
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
public class SandboxIdentityProviderConfiguration {

    public static final String ISSUER_ID = "portal";
    static final String CLIENT_ID = "ilb-portal";
    static final Duration API_TOKEN_LIFETIME = Duration.ofHours(1);

    @Bean(destroyMethod = "shutdown")
    MockOAuth2Server sandboxIdentityProvider(SandboxProperties properties) throws IOException {
        Path loginPage = Files.createTempFile("ilb-portal-sandbox-login", ".html");
        Files.writeString(loginPage, SandboxLoginPage.html(DemoPerson.all()), StandardCharsets.UTF_8);
        loginPage.toFile().deleteOnExit();
        OAuth2Config config = new OAuth2Config(true, loginPage.toString(), null, false, new OAuth2TokenProvider(),
                Set.of(apiTokens(DemoPerson.all())), new NettyWrapper(null));
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(properties.oidcPort());
        return server;
    }

    /**
     * Tokens for the JSON API without a browser: the password grant with a demo person's username (any password)
     * returns an access token carrying that person's name, email and groups, as their sign-in would (docs/api.md).
     * The browser sign-in is untouched: its claims come from the login page's form.
     */
    static RequestMappingTokenCallback apiTokens(List<DemoPerson> people) {
        List<RequestMapping> mappings = new ArrayList<>();
        for (DemoPerson person : people) {
            mappings.add(new RequestMapping("username", person.username(), Map.of(
                    "sub", person.username(),
                    "preferred_username", person.username(),
                    "name", person.name(),
                    "email", person.email(),
                    "groups", person.groups()), "JWT"));
        }
        return new RequestMappingTokenCallback(ISSUER_ID, mappings, API_TOKEN_LIFETIME.toSeconds());
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
