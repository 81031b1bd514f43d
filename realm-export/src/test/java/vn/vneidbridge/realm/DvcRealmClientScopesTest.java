package vn.vneidbridge.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Realm {@code dvc}'s client scopes as the file declares them: what every client gets (the realm-default scopes)
 * releases nothing about the person but a username that is not an id number; the identity fields are in scopes
 * only an operator grants, and the sandbox portals are granted them in the file.
 */
class DvcRealmClientScopesTest {

    /** The portals of the sandbox contract: granted the identity fields in the realm file. */
    static final List<String> SANDBOX_PORTALS = List.of("dvcqg-portal", "dvc-hatinh-web", "dvc-binhduong-web",
            "dvc-binhdinh-web", "dvc-lylichtuphap-web");
    /**
     * The mapper types of realm-default scopes: none reads a user attribute or property but {@code locale} ({@code amr}
     * says how the login happened, from the session's completed steps).
     */
    static final Set<String> SAFE_MAPPER_TYPES = Set.of("oidc-sub-mapper", "oidc-usersessionmodel-note-mapper",
            "oidc-acr-mapper", "oidc-amr-mapper", "vneid-level-mapper", "vneid-username-mapper",
            "oidc-usermodel-realm-role-mapper", "oidc-usermodel-client-role-mapper", "oidc-audience-resolve-mapper", "oidc-allowed-origins-mapper");

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DvcRealmClientScopesTest.class.getResourceAsStream("/realms/dvc-realm.json")) {
            assertThat(in).as("realms/dvc-realm.json on the class path").isNotNull();
            realm = new ObjectMapper().readTree(in);
        }
    }

    @Nested
    class GivenAClientAnOperatorCreates {

        @Test
        void thenKeycloakAddsNoScopesOfItsOwn() {
            assertThat(realm.path("attributes").path("CreateDefaultClientScopes").asText())
                    .as("Keycloak's own profile, email, phone, address and microprofile-jwt scopes are not created")
                    .isEqualTo("false");
        }

        @Test
        void thenItsDefaultScopesReleaseNoIdentityField() {
            List<String> defaults = names(realm.path("defaultDefaultClientScopes"));
            assertThat(defaults).containsExactlyInAnyOrder("basic", "acr", "vneid-level", "profile", "roles",
                    "web-origins");
            for (String name : defaults) {
                for (JsonNode mapper : scope(name).path("protocolMappers")) {
                    String type = mapper.path("protocolMapper").asText();
                    boolean locale = type.equals("oidc-usermodel-attribute-mapper")
                            && mapper.path("config").path("user.attribute").asText().equals("locale");
                    assertThat(SAFE_MAPPER_TYPES.contains(type) || locale)
                            .as(name + " releases " + mapper.path("name").asText() + " (" + type + ")").isTrue();
                }
            }
        }

        @Test
        void thenItCannotAskForAnyOtherScope() {
            assertThat(names(realm.path("defaultOptionalClientScopes"))).isEmpty();
        }
    }

    @Nested
    class GivenTheScopeVneidIdentity {

        @Test
        void thenItReleasesTheNumberTheNamesAndTheLegacyAccount() {
            assertThat(mapperTypes(scope("vneid-identity"))).contains("vneid-legacy-account-claims",
                    "vneid-vietnamese-name-mapper", "oidc-full-name-mapper");
            assertThat(userAttributes(scope("vneid-identity"))).contains("firstName", "lastName", "birthdate",
                    "gender", "username", "vneid_linked_at");
        }

        @Test
        void thenEverySandboxPortalIsGrantedItAsADefault() {
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                if (SANDBOX_PORTALS.contains(id)) {
                    assertThat(names(client.path("defaultClientScopes"))).as(id).contains("vneid-identity", "email",
                            "vneid-level", "acr", "basic");
                } else {
                    assertThat(names(client.path("defaultClientScopes"))).as(id).doesNotContain("vneid-identity");
                }
            }
        }
    }

    @Nested
    class GivenTheScopeVneidOrganisation {

        @Test
        void thenItReleasesOnlyTheOrganisationsClaimsAndOnlyTheNationalPortalHasItByDefault() {
            assertThat(mapperTypes(scope("vneid-organisation"))).containsExactly("vneid-organisation-claims");
            assertThat(names(realm.path("defaultDefaultClientScopes"))).doesNotContain("vneid-organisation");
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                boolean granted = names(client.path("defaultClientScopes")).contains("vneid-organisation")
                        || names(client.path("optionalClientScopes")).contains("vneid-organisation");
                assertThat(granted).as(id).isEqualTo(id.equals("dvcqg-portal"));
            }
        }
    }

    private static JsonNode scope(String name) {
        for (JsonNode scope : realm.path("clientScopes")) {
            if (scope.path("name").asText().equals(name)) {
                return scope;
            }
        }
        throw new AssertionError("no client scope " + name);
    }

    private static List<String> mapperTypes(JsonNode scope) {
        List<String> types = new ArrayList<>();
        scope.path("protocolMappers").forEach(mapper -> types.add(mapper.path("protocolMapper").asText()));
        return types;
    }

    private static List<String> userAttributes(JsonNode scope) {
        List<String> attributes = new ArrayList<>();
        scope.path("protocolMappers").forEach(mapper -> attributes.add(mapper.path("config").path("user.attribute").asText()));
        return attributes;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
