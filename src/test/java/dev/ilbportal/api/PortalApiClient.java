package dev.ilbportal.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pipeline's view of the portal: it gets a demo person's token from the sandbox provider exactly as docs/api.md's
 * {@code curl} does (password grant), then calls {@code /api/v1} over real HTTP with no cookie.
 */
final class PortalApiClient implements BeforeEachCallback {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private URI portal;
    private URI tokenEndpoint;

    PortalApiClient(int port, MockOAuth2Server provider) {
        aimAt(port, provider);
    }

    private PortalApiClient() {
    }

    /**
     * For {@code @RegisterExtension} in a test of the whole portal: before each test it aims at the portal's random
     * port and at the sandbox provider of the test's Spring context.
     */
    static PortalApiClient ofTheTestsPortal() {
        return new PortalApiClient();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        aimAt(spring.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                spring.getBean(MockOAuth2Server.class));
    }

    private void aimAt(int port, MockOAuth2Server provider) {
        this.portal = URI.create("http://localhost:" + port);
        this.tokenEndpoint = provider.tokenEndpointUrl("portal").uri();
    }

    /** The access token of a demo person, as {@code curl -d grant_type=password -d username=...} returns it. */
    String tokenFor(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username
                                + "&password=demo&client_id=ilb-portal&client_secret=sandbox-secret&scope=openid"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    Call as(String username) throws IOException, InterruptedException {
        return new Call(tokenFor(username));
    }

    Call anonymous() {
        return new Call(null);
    }

    URI portal() {
        return portal;
    }

    /** Requests made with one token (or none). */
    final class Call {

        private final String token;

        Call(String token) {
            this.token = token;
        }

        Reply get(String path) throws IOException, InterruptedException {
            return send("GET", path, null, Map.of());
        }

        Reply post(String path, Object body) throws IOException, InterruptedException {
            return send("POST", path, body, Map.of());
        }

        Reply send(String method, String path, Object body, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(portal.resolve(path))
                    .header("Accept", "application/json, application/problem+json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            String text = body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    /** One answer: status, headers and the body as JSON (null when empty or not JSON). */
    record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            String body = response.body();
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
