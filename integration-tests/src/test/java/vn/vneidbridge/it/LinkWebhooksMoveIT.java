package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * Link webhooks left on the legacy accounts provider, where they were kept before they became a setting of the
 * {@code vneid} identity provider, are moved there when Keycloak starts: the production realm on its own server and
 * PostgreSQL, given a webhook the way an older version stored it (in the provider's configuration, written in the
 * database), and started again.
 */
class LinkWebhooksMoveIT {

    private static final String SERVER = "webhooks-move-it";
    private static final String LEFTOVER = "dvcqg-portal https://203.162.4.190/hook";
    /** Refused by the identity provider on a server as in production (a private address): not moved. */
    private static final String REFUSED = "dvc-hatinh-web https://10.0.0.8/hook";
    private static final String LEGACY_PROVIDER = "vneid-legacy-accounts";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GivenAWebhookLeftOnTheLegacyProviderByAnOlderVersion {

        EmbeddedPostgres database;
        KeycloakServer server;
        AdminApi admin;

        @BeforeAll
        void startStoreAndStartAgain() throws Exception {
            Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
            database = EmbeddedPostgres.builder()
                    .setDataDirectory(servers.resolve(SERVER + "-data").resolve("keycloak-postgres"))
                    .setCleanDataDirectory(true).setPort(TestKeycloak.freePort()).start();
            Map<String, String> variables = ProductionRealmImportIT.variables();
            server = KeycloakServer.start(config(variables, true));
            try (Connection connection = DriverManager.getConnection(url());
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO component_config (id, component_id, name, value) SELECT ?, c.id, ?, ? "
                                 + "FROM component c JOIN realm r ON r.id = c.realm_id "
                                 + "WHERE r.name = 'dvc' AND c.provider_id = ?")) {
                for (String entry : List.of(LEFTOVER, REFUSED)) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "linkWebhooks");
                    insert.setString(3, entry);
                    insert.setString(4, LEGACY_PROVIDER);
                    assertThat(insert.executeUpdate()).as("the realm's one legacy provider").isEqualTo(1);
                }
            }
            server.close();
            server = KeycloakServer.start(config(variables, false));
            admin = AdminApi.of(server);
        }

        private String url() {
            return database.getJdbcUrl("postgres", "postgres");
        }

        private KeycloakServerConfig config(Map<String, String> variables, boolean first) {
            return ProductionRealmImportIT.production(variables)
                    .name(SERVER)
                    .buildOption("db", "postgres")
                    .runtimeOption("db-url", url())
                    .runtimeOption("db-username", "postgres")
                    .runtimeOption("db-password", "postgres")
                    .freshData(first)
                    .build();
        }

        @AfterAll
        void stop() throws Exception {
            if (server != null) {
                server.close();
            }
            if (database != null) {
                database.close();
            }
        }

        private JsonNode legacyProvider() {
            for (JsonNode component : admin.get(
                    "/admin/realms/dvc/components?type=org.keycloak.storage.UserStorageProvider")) {
                if (LEGACY_PROVIDER.equals(component.path("providerId").asText())) {
                    return component;
                }
            }
            throw new AssertionError("realm dvc has no legacy accounts provider");
        }

        private List<String> leftovers() {
            return setting("linkWebhooks");
        }

        private List<String> setting(String key) {
            List<String> values = new java.util.ArrayList<>();
            legacyProvider().path("config").path(key).forEach(value -> values.add(value.asText()));
            return values;
        }

        private HttpResponse<String> saveLegacyProvider(String key, List<String> values) {
            ObjectNode component = (ObjectNode) legacyProvider();
            ObjectNode config = (ObjectNode) component.get("config");
            // an empty list removes the setting, as the admin console sends it; a key left out is left as it is
            values.forEach(config.putArray(key)::add);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = new ObjectMapper().convertValue(component, Map.class);
            return admin.send("PUT", "/admin/realms/dvc/components/" + component.get("id").asText(), body);
        }

        @Test
        void thenTheWebhookIsASettingOfTheVneidIdentityProviderAndNoLongerOfTheLegacyProvider() {
            assertThat(admin.get("/admin/realms/dvc/identity-provider/instances/vneid")
                    .path("config").path("linkWebhooks").asText()).isEqualTo(LEFTOVER);
            assertThat(leftovers()).as("taken off the legacy provider").doesNotContain(LEFTOVER);
        }

        /**
         * AR-35: the entry the identity provider refused is put aside, where nothing reads it, instead of staying live on
         * the legacy provider; it cannot be made live again there, only removed.
         */
        @Test
        void thenOneTheIdentityProviderWouldRefuseIsPutAsideUnusedAndCanOnlyBeRemoved() throws Exception {
            assertThat(setting("linkWebhooksRefused")).containsExactly(REFUSED);
            assertThat(leftovers()).as("nothing live is left on the legacy provider").isEmpty();
            List<String> warnings = Files.readAllLines(server.logFile()).stream()
                    .filter(line -> line.contains("left on the legacy accounts provider is not moved")).toList();
            assertThat(warnings).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .contains("of client dvc-hatinh-web").doesNotContain("10.0.0.8"));

            HttpResponse<String> revived = saveLegacyProvider("linkWebhooks", List.of(REFUSED));
            assertThat(revived.statusCode()).as(revived.body()).isEqualTo(400);
            HttpResponse<String> added = saveLegacyProvider("linkWebhooksRefused",
                    List.of(REFUSED, "dvcqg-portal https://203.162.4.192/hook"));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(400);
            assertThat(leftovers()).isEmpty();
            assertThat(setting("linkWebhooksRefused")).containsExactly(REFUSED);

            HttpResponse<String> removed = saveLegacyProvider("linkWebhooksRefused", List.of());
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
            assertThat(setting("linkWebhooksRefused")).isEmpty();
        }

        @Test
        void thenTheLegacyProviderRefusesANewOneAndSaysWhereItGoes() {
            HttpResponse<String> saved = saveLegacyProvider("linkWebhooks",
                    List.of("dvcqg-portal https://203.162.4.191/hook"));

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(400);
            assertThat(saved.body()).as("where webhooks are set now").contains("Identity providers");
            assertThat(leftovers()).isEmpty();
            assertThat(List.of(admin.get("/admin/realms/dvc/identity-provider/instances/vneid")
                    .path("config").path("linkWebhooks").asText())).containsExactly(LEFTOVER);
        }
    }
}
