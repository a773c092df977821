package dev.ilbportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document springdoc generates is the one checked in as docs/openapi.yaml. After changing the API,
 * regenerate it with {@code ./mvnw test -Dtest=ApiDocumentTests -Dportal.docs.write=true}.
 */
@PortalApplicationTest
class ApiDocumentTests {

    static final Path CHECKED_IN = Path.of("docs/openapi.yaml");

    @LocalServerPort
    int port;

    private URI portal() {
        return URI.create("http://localhost:" + port);
    }

    @Test
    void checkedInDocumentIsTheGeneratedOne() throws Exception {
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal());
        login.signIn("alice");
        HttpResponse<String> generated = login.client().send(HttpRequest.newBuilder(portal()
                .resolve("/v3/api-docs.yaml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(generated.statusCode()).isEqualTo(200);
        String document = generated.body();

        assertThat(document).contains("openapi: 3.1.0").contains("/api/v1/requests:")
                .contains("/api/v1/audit/chain-checks:").doesNotContain("/requests/new")
                .contains("bearerFormat: JWT");
        if (Boolean.getBoolean("portal.docs.write")) {
            Files.writeString(CHECKED_IN, document, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("docs/openapi.yaml is stale: run ./mvnw test -Dtest=ApiDocumentTests -Dportal.docs.write=true")
                .isEqualTo(document);
    }

    @Test
    void documentAndSwaggerUiAreForSignedInPeopleOnly() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui/index.html"}) {
            HttpResponse<String> refused = anonymous.send(HttpRequest.newBuilder(portal().resolve(path)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorization/");
        }
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal());
        login.signIn("audrey");
        HttpResponse<String> ui = login.client().send(HttpRequest.newBuilder(portal()
                .resolve("/swagger-ui/index.html")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
