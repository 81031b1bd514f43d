package vn.vneidbridge.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operators' pages' client in both realm files: public (the page keeps no secret), authorization code with PKCE
 * S256 only, redirects and logout only to the page itself, and the two roles it is checked against declared beside
 * Keycloak's own admin roles (the resolver holding the reader).
 */
class OperatorsConsoleClientTest {

    private static JsonNode realm(String file) throws IOException {
        try (InputStream in = OperatorsConsoleClientTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode client(JsonNode realm) {
        for (JsonNode client : realm.path("clients")) {
            if ("vneid-operations-console".equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client vneid-operations-console");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/realms/dvc-realm.json", "/production/dvc-realm.json"})
    void theClientIsPublicWithPkceAndRedirectsOnlyToThePage(String file) throws IOException {
        JsonNode client = client(realm(file));

        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(client.path("redirectUris").toString()).isEqualTo("[\"/realms/dvc/vneid-operations/*\"]");
        assertThat(client.path("rootUrl").asText()).isEqualTo("${authBaseUrl}");
        assertThat(client.path("baseUrl").asText()).as("the Home URL the Clients list links to")
                .isEqualTo("/realms/dvc/vneid-operations/");
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).isEqualTo("+");
        assertThat(client.path("description").asText()).as("Keycloak stores at most 255 characters").hasSizeLessThanOrEqualTo(255);
        assertThat(client.path("name").asText()).hasSizeLessThanOrEqualTo(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/realms/dvc-realm.json", "/production/dvc-realm.json"})
    void theRolesAreDeclaredOnRealmManagementAndTheResolverHoldsTheReader(String file) throws IOException {
        JsonNode roles = realm(file).path("roles").path("client").path("realm-management");
        List<String> names = new ArrayList<>();
        JsonNode resolver = null;
        for (JsonNode role : roles) {
            names.add(role.path("name").asText());
            if ("vneid-operations-resolver".equals(role.path("name").asText())) {
                resolver = role;
            }
        }

        assertThat(names).contains("vneid-operations-reader", "vneid-operations-resolver");
        roles.forEach(role -> assertThat(role.path("description").asText()).as(role.path("name").asText())
                .hasSizeLessThanOrEqualTo(255));
        assertThat(resolver.path("composites").path("client").path("realm-management").toString())
                .isEqualTo("[\"vneid-operations-reader\"]");
    }

    /**
     * The sandbox's users (its operators, and the official of the Vietnam Post persona) log in without a profile step:
     * their names hold none of the characters Keycloak's person-name validator refuses (a name with parentheses sent {@code vanhanh.xem} to "update your profile").
     */
    @org.junit.jupiter.api.Test
    void theSandboxsOperatorsNamesPassKeycloaksPersonNameValidator() throws IOException {
        List<String> users = new ArrayList<>();
        for (JsonNode user : realm("/realms/dvc-realm.json").path("users")) {
            users.add(user.path("username").asText());
            for (String field : List.of("firstName", "lastName")) {
                assertThat(user.path(field).asText()).as(user.path("username").asText() + " " + field)
                        .isNotBlank().doesNotContainPattern("[<>&\"$%!#?§;*~/\\|^=\\[\\]{}()]");
            }
        }
        // and the Hà Tĩnh official of the Vietnam Post persona (README), who is no operator
        assertThat(users).containsExactly("vanhanh", "vanhanh.xem", "canbo.hatinh");
    }
}
