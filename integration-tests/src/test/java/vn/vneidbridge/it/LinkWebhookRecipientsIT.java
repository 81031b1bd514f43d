package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
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
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebhookReceiver;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * Who hears of a citizen's VNeID link and unlink: only the portals related to the citizen — the portal they logged
 * in through, the portal that issued their legacy account (the legacy database's owner), a portal an operator
 * assigned — each signed with that portal's own secret, and the id number only for a portal granted the
 * {@value LinkFixtures#IDENTITY_SCOPE} scope. Three portals have webhooks: the national portal (owner of the
 * legacy database), Hà Tĩnh (granted identity data) and Bình Dương (not granted).
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkWebhookRecipientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AN_CCCD = "001090001234";
    private static final String OTP = "123456";
    private static final String NATIONAL = "dvcqg-portal";
    private static final String HATINH = "dvc-hatinh-web";
    private static final String BINHDUONG = "dvc-binhduong-web";
    private static final Predicate<WebhookReceiver.Delivery> LINKED = d -> d.body().contains("\"vneid.account.linked\"");
    private static final Predicate<WebhookReceiver.Delivery> UNLINKED =
            d -> d.body().contains("\"vneid.account.unlinked\"");

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;
    private final WebhookReceiver national = new WebhookReceiver();
    private final WebhookReceiver hatinh = new WebhookReceiver();
    private final WebhookReceiver binhduong = new WebhookReceiver();
    private final List<Runnable> putBack = new ArrayList<>();
    /** When this class's link began: the persona's user id is derived from its legacy id, the same in every class. */
    private Instant start = Instant.now();

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) throws IOException {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        fixtures.useThisServersStandIn(keycloak);
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
        national.start();
        hatinh.start();
        binhduong.start();
        HttpResponse<String> configured = fixtures.setWebhooks(List.of(NATIONAL + " " + national.url("/national"),
                HATINH + " " + hatinh.url("/hatinh"), BINHDUONG + " " + binhduong.url("/binhduong")));
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(204);
        putBack.add(fixtures.grantIdentityScope(HATINH));
        putBack.add(fixtures.withholdIdentityScope(BINHDUONG));
    }

    @AfterAll
    void putBack() throws InterruptedException {
        JsonNode an = fixtures.user(LegacyPersonas.NGUYENVANAN);
        if (an != null) {
            // a row still pending when the webhooks are reset would go to the next class's portal
            awaitDeliveries(an.path("id").asText(), rows -> rows.stream()
                    .noneMatch(row -> row.path("status").asText().equals("PENDING")));
        }
        fixtures.setWebhooks(List.of());
        putBack.forEach(Runnable::run);
        national.close();
        hatinh.close();
        binhduong.close();
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
    }

    @Nested
    class GivenACitizenWhoLinksThroughOnePortal {

        @Test
        void thenOnlyRelatedPortalsHearOfItEachSignedWithItsOwnSecretAndTheNumberOnlyWhereGranted() throws Exception {
            // Nguyễn Văn An's first VNeID login, through Hà Tĩnh's portal: he confirms the legacy account shown
            start = Instant.now();
            PortalLogin login = new PortalLogin(keycloak, HATINH);
            String userId = login.finish(login.confirmShownAccount(
                    login.vneidLogin(AN_CCCD, LegacyPersonas.PASSWORD, OTP, Map.of()))).getSubject();

            List<JsonNode> rows = awaitDeliveries(userId, all -> all.size() >= 2 && all.stream()
                    .allMatch(row -> row.path("status").asText().equals("DELIVERED")));
            Thread.sleep(4000); // several more polls of the outbox (every second on this server)
            assertThat(hatinh.await(LINKED, 1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(national.await(LINKED, 1, Duration.ofSeconds(10)))
                    .as("the national portal issued his legacy account").hasSize(1);
            assertThat(binhduong.deliveries()).as("Bình Dương never saw him").isEmpty();
            assertThat(clients(deliveries(userId))).as("what the operator sees")
                    .containsExactlyInAnyOrder(NATIONAL, HATINH);
            assertThat(rows).allSatisfy(row -> assertThat(row.path("status").asText()).isEqualTo("DELIVERED"));

            WebhookReceiver.Delivery toHatinh = hatinh.deliveries().get(0);
            JsonNode linked = read(toHatinh.body());
            assertThat(linked.path("sub").asText()).isEqualTo(userId);
            assertThat(linked.path("aud").asText()).as("addressed to Hà Tĩnh").isEqualTo(HATINH);
            assertThat(linked.path("cccd").asText()).as("Hà Tĩnh has the identity scope").isEqualTo(AN_CCCD);
            assertThat(toHatinh.signedWith(PortalLogin.secretOf(HATINH))).as("Hà Tĩnh's own secret").isTrue();
            assertThat(toHatinh.signedWith(PortalLogin.secretOf(BINHDUONG))).isFalse();
            assertThat(toHatinh.signedWith(PortalLogin.secretOf(NATIONAL))).isFalse();
            WebhookReceiver.Delivery toNational = national.deliveries().get(0);
            assertThat(toNational.signedWith(PortalLogin.secretOf(NATIONAL))).isTrue();
            assertThat(toNational.signedWith(PortalLogin.secretOf(HATINH))).isFalse();
            assertThat(read(toNational.body()).path("aud").asText()).isEqualTo(NATIONAL);

            JsonNode portals = admin.get(portalsPath(userId));
            assertThat(portals.path("portals").findValuesAsText("clientId")).contains(HATINH).doesNotContain(BINHDUONG);
            assertThat(portals.path("legacyDatabaseOwner").asText()).isEqualTo(NATIONAL);

            // the operator assigns him to Bình Dương: from now on Bình Dương hears of him too
            HttpResponse<String> assigned = admin.send("PUT", portalsPath(userId) + "/" + BINHDUONG, null);
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
            assertThat(adminEvents(userId, BINHDUONG)).as("the assignment is on record").containsExactly("CREATE");
            assertThat(admin.get(portalsPath(userId)).path("portals").findValuesAsText("clientId")).contains(BINHDUONG);

            unlinkThroughHatinh();

            List<WebhookReceiver.Delivery> toBinhduong = binhduong.await(UNLINKED, 1, Duration.ofSeconds(30));
            assertThat(toBinhduong).hasSize(1);
            assertThat(hatinh.await(UNLINKED, 1, Duration.ofSeconds(30))).hasSize(1);
            JsonNode unlinked = read(toBinhduong.get(0).body());
            assertThat(unlinked.path("sub").asText()).isEqualTo(userId);
            assertThat(unlinked.path("aud").asText()).isEqualTo(BINHDUONG);
            assertThat(unlinked.path("legacy_account_id").asText()).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
            assertThat(unlinked.has("cccd")).as("Bình Dương has no identity scope: no number").isFalse();
            assertThat(toBinhduong.get(0).body()).doesNotContain(AN_CCCD);
            assertThat(toBinhduong.get(0).signedWith(PortalLogin.secretOf(BINHDUONG))).isTrue();
            assertThat(toBinhduong.get(0).signedWith(PortalLogin.secretOf(HATINH)))
                    .as("Hà Tĩnh's secret cannot pass for Bình Dương's").isFalse();
            assertThat(read(hatinh.await(UNLINKED, 1, Duration.ofSeconds(5)).get(0).body()).path("cccd").asText())
                    .isEqualTo(AN_CCCD);

            // and unassigned, he is no longer listed for Bình Dương
            assertThat(admin.send("DELETE", portalsPath(userId) + "/" + BINHDUONG, null).statusCode()).isEqualTo(204);
            assertThat(adminEvents(userId, BINHDUONG)).containsExactlyInAnyOrder("CREATE", "DELETE");
            assertThat(admin.get(portalsPath(userId)).path("portals").findValuesAsText("clientId"))
                    .doesNotContain(BINHDUONG);
        }

        /** A fresh VNeID login through Hà Tĩnh, then "Hủy liên kết" on the identity page and its confirmation. */
        private void unlinkThroughHatinh() {
            PortalLogin session = new PortalLogin(keycloak, HATINH);
            session.finish(session.vneidLogin(AN_CCCD, LegacyPersonas.PASSWORD, OTP, Map.of()));
            Map<String, String> params = session.parameters();
            params.put("kc_action", "vneid-identity-info");
            HttpResponse<String> page = session.web.followWithin(session.web.get(session.authorizationUri(params)),
                    keycloak.baseUri());
            assertThat(page.body()).as("the identity page").contains("vneid-linked-accounts");
            HttpResponse<String> confirmation = session.web.followWithin(
                    session.web.submit(page, "#vneid-unlink-form", Map.of("alias", "vneid")), keycloak.baseUri());
            HttpResponse<String> done = session.web.followWithin(session.web.submit(confirmation,
                    "#vneid-unlink-confirm-form", Map.of("action", "unlink-confirm")), keycloak.baseUri());
            assertThat(Jsoup.parse(done.body()).text()).contains("Đã hủy liên kết tài khoản VNeID.");
        }
    }

    @Nested
    class GivenAnOperatorAssigningAPortal {

        @Test
        void thenAnUnknownClientOrUserIsRefused() {
            String userId = admin.createUser("dvc", "it.portalassign", "Sandbox@123", Map.of());
            try {
                assertThat(admin.send("PUT", portalsPath(userId) + "/no-such-portal", null).statusCode())
                        .isEqualTo(400);
                assertThat(admin.send("PUT", portalsPath(userId) + "/account-console", null).statusCode())
                        .as("a public client can have no webhook").isEqualTo(400);
                assertThat(admin.get(portalsPath(userId)).path("portals")).isEmpty();
                assertThat(admin.send("PUT", portalsPath("no-such-user") + "/" + HATINH, null).statusCode())
                        .isEqualTo(404);
            } finally {
                admin.deleteUser("dvc", userId);
            }
        }
    }

    private static String portalsPath(String userId) {
        return "/admin/realms/dvc/vneid-bridge/users/" + userId + "/portals";
    }

    /** The operation types of the admin events recording the assignment of one portal to one user. */
    private List<String> adminEvents(String userId, String clientId) {
        List<String> operations = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/dvc/admin-events?max=200")) {
            if (event.path("resourcePath").asText().equals("vneid-bridge/users/" + userId + "/portals/" + clientId)) {
                operations.add(event.path("operationType").asText());
            }
        }
        return operations;
    }

    /** The outbox rows of this class's events about the user (queued since {@link #start}). */
    private List<JsonNode> deliveries(String userId) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : admin.get("/admin/realms/dvc/vneid-bridge/link-deliveries?max=500")) {
            if (userId.equals(row.path("userId").asText())
                    && !Instant.parse(row.path("createdAt").asText()).isBefore(start)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<JsonNode> awaitDeliveries(String userId, Predicate<List<JsonNode>> done) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        List<JsonNode> rows = deliveries(userId);
        while (!done.test(rows) && Instant.now().isBefore(end)) {
            Thread.sleep(300);
            rows = deliveries(userId);
        }
        return rows;
    }

    private static List<String> clients(List<JsonNode> rows) {
        return rows.stream().map(row -> row.path("clientId").asText()).toList();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
