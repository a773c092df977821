package dev.ilbportal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@PortalApplicationTest
class ApiSecurityTests {

    @RegisterExtension
    final PortalApiClient api = PortalApiClient.ofTheTestsPortal();

    @Test
    void callWithoutTokenIsUnauthorizedProblemWithBearerChallenge() throws Exception {
        var reply = api.anonymous().get("/api/v1/requests");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().get("status").asInt()).isEqualTo(401);
        assertThat(reply.header("Set-Cookie")).isNull();
    }

    @Test
    void forgedTokenIsUnauthorized() throws Exception {
        String token = api.tokenFor("alice");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        var reply = api.anonymous().send("GET", "/api/v1/requests", null, Map.of("Authorization", "Bearer " + forged));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void personWithoutPortalGroupIsForbiddenProblem() throws Exception {
        var reply = api.as("nina").get("/api/v1/requests");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("title").asString()).isEqualTo("Forbidden");
    }

    @Test
    void tokenGrantsTheRolesAndTeamsOfTheGroupsClaimWithoutSessionOrCsrf() throws Exception {
        var reply = api.as("alice").post("/api/v1/requests/validate", Map.of("team", "search"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("valid").asBoolean()).isFalse();
        assertThat(reply.json().get("errors").findValuesAsString("field")).contains("team", "name");
        assertThat(reply.header("Set-Cookie")).isNull();
    }

    @Test
    void bearerTokenDoesNotOpenThePages() throws Exception {
        var reply = api.as("adam").get("/requests");

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location")).contains("/oauth2/authorization/");
    }
}
