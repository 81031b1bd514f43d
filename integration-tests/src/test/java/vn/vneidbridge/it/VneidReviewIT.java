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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.Operator;
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

    /**
     * The bridge's admin API asks what Keycloak's own users API asks: reading entries (id numbers, candidate
     * accounts) and deliveries (user ids) needs {@code view-users}, resolving {@code manage-users}; the
     * migration progress (counts only) {@code view-realm} or {@code query-users}.
     */
    @Nested
    class GivenOperatorsHoldingOneAdminRoleEach {

        @Test
        void thenViewRealmSeesTheProgressButNoEntryDeliveryOrResolution() {
            String id = openEntryOfBinh();
            try (Operator operator = Operator.withDvcRoles(keycloak, admin, "view-realm")) {
                assertThat(statuses(operator, id)).containsExactly(
                        Map.entry("entries", 403), Map.entry("entry", 403), Map.entry("deliveries", 403),
                        Map.entry("progress", 200), Map.entry("resolve", 403));
            }
            assertThat(entry(id).path("status").asText()).isEqualTo("OPEN");
        }

        @Test
        void thenQueryUsersSeesTheProgressButNoEntryDeliveryOrResolution() {
            String id = openEntryOfBinh();
            try (Operator operator = Operator.withDvcRoles(keycloak, admin, "query-users")) {
                assertThat(statuses(operator, id)).containsExactly(
                        Map.entry("entries", 403), Map.entry("entry", 403), Map.entry("deliveries", 403),
                        Map.entry("progress", 200), Map.entry("resolve", 403));
            }
            assertThat(entry(id).path("status").asText()).isEqualTo("OPEN");
        }

        @Test
        void thenViewUsersReadsEntriesAndDeliveriesButCannotResolve() {
            String id = openEntryOfBinh();
            try (Operator operator = Operator.withDvcRoles(keycloak, admin, "view-users")) {
                assertThat(statuses(operator, id)).containsExactly(
                        Map.entry("entries", 200), Map.entry("entry", 200), Map.entry("deliveries", 200),
                        Map.entry("progress", 200), Map.entry("resolve", 403));
                assertThat(read(operator.send("GET", REVIEW + "/" + id, null).body()).path("idNumber").asText())
                        .isEqualTo(BINH);
            }
            assertThat(entry(id).path("status").asText()).isEqualTo("OPEN");
        }

        @Test
        void thenManageUsersReadsAndResolves() {
            String id = openEntryOfBinh();
            try (Operator operator = Operator.withDvcRoles(keycloak, admin, "manage-users")) {
                assertThat(statuses(operator, id)).containsExactly(
                        Map.entry("entries", 200), Map.entry("entry", 200), Map.entry("deliveries", 200),
                        Map.entry("progress", 200), Map.entry("resolve", 200));
                assertThat(entry(id).path("resolvedBy").asText()).isEqualTo(operator.username());
            }
            assertThat(entry(id).path("status").asText()).isEqualTo("DISMISSED");
        }

        private String openEntryOfBinh() {
            refusedVneidLogin();
            return openEntriesOfBinh().get(0).path("id").asText();
        }

        /** Each endpoint's status for this operator, the resolution last (a dismissal). */
        private List<Map.Entry<String, Integer>> statuses(Operator operator, String id) {
            return List.of(
                    Map.entry("entries", operator.send("GET", REVIEW + "?status=OPEN", null).statusCode()),
                    Map.entry("entry", operator.send("GET", REVIEW + "/" + id, null).statusCode()),
                    Map.entry("deliveries", operator.send("GET", "/admin/realms/dvc/vneid-bridge/link-deliveries",
                            null).statusCode()),
                    Map.entry("progress", operator.send("GET", "/admin/realms/dvc/vneid-bridge/progress", null)
                            .statusCode()),
                    Map.entry("resolve", operator.send("POST", REVIEW + "/" + id + "/resolve",
                            Map.of("action", "dismiss", "note", "permission test")).statusCode()));
        }
    }

    /**
     * Operators racing on one entry: each request links the VNeID identity to one of Bình's accounts. Only one
     * may win; the others are told so (409) and nothing of theirs is stored, but every attempt is audited.
     */
    @Nested
    class GivenSeveralOperatorsResolveBinhsEntryAtOnce {

        @Test
        void thenExactlyOneLinksTheOthersGet409AndEveryAttemptIsAudited() throws Exception {
            refusedVneidLogin();
            JsonNode entry = openEntriesOfBinh().get(0);
            String id = entry.path("id").asText();
            String binh = candidate(entry, LegacyPersonas.TRANVANBINH);
            String binhHcm = candidate(entry, LegacyPersonas.TRANVANBINH_HCM);
            List<String> choices = List.of(binh, binhHcm, binhHcm, binh);
            List<HttpResponse<String>> answers;
            // manage-users is what resolving needs; manage-realm too, which the API asked for before, so that this
            // test shows the race itself on either
            try (Operator first = Operator.withDvcRoles(keycloak, admin, "manage-users", "manage-realm");
                 Operator second = Operator.withDvcRoles(keycloak, admin, "manage-users", "manage-realm")) {
                List<Operator> operators = List.of(first, second);
                operators.forEach(o -> o.send("GET", REVIEW + "/" + id, null)); // tokens ready before the start
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(choices.size());
                try {
                    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
                    for (int i = 0; i < choices.size(); i++) {
                        Operator operator = operators.get(i % 2);
                        String accountId = choices.get(i);
                        futures.add(pool.submit(() -> {
                            start.await();
                            return operator.send("POST", REVIEW + "/" + id + "/resolve",
                                    Map.of("action", "link", "accountId", accountId, "note", "race"));
                        }));
                    }
                    start.countDown();
                    answers = new ArrayList<>();
                    for (Future<HttpResponse<String>> future : futures) {
                        answers.add(future.get(120, TimeUnit.SECONDS));
                    }
                } finally {
                    pool.shutdownNow();
                }
            }

            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertThat(statuses).as(answers.stream().map(HttpResponse::body).toList().toString())
                    .containsExactly(200, 409, 409, 409);
            answers.stream().filter(a -> a.statusCode() == 409).forEach(a ->
                    assertThat(read(a.body()).path("error").asText()).as("a reason for the operator").isNotBlank());
            JsonNode resolved = entry(id);
            assertThat(resolved.path("status").asText()).isEqualTo("LINKED");
            JsonNode linked = admin.get("/admin/realms/dvc/users?idpAlias=vneid&idpUserId="
                    + entry.path("vneidSubject").asText());
            assertThat(linked).as("one account holds Bình's VNeID identity").hasSize(1);
            assertThat(linked.get(0).path("id").asText()).isEqualTo(resolved.path("linkedUserId").asText());
            assertThat(vneidLinks(binh) + vneidLinks(binhHcm)).as("one VNeID link in total").isEqualTo(1);

            List<JsonNode> audited = adminEvents(id);
            assertThat(audited).as("every attempt is an admin event").hasSize(4);
            assertThat(audited.stream().filter(e -> e.path("error").asText().isEmpty()).count())
                    .as("one success").isEqualTo(1);
        }

        private int vneidLinks(String userId) {
            HttpResponse<String> links = admin.send("GET", "/admin/realms/dvc/users/" + userId + "/federated-identity",
                    null);
            return links.statusCode() == 404 ? 0 : read(links.body()).findValuesAsText("identityProvider").size();
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

    private JsonNode entry(String id) {
        return admin.get(REVIEW + "/" + id);
    }

    /** The admin events of one review entry (any action, success or refused). */
    private List<JsonNode> adminEvents(String entryId) {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/dvc/admin-events?max=500")) {
            if ("VNEID_REVIEW_ENTRY".equals(event.path("resourceType").asText())
                    && event.path("resourcePath").asText().startsWith("vneid-bridge/review-entries/" + entryId + "/")) {
                events.add(event);
            }
        }
        return events;
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
