package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;
import vn.vneidbridge.it.support.WebhookReceiver;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * Link webhooks on a server configured as in production (no {@code allow-private-addresses}): an administrator of
 * the realm cannot make Keycloak send requests to its own machine or network — not when saving the webhook (a
 * setting of the vneid identity provider), and not when delivering one that reached the database some other way
 * (saved before this rule, left on the legacy provider where webhooks were kept before, or written around the
 * admin API).
 */
@ExtendWith(TestKeycloakOnPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkWebhookAddressesOnPostgresIT {

    private static final String AN = "001090001234";
    private static final String VNEID = "/admin/realms/dvc/identity-provider/instances/vneid";
    private static final String OTP = "123456";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        fixtures.useThisServersStandIn(keycloak);
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
    }

    @AfterAll
    void putThingsBack() {
        fixtures.setWebhooks(List.of());
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
    }

    @Nested
    class GivenAnAdministratorSavesAWebhook {

        @ParameterizedTest
        @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:8080/hook", "http://2130706433/hook",
            "http://0177.0.0.1/hook", "http://[::1]:8080/hook", "http://[::ffff:127.0.0.1]/hook",
            "http://169.254.169.254/latest/meta-data/", "https://10.0.0.8/hook", "https://192.168.1.20/hook",
            "http://0.0.0.0:8080/hook"})
        void thenANonPublicAddressIsRefusedWithAReadableMessage(String url) {
            HttpResponse<String> saved = fixtures.setWebhooks(List.of("dvcqg-portal " + url));

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(400);
            assertThat(saved.body()).contains("dvcqg-portal").containsAnyOf("loopback", "link-local", "private",
                    "unspecified").contains("allow-private-addresses");
            assertThat(webhooks()).as("nothing saved").isEmpty();
        }

        /**
         * Keycloak checks a provider's settings as the type the request's body names, but stores them under the
         * stored type: "providerId":"oidc" in the body would save the vneid provider's webhooks checked as OIDC's
         * (none). The update is checked again as vneid, and refused.
         */
        @Test
        void thenAnotherProviderIdInTheBodyDoesNotSkipTheCheck() {
            JsonNode before = admin.get(VNEID);
            ObjectNode body = before.deepCopy();
            body.put("providerId", "oidc");
            ObjectNode config = (ObjectNode) body.get("config");
            config.put("linkWebhooks", "dvcqg-portal http://127.0.0.1:8080/hook");
            // what OIDC's own check asks for, so that only the webhook can be refused
            if (!config.hasNonNull("jwksUrl")) {
                config.put("jwksUrl", keycloak.realmUri("vneid-sandbox") + "/protocol/openid-connect/certs");
            }
            try {
                HttpResponse<String> saved = admin.send("PUT", VNEID, body);

                assertThat(saved.statusCode()).as(saved.body()).isEqualTo(400);
                assertThat(saved.body()).contains("dvcqg-portal").contains("loopback");
                JsonNode after = admin.get(VNEID);
                assertThat(after.path("providerId").asText()).isEqualTo("vneid");
                assertThat(webhooks()).as("nothing saved").isEmpty();
                assertThat(after.path("config").has("jwksUrl")).as("nothing of that request saved")
                        .isEqualTo(before.path("config").has("jwksUrl"));
            } finally {
                // puts back what a missing check would have let through
                admin.send("PUT", VNEID, before);
            }
        }

        @Test
        void thenAPublicAddressIsSaved() {
            HttpResponse<String> saved = fixtures.setWebhooks(List.of("dvcqg-portal https://203.162.4.190/hook"));

            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
            assertThat(webhooks()).containsExactly("dvcqg-portal https://203.162.4.190/hook");
            fixtures.setWebhooks(List.of());
        }
    }

    @Nested
    class GivenALoopbackWebhookAlreadyInTheDatabase {

        @Test
        void thenTheDeliveryIsRefusedBeforeAnyConnectionAndOperatorsSeeWhy() throws Exception {
            // An's Keycloak id is the same every time his legacy account is imported: other classes on this server
            // leave deliveries about him behind, so only the ones queued by this login count
            java.util.Set<String> before = deliveryIds();
            try (WebhookReceiver portal = new WebhookReceiver()) {
                portal.start();
                writeAroundTheAdminApi("dvcqg-portal " + portal.url("/national"));
                assertThat(leftoverWebhooks()).as("the realm sees it").hasSize(1);

                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
                JWTClaimsSet an = login.finish(login.confirmShownAccount(
                        login.vneidLogin(AN, LegacyPersonas.PASSWORD, OTP, Map.of())));
                assertThat(an.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);

                JsonNode delivery = awaitAttempt(an.getSubject(), before);
                assertThat(delivery.path("status").asText()).isEqualTo("PENDING");
                assertThat(delivery.path("lastError").asText()).contains("refused").contains("loopback");
                assertThat(portal.deliveries()).as("nothing reached the loopback webhook").isEmpty();
            } finally {
                removeAroundTheAdminApi();
                fixtures.setWebhooks(List.of());
            }
        }

        /**
         * Stores the entry in Keycloak's database directly, where webhooks were kept before they became a setting of
         * the vneid identity provider (the legacy provider; still read there until moved at a start), then drops the
         * realm cache so Keycloak reads it.
         */
        private void writeAroundTheAdminApi(String entry) throws Exception {
            String componentId = legacyProvider().path("id").asText();
            try (Connection connection = DriverManager.getConnection(TestKeycloakOnPostgres.keycloakDatabaseUrl());
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO component_config (id, component_id, name, value) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, componentId);
                insert.setString(3, "linkWebhooks");
                insert.setString(4, entry);
                insert.executeUpdate();
            }
            HttpResponse<String> cleared = admin.send("POST", "/admin/realms/dvc/clear-realm-cache", null);
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(204);
        }

        private void removeAroundTheAdminApi() throws Exception {
            try (Connection connection = DriverManager.getConnection(TestKeycloakOnPostgres.keycloakDatabaseUrl());
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM component_config WHERE component_id = ? AND name = ?")) {
                delete.setString(1, legacyProvider().path("id").asText());
                delete.setString(2, "linkWebhooks");
                delete.executeUpdate();
            }
            HttpResponse<String> cleared = admin.send("POST", "/admin/realms/dvc/clear-realm-cache", null);
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(204);
        }

        private java.util.Set<String> deliveryIds() {
            java.util.Set<String> ids = new java.util.HashSet<>();
            admin.get("/admin/realms/dvc/vneid-bridge/link-deliveries").forEach(row -> ids.add(row.path("id").asText()));
            return ids;
        }

        private JsonNode awaitAttempt(String userId, java.util.Set<String> before) throws InterruptedException {
            Instant end = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(end)) {
                for (JsonNode row : admin.get("/admin/realms/dvc/vneid-bridge/link-deliveries")) {
                    if (userId.equals(row.path("userId").asText()) && !before.contains(row.path("id").asText())
                            && row.path("attempts").asInt() >= 1) {
                        return row;
                    }
                }
                Thread.sleep(500);
            }
            throw new AssertionError("no delivery attempt for " + userId + " within 60 s");
        }
    }

    private JsonNode legacyProvider() {
        for (JsonNode component : admin.get(
                "/admin/realms/dvc/components?type=org.keycloak.storage.UserStorageProvider")) {
            if ("vneid-legacy-accounts".equals(component.path("providerId").asText())) {
                return component;
            }
        }
        throw new AssertionError("realm dvc has no legacy accounts provider");
    }

    private List<String> webhooks() {
        return fixtures.webhooks();
    }

    /** What the legacy provider still holds, where webhooks were kept before. */
    private List<String> leftoverWebhooks() {
        JsonNode values = legacyProvider().path("config").path("linkWebhooks");
        return values.isMissingNode() ? List.of() : java.util.stream.StreamSupport.stream(values.spliterator(), false)
                .map(JsonNode::asText).filter(v -> !v.isBlank()).toList();
    }
}
