package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * Trần Văn Bình's id number is the verified CCCD of two legacy accounts: his VNeID login opens a review
 * entry, and an operator resolves it through the admin API — linking it to one account (after which his
 * VNeID login lands there) or dismissing it. Each test puts Bình's accounts back as the seeds have them.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidReviewIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BINH = "042085007890";
    private static final String OTP = "123456";
    private static final String REVIEW = "/admin/realms/dvc/vneid-bridge/review-entries";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        fixtures.useThisServersStandIn(keycloak);
        putBinhBack();
    }

    @AfterEach
    void putBinhBack() {
        fixtures.forget(LegacyPersonas.TRANVANBINH);
        fixtures.forget(LegacyPersonas.TRANVANBINH_HCM);
        for (JsonNode entry : openEntriesOfBinh()) {
            admin.send("POST", REVIEW + "/" + entry.path("id").asText() + "/resolve",
                    Map.of("action", "dismiss", "note", "test clean-up"));
        }
    }

    @Nested
    class GivenBinhsVneidLoginIsRefused {

        @Test
        void thenOneOpenReviewEntryListsBothAccountsAndARepeatedLoginUpdatesIt() {
            refusedVneidLogin();
            refusedVneidLogin();

            List<JsonNode> open = openEntriesOfBinh();
            assertThat(open).hasSize(1);
            JsonNode entry = open.get(0);
            assertThat(entry.path("loginAttempts").asInt()).isEqualTo(2);
            assertThat(entry.path("identityProvider").asText()).isEqualTo("vneid");
            assertThat(entry.path("candidates").findValuesAsText("username"))
                    .containsExactlyInAnyOrder(LegacyPersonas.TRANVANBINH, LegacyPersonas.TRANVANBINH_HCM);
            assertThat(entry.path("candidates").findValuesAsText("legacyAccountId"))
                    .containsExactlyInAnyOrder(LegacyPersonas.TRANVANBINH_ID, LegacyPersonas.TRANVANBINH_HCM_ID);
            assertThat(fixtures.user(LegacyPersonas.TRANVANBINH)).as("listing imports nothing").isNull();
        }

        @Test
        void thenAnOperatorLinksItToTranvanbinhAndHisNextVneidLoginLandsThere() {
            refusedVneidLogin();
            JsonNode entry = openEntriesOfBinh().get(0);
            String accountId = candidate(entry, LegacyPersonas.TRANVANBINH);

            HttpResponse<String> resolved = admin.send("POST", REVIEW + "/" + entry.path("id").asText() + "/resolve",
                    Map.of("action", "link", "accountId", accountId, "note", "ticket 42: citizen came to the office"));

            assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
            JsonNode after = read(resolved.body());
            assertThat(after.path("status").asText()).isEqualTo("LINKED");
            assertThat(after.path("linkedUserId").asText()).isEqualTo(accountId);
            assertThat(after.path("resolvedBy").asText()).as("the operator").isNotBlank();
            JsonNode user = admin.get("/admin/realms/dvc/users/" + accountId);
            assertThat(user.path("attributes").path("vneid_linked_at").get(0).asText()).isNotBlank();
            assertThat(admin.get("/admin/realms/dvc/users/" + accountId + "/federated-identity")
                    .findValuesAsText("identityProvider")).containsExactly("vneid");
            assertThat(fixtures.user(LegacyPersonas.TRANVANBINH_HCM)).as("the other account is untouched").isNull();

            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet claims = login.finish(login.vneidLogin(BINH, LegacyPersonas.PASSWORD, OTP, Map.of()));
            assertThat(claims.getSubject()).isEqualTo(accountId);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(LegacyPersonas.TRANVANBINH);
            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.TRANVANBINH_ID);

            assertThat(admin.send("POST", REVIEW + "/" + entry.path("id").asText() + "/resolve",
                    Map.of("action", "dismiss")).statusCode()).as("resolved once").isEqualTo(409);
            assertThat(hasAdminEvent(entry.path("id").asText(), "link")).as("an admin event").isTrue();
            boolean userEvent = false;
            for (JsonNode event : admin.get("/admin/realms/dvc/events?type=FEDERATED_IDENTITY_LINK&user=" + accountId)) {
                userEvent |= "review".equals(event.path("details").path("link_method").asText());
            }
            assertThat(userEvent).as("a user event").isTrue();
        }

        @Test
        void thenAnOperatorMayDismissItAndTheNextLoginOpensANewOne() {
            refusedVneidLogin();
            String id = openEntriesOfBinh().get(0).path("id").asText();

            HttpResponse<String> dismissed = admin.send("POST", REVIEW + "/" + id + "/resolve",
                    Map.of("action", "dismiss", "note", "duplicate accounts to be merged by the portal"));

            assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
            assertThat(read(dismissed.body()).path("status").asText()).isEqualTo("DISMISSED");
            assertThat(read(dismissed.body()).path("note").asText()).isEqualTo("duplicate accounts to be merged by the portal");
            assertThat(hasAdminEvent(id, "dismiss")).isTrue();
            assertThat(fixtures.user(LegacyPersonas.TRANVANBINH)).isNull();
            assertThat(openEntriesOfBinh()).isEmpty();

            refusedVneidLogin();
            assertThat(openEntriesOfBinh()).extracting(e -> e.path("id").asText()).doesNotContain(id).hasSize(1);
        }

        @Test
        void thenAnAccountThatIsNotACandidateOrAnUnknownActionIsRefused() {
            refusedVneidLogin();
            String id = openEntriesOfBinh().get(0).path("id").asText();
            assertThat(admin.send("POST", REVIEW + "/" + id + "/resolve",
                    Map.of("action", "link", "accountId", "not-a-candidate")).statusCode()).isEqualTo(400);
            assertThat(admin.send("POST", REVIEW + "/" + id + "/resolve", Map.of("action", "merge")).statusCode())
                    .isEqualTo(400);
            assertThat(admin.send("GET", REVIEW + "/no-such-entry", null).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class GivenAUserWithoutAdminRoles {

        @Test
        void thenTheBridgeAdminApiAnswers403() throws Exception {
            String username = "it-ops-" + PortalLogin.random(4).toLowerCase().replaceAll("[^a-z0-9]", "x");
            String id = admin.createUser("master", username, "Sandbox@123", Map.of());
            try {
                String token = token(username, "Sandbox@123");
                for (String path : List.of("/vneid-bridge/review-entries", "/vneid-bridge/progress",
                        "/vneid-bridge/link-deliveries")) {
                    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create(keycloak.baseUri() + "/admin/realms/dvc" + path))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path).isEqualTo(403);
                }
                HttpResponse<String> resolve = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(keycloak.baseUri() + "/admin/realms/dvc/vneid-bridge/review-entries/x/resolve"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"dismiss\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(resolve.statusCode()).isEqualTo(403);
            } finally {
                admin.deleteUser("master", id);
            }
        }
    }

    private void refusedVneidLogin() {
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin.Outcome refused = login.vneidLogin(BINH, LegacyPersonas.PASSWORD, OTP, Map.of());
        assertThat(refused.callback()).as("Bình is refused").isEmpty();
    }

    private List<JsonNode> openEntriesOfBinh() {
        List<JsonNode> open = new ArrayList<>();
        for (JsonNode entry : admin.get(REVIEW + "?status=OPEN")) {
            if (BINH.equals(entry.path("idNumber").asText())) {
                open.add(entry);
            }
        }
        return open;
    }

    private static String candidate(JsonNode entry, String username) {
        for (JsonNode candidate : entry.path("candidates")) {
            if (username.equals(candidate.path("username").asText())) {
                return candidate.path("id").asText();
            }
        }
        throw new AssertionError(username + " is not a candidate of " + entry);
    }

    private boolean hasAdminEvent(String entryId, String action) {
        for (JsonNode event : admin.get("/admin/realms/dvc/admin-events?max=200")) {
            if ("VNEID_REVIEW_ENTRY".equals(event.path("resourceType").asText())
                    && event.path("resourcePath").asText().equals("vneid-bridge/review-entries/" + entryId + "/" + action)) {
                return true;
            }
        }
        return false;
    }

    private String token(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.baseUri() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body()).path("access_token").asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
