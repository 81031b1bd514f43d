package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * A realm file with link webhooks imports ({@code POST /admin/realms}, the same import as {@code --import-realm}):
 * Keycloak creates a realm's identity providers before its clients, so the webhooks of the {@code vneid} identity
 * provider are checked for their format and address when saved, and for their client where they are read. An export
 * of an older version, with the webhooks on the legacy accounts provider, is refused with where they go now.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkWebhooksRealmImportIT {

    private static final String REALM = "webhooks-import-it";
    private static final String OLD_EXPORT = "webhooks-old-export-it";
    private static final String PORTAL = "import-portal";
    private static final String WEBHOOK = PORTAL + " https://203.162.4.190/hook";

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        deleteTheRealms();
    }

    @AfterAll
    void deleteTheRealms() {
        admin.send("DELETE", "/admin/realms/" + REALM, null);
        admin.send("DELETE", "/admin/realms/" + OLD_EXPORT, null);
    }

    /** A realm with a confidential portal client; its identity providers and components as given. */
    private Map<String, Object> realm(String name, List<Map<String, Object>> identityProviders,
                                      Map<String, Object> components) {
        Map<String, Object> realm = new java.util.HashMap<>(Map.of("realm", name, "enabled", true,
                "clients", List.of(Map.of("clientId", PORTAL, "enabled", true, "publicClient", false,
                        "secret", "import-portal-secret", "redirectUris", List.of("https://203.162.4.190/*"))),
                "identityProviders", identityProviders));
        if (!components.isEmpty()) {
            realm.put("components", components);
        }
        return realm;
    }

    private Map<String, Object> vneid(Map<String, String> extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "clientId", "dvc-broker", "clientSecret", "import-broker-secret", "environment", "SANDBOX",
                "sandboxIssuer", keycloak.realmUri("vneid-sandbox").toString()));
        config.putAll(extra);
        return Map.of("alias", "vneid", "providerId", "vneid", "enabled", true, "config", config);
    }

    @Nested
    class GivenARealmFileWithWebhooksOnTheVneidIdentityProvider {

        @Test
        void thenItImportsWithThemAlthoughItsClientsComeAfterTheProviders() {
            HttpResponse<String> imported = admin.send("POST", "/admin/realms",
                    realm(REALM, List.of(vneid(Map.of("linkWebhooks", WEBHOOK))), Map.of()));

            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            assertThat(admin.get("/admin/realms/" + REALM + "/identity-provider/instances/vneid")
                    .path("config").path("linkWebhooks").asText()).isEqualTo(WEBHOOK);
        }
    }

    @Nested
    class GivenAnExportOfAnOlderVersionWithWebhooksOnTheLegacyProvider {

        @Test
        void thenItIsRefusedAndTheLogSaysWhereTheyGoNow() throws Exception {
            Map<String, Object> legacy = Map.of("id", UUID.randomUUID().toString(), "name", "legacy-accounts",
                    "providerId", "vneid-legacy-accounts", "subComponents", Map.of(),
                    "config", Map.of("linkWebhooks", List.of(WEBHOOK)));

            HttpResponse<String> imported = admin.send("POST", "/admin/realms", realm(OLD_EXPORT, List.of(vneid(Map.of())),
                    Map.of("org.keycloak.storage.UserStorageProvider", List.of(legacy))));

            assertThat(imported.statusCode()).as(imported.body()).isNotEqualTo(201);
            assertThat(admin.send("GET", "/admin/realms/" + OLD_EXPORT, null).statusCode()).as("no realm")
                    .isEqualTo(404);
            assertThat(Files.readString(keycloak.logFile(), StandardCharsets.UTF_8))
                    .contains("the new legacy accounts provider legacy-accounts holds link webhooks")
                    .contains("move them to the setting linkWebhooks of the identity provider vneid");
        }
    }
}
