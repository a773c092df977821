package dev.ilbportal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The docker-compose Keycloak realm offers the same people, groups and groups claim as the sandbox provider. */
class KeycloakRealmMatchesDemoPeopleTests {

    private final JsonNode realm = JsonMapper.builder().build()
            .readTree(Path.of("deploy/keycloak/ilb-portal-realm.json").toFile());

    @Test
    void everyDemoPersonExistsInTheRealmWithTheSameGroups() {
        for (DemoPerson person : DemoPerson.all()) {
            JsonNode user = findUser(person.username());
            assertThat(user).as(person.username()).isNotNull();
            List<String> groups = new ArrayList<>();
            user.get("groups").forEach(group -> groups.add(group.asString().substring(1)));
            assertThat(groups).as(person.username()).containsExactlyInAnyOrderElementsOf(person.groups());
            assertThat(user.get("email").asString()).isEqualTo(person.email());
        }
    }

    @Test
    void portalClientPutsPlainGroupNamesIntoTheGroupsClaim() {
        JsonNode mapper = realm.get("clients").get(0).get("protocolMappers").get(0);
        assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-group-membership-mapper");
        assertThat(mapper.get("config").get("claim.name").asString()).isEqualTo("groups");
        assertThat(mapper.get("config").get("full.path").asString()).isEqualTo("false");
        assertThat(realm.get("clients").get(0).get("redirectUris").get(0).asString())
                .isEqualTo("http://localhost:8080/login/oauth2/code/portal");
    }

    private JsonNode findUser(String username) {
        for (JsonNode user : realm.get("users")) {
            if (user.get("username").asString().equals(username)) {
                return user;
            }
        }
        return null;
    }
}
