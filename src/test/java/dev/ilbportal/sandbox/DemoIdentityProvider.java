package dev.ilbportal.sandbox;

import dev.ilbportal.sandbox.internal.SandboxIdentityProviderConfiguration;
import dev.ilbportal.sandbox.internal.SandboxLoginPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * The sandbox's OpenID Connect provider (same login page, same demo people) started by a test outside any portal
 * process, so several portal processes can share it as their production provider.
 */
public final class DemoIdentityProvider implements AutoCloseable {

    private final MockOAuth2Server server;

    private DemoIdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    public static DemoIdentityProvider start() {
        try {
            Path loginPage = Files.createTempFile("ilb-portal-demo-login", ".html");
            Files.writeString(loginPage, SandboxLoginPage.html(DemoPerson.all()), StandardCharsets.UTF_8);
            loginPage.toFile().deleteOnExit();
            MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true, loginPage.toString(), null, false,
                    new OAuth2TokenProvider(), Set.of(), new NettyWrapper(null)));
            server.start();
            return new DemoIdentityProvider(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer a portal is given as {@code portal.identity.oidc.issuer-uri}. */
    public String issuer() {
        return server.issuerUrl(SandboxIdentityProviderConfiguration.ISSUER_ID).toString();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
