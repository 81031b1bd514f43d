package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * What portals and operators get when an account is linked to VNeID: the signed link event at each related portal's
 * webhook — also when the portal was down during the link — the migration progress, and the metrics.
 * The personas used here are put back (their Keycloak users deleted) before and after, so the other
 * journeys find them as the seeds describe.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidLinkEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTP = "123456";
    private static final String NGA_CCCD = "052189000123";
    private static final String AN_CCCD = "001090001234";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;
    private final List<Runnable> putBack = new java.util.ArrayList<>();

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        fixtures.useThisServersStandIn(keycloak);
        fixtures.forget(LegacyPersonas.TOTHINGA);
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
        // both portals are entitled to identity data: their events carry the verified number
        putBack.add(fixtures.grantIdentityScope("dvcqg-portal"));
        putBack.add(fixtures.grantIdentityScope("dvc-hatinh-web"));
    }

    @AfterAll
    void putBack() {
        fixtures.setWebhooks(List.of());
        putBack.forEach(Runnable::run);
        fixtures.forget(LegacyPersonas.TOTHINGA);
        fixtures.forget(LegacyPersonas.NGUYENVANAN);
    }

    @Nested
    class GivenTwoPortalsWhoseWebhookIsDownDuringTheLinks {

        @Test
        void thenEachSignedLinkEventArrivesOncePerPortalWhenTheyComeBackAndProgressAndMetricsCountTheLinks()
                throws Exception {
            JsonNode progressBefore = admin.get("/admin/realms/dvc/vneid-bridge/progress");
            Instant start = Instant.now();
            try (WebhookReceiver portal = new WebhookReceiver()) {
                HttpResponse<String> configured = fixtures.setWebhooks(List.of(
                        "dvcqg-portal " + portal.url("/national"),
                        "dvc-hatinh-web " + portal.url("/hatinh")));
                assertThat(configured.statusCode()).as(configured.body()).isEqualTo(204);

                // both citizens use Hà Tĩnh's portal, which makes it related to them; the national portal issued
                // their legacy accounts (the legacy database's owner), which makes it related to them as well.
                // Tô Thị Nga: legacy login, CCCD verified against the population database, then the notice's
                // "Đăng nhập bằng VNeID" (Keycloak's idp_link action) links her account
                PortalLogin legacy = new PortalLogin(keycloak, "dvc-hatinh-web");
                PortalLogin.Outcome form = legacy.submitPassword(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);
                PortalLogin.Outcome notice = legacy.submitCccd(form, NGA_CCCD);
                JWTClaimsSet nga = legacy.finish(legacy.linkWithVneid(notice, NGA_CCCD, LegacyPersonas.PASSWORD, OTP));
                assertThat(nga.getClaim("cccd")).isEqualTo(NGA_CCCD);
                assertThat(nga.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.TOTHINGA_ID);
                // and from now on VNeID alone lands on her account (no second link event)
                PortalLogin ngaVneid = new PortalLogin(keycloak, "dvc-hatinh-web");
                assertThat(ngaVneid.finish(ngaVneid.vneidLogin(NGA_CCCD, LegacyPersonas.PASSWORD, OTP, Map.of()))
                        .getSubject()).isEqualTo(nga.getSubject());
                // Nguyễn Văn An: his first VNeID login shows him his legacy account, which he confirms
                PortalLogin anVneid = new PortalLogin(keycloak, "dvc-hatinh-web");
                JWTClaimsSet an = anVneid.finish(anVneid.confirmShownAccount(
                        anVneid.vneidLogin(AN_CCCD, LegacyPersonas.PASSWORD, OTP, Map.of())));
                assertThat(an.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
                Set<String> linkedUsers = Set.of(nga.getSubject(), an.getSubject());

                List<JsonNode> queued = awaitDeliveries(linkedUsers, start, row -> row.path("attempts").asInt() >= 1);
                assertThat(queued).as("one delivery per link and portal, tried while the portal was down").hasSize(4)
                        .allSatisfy(row -> {
                            assertThat(row.path("status").asText()).isEqualTo("PENDING");
                            assertThat(row.path("lastError").asText()).isNotBlank();
                        });

                portal.start();
                List<WebhookReceiver.Delivery> received = portal.await(d -> true, 4, Duration.ofSeconds(30));
                Thread.sleep(3000); // several more polls: nothing is sent twice
                received = portal.deliveries();

                assertThat(received).hasSize(4);
                assertThat(received.stream().map(WebhookReceiver.Delivery::path).sorted().toList())
                        .containsExactly("/hatinh", "/hatinh", "/national", "/national");
                for (WebhookReceiver.Delivery delivery : received) {
                    String clientId = delivery.path().equals("/hatinh") ? "dvc-hatinh-web" : "dvcqg-portal";
                    String other = clientId.equals("dvcqg-portal") ? "dvc-hatinh-web" : "dvcqg-portal";
                    assertThat(validSignature(delivery.signature(), delivery.body(), PortalLogin.secretOf(clientId)))
                            .as("signed with the portal client's secret: " + delivery.signature()).isTrue();
                    assertThat(validSignature(delivery.signature(), delivery.body(), PortalLogin.secretOf(other)))
                            .as("not with the other portal's").isFalse();
                    JsonNode event = JSON.readTree(delivery.body());
                    assertThat(event.path("aud").asText()).as("addressed to its portal").isEqualTo(clientId);
                    assertThat(event.path("type").asText()).isEqualTo("vneid.account.linked");
                    assertThat(event.path("realm").asText()).isEqualTo("dvc");
                    assertThat(delivery.eventId()).isEqualTo(event.path("id").asText());
                    assertThat(event.path("vneid_linked_at").asText()).isNotBlank();
                    assertThat(event.path("occurred_at").asText()).isNotBlank();
                    assertThat(event.path("legacy_account_type").asText()).isEqualTo("CITIZEN");
                }
                Map<String, JsonNode> bySub = received.stream().map(d -> read(d.body()))
                        .collect(Collectors.toMap(e -> e.path("sub").asText() + e.path("id").asText(), e -> e,
                                (a, b) -> a));
                assertThat(bySub).as("the same event (id) for both portals").hasSize(2);
                JsonNode ngaEvent = bySub.values().stream()
                        .filter(e -> e.path("sub").asText().equals(nga.getSubject())).findFirst().orElseThrow();
                assertThat(ngaEvent.path("legacy_account_id").asText()).isEqualTo(LegacyPersonas.TOTHINGA_ID);
                assertThat(ngaEvent.path("cccd").asText()).isEqualTo(NGA_CCCD);
                JsonNode anEvent = bySub.values().stream()
                        .filter(e -> e.path("sub").asText().equals(an.getSubject())).findFirst().orElseThrow();
                assertThat(anEvent.path("legacy_account_id").asText()).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
                assertThat(anEvent.path("cccd").asText()).isEqualTo(AN_CCCD);

                assertThat(awaitDeliveries(linkedUsers, start, row -> row.path("status").asText().equals("DELIVERED")))
                        .hasSize(4);
            }

            JsonNode progressAfter = admin.get("/admin/realms/dvc/vneid-bridge/progress");
            assertThat(progressAfter.path("legacyDatabase").asText()).isEqualTo("available");
            assertThat(delta(progressBefore, progressAfter, "totals", "linked")).isEqualTo(2);
            assertThat(delta(progressBefore, progressAfter, "totals", "imported")).isEqualTo(2);
            assertThat(delta(progressBefore, progressAfter, "totals", "legacyOnly")).isEqualTo(-2);
            assertThat(delta(progressBefore, progressAfter, "totals", "legacy")).isZero();
            assertThat(at(progressAfter, "totals", "legacy")).as("the seeded legacy rows").isGreaterThan(10);
            assertThat(delta(progressBefore, progressAfter, "byAccountType", "CITIZEN", "linked")).isEqualTo(2);
            assertThat(delta(progressBefore, progressAfter, "byProvince", "052", "linked")).isEqualTo(1);
            assertThat(delta(progressBefore, progressAfter, "byProvince", "001", "linked")).isEqualTo(1);

            String metrics = metrics();
            assertThat(metrics).contains("vneid_bridge_links_total{", "method=\"verified_cccd\"",
                    "vneid_bridge_webhook_deliveries_total{", "outcome=\"delivered\"", "outcome=\"retry\"",
                    "vneid_bridge_link_conflicts_total");
        }
    }

    @Nested
    class GivenAnInvalidWebhookEntry {

        @Test
        void thenTheAdminConsoleRefusesIt() {
            assertThat(fixtures.setWebhooks(List.of("dvcqg-portal ftp://portal.example.vn/hook")).statusCode())
                    .isEqualTo(400);
            assertThat(fixtures.setWebhooks(List.of("https://portal.example.vn/hook")).statusCode()).isEqualTo(400);
            assertThat(fixtures.webhooks()).isEmpty();
        }

        /**
         * Whether the client exists is not checked when saved (a realm import creates identity providers before
         * clients): an entry for a client that is not there is saved, and skipped where webhooks are read.
         */
        @Test
        void thenAnEntryForAClientThatIsNotThereIsSavedAndLeftUnused() {
            try {
                assertThat(fixtures.setWebhooks(List.of("no-such-client https://portal.example.vn/hook")).statusCode())
                        .isEqualTo(204);
                assertThat(fixtures.webhooks()).containsExactly("no-such-client https://portal.example.vn/hook");
            } finally {
                fixtures.setWebhooks(List.of());
            }
        }
    }

    /**
     * This test's deliveries: those for the users queued since {@code start} (the personas' user ids are derived
     * from their legacy ids, so another class's earlier link of the same persona is in the list too).
     */
    private List<JsonNode> awaitDeliveries(Set<String> users, Instant start, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        Instant end = Instant.now().plusSeconds(30);
        List<JsonNode> rows = List.of();
        while (Instant.now().isBefore(end)) {
            rows = new java.util.ArrayList<>();
            for (JsonNode row : admin.get("/admin/realms/dvc/vneid-bridge/link-deliveries?max=200")) {
                if (users.contains(row.path("userId").asText())
                        && !Instant.parse(row.path("createdAt").asText()).isBefore(start)) {
                    rows.add(row);
                }
            }
            if (rows.size() >= 4 && rows.stream().allMatch(done)) {
                return rows;
            }
            Thread.sleep(300);
        }
        return rows;
    }

    private static boolean validSignature(String header, String body, String secret) throws Exception {
        // what a portal does: t=<unix>,v1=<hex HMAC-SHA256 over "t.body"> with its client secret
        Map<String, String> parts = java.util.Arrays.stream(header.split(","))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(parts.get("t")));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((parts.get("t") + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
        return age < 300 && java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts.get("v1").getBytes(StandardCharsets.US_ASCII));
    }

    private static long delta(JsonNode before, JsonNode after, String... path) {
        return at(after, path) - at(before, path);
    }

    private static long at(JsonNode node, String... path) {
        JsonNode value = node;
        for (String step : path) {
            value = value.path(step);
        }
        return value.asLong(0);
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak.managementUri() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
