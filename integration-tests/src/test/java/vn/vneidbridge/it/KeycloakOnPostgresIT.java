package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * Keycloak's own database on PostgreSQL, as operators run it: VNeID Bridge's tables come from its Liquibase
 * changelog, and the review queue and the link outbox are written there by Keycloak's JPA.
 */
@ExtendWith(TestKeycloakOnPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakOnPostgresIT {

    private static final String BINH = "042085007890";
    private static final String AN = "001090001234";
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
    }

    @AfterAll
    void putThingsBack() {
        fixtures.setWebhooks(List.of());
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
        fixtures.forget(LegacyPersonas.TRANVANBINH);
        fixtures.forget(LegacyPersonas.TRANVANBINH_HCM);
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestKeycloakOnPostgres.keycloakDatabaseUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Nested
    class GivenKeycloaksDatabaseIsPostgresql {

        @Test
        void thenBinhsConflictIsAReviewEntryInPostgresql() throws Exception {
            assertThat(count("SELECT count(*) FROM realm WHERE name = ?", "dvc")).as("Keycloak's realms are here")
                    .isEqualTo(1);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = login.vneidLogin(BINH, LegacyPersonas.PASSWORD, OTP, Map.of());

            assertThat(refused.callback()).isEmpty();
            JsonNode entries = admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN");
            assertThat(entries.findValuesAsText("username")).contains(LegacyPersonas.TRANVANBINH,
                    LegacyPersonas.TRANVANBINH_HCM);
            assertThat(count("SELECT count(*) FROM vneid_review_entry WHERE status = ?", "OPEN")).isEqualTo(1);
        }

        @Test
        void thenAnsLinkIsQueuedInTheOutboxTableForThePortal() throws Exception {
            // a public address (TEST-NET-1) where nobody answers: this server refuses private webhook addresses
            HttpResponse<String> saved = fixtures.setWebhooks(List.of("dvcqg-portal http://192.0.2.1:9/vneid-link"));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            JWTClaimsSet claims = login.finish(login.confirmShownAccount(
                    login.vneidLogin(AN, LegacyPersonas.PASSWORD, OTP, Map.of())));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
            assertThat(count("SELECT count(*) FROM vneid_link_outbox WHERE user_id = ?", claims.getSubject()))
                    .as("one event for the one portal with a webhook, kept while the portal does not answer")
                    .isEqualTo(1);
        }
    }
}
