package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.it.support.WebhookReceiver;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * "Hủy liên kết" on the identity page ({@code kc_action=vneid-identity-info}): only after this session logged in
 * with VNeID within the last minutes (else the citizen is sent to VNeID with {@code prompt=login} first), and only
 * once confirmed; recorded as {@code REMOVE_FEDERATED_IDENTITY}. The account REST API's own unlink is closed.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnlinkIT {

    private static final String PASSWORD = LegacyFixtures.PASSWORD;

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        for (String username : List.of(LegacyFixtures.UNLINK_REAUTH, LegacyFixtures.UNLINK_FRESH,
                LegacyFixtures.UNLINK_FORGED, LegacyFixtures.UNLINK_REST, LegacyFixtures.UNLINK_DECLINE)) {
            VneidStandIn.account(admin, LegacyFixtures.person(username), 2);
        }
    }

    /**
     * A legacy account whose CCCD is verified and linked with "Đăng nhập bằng VNeID" on the notice (unless it already
     * is); its user id.
     */
    private String linked(String username) {
        JsonNode found = admin.get("/admin/realms/dvc/users?exact=true&username=" + username);
        if (!found.isEmpty() && links(found.get(0).get("id").asText()).contains("vneid")) {
            return found.get(0).get("id").asText();
        }
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin.Outcome form = login.submitPassword(username, PASSWORD);
        String idNumber = idNumber(username);
        PortalLogin.Outcome notice = login.submitCccd(form, idNumber);
        JWTClaimsSet claims = login.finish(login.linkWithVneid(notice, idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP));
        assertThat(links(claims.getSubject())).containsExactly("vneid");
        return claims.getSubject();
    }

    private static String idNumber(String username) {
        return LegacyFixtures.person(username).cccd();
    }

    /** A new browser logged in with the portal password only: no VNeID authentication in this session. */
    private PortalLogin passwordSession(String username) {
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        login.passwordLogin(username, PASSWORD);
        return login;
    }

    /** A new browser logged in with VNeID just now. */
    private PortalLogin vneidSession(String idNumber) {
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        login.finish(login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()));
        return login;
    }

    /** The identity page, opened by the portal in the browser of {@code session}. */
    private HttpResponse<String> identityPage(PortalLogin session) {
        PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal", session.web);
        Map<String, String> params = portal.parameters();
        params.put("kc_action", "vneid-identity-info");
        HttpResponse<String> page = portal.web.followWithin(portal.web.get(portal.authorizationUri(params)),
                keycloak.baseUri());
        assertThat(page.body()).as("the identity page").contains("vneid-linked-accounts");
        return page;
    }

    /** Presses "Hủy liên kết" next to the VNeID account; Keycloak's answer, not followed. */
    private static HttpResponse<String> pressUnlink(PortalLogin session, HttpResponse<String> identityPage) {
        Document page = Jsoup.parse(identityPage.body());
        assertThat(page.select("button[form=vneid-unlink-form][name=alias][value=vneid]").text()).isEqualTo("Hủy liên kết");
        return session.web.submit(identityPage, "#vneid-unlink-form", Map.of("alias", "vneid"));
    }

    private HttpResponse<String> follow(PortalLogin session, HttpResponse<String> response) {
        return session.web.followWithin(response, keycloak.baseUri());
    }

    private List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    private JsonNode user(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId);
    }

    private List<JsonNode> events(String type, String userId) {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/admin/realms/dvc/events?max=500&type=" + type + "&user=" + userId).forEach(found::add);
        return found;
    }

    private static String text(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).text();
    }

    @Nested
    class GivenALinkedCitizenLoggedInWithThePortalPassword {

        @Test
        void thenUnlinkGoesToVneidFirstAndOnlyTheConfirmationRemovesTheLink() throws Exception {
            try (WebhookReceiver portal = new WebhookReceiver()) {
                portal.start();
                LinkFixtures fixtures = new LinkFixtures(admin);
                assertThat(fixtures.setWebhooks(List.of("dvcqg-portal " + portal.url("/national"))).statusCode())
                        .isEqualTo(204);
                try {
                    unlinkAfterVneidReauthentication(portal);
                } finally {
                    awaitNoPendingDeliveries(LegacyFixtures.UNLINK_REAUTH);
                    fixtures.setWebhooks(List.of());
                }
            }
        }

        /**
         * Waits until this test's link events have reached its receiver: a row still pending when the webhooks are
         * reset would be delivered to the next test class's portal (deliveries are addressed by client id).
         */
        private void awaitNoPendingDeliveries(String username) throws InterruptedException {
            JsonNode found = admin.get("/admin/realms/dvc/users?exact=true&username=" + username);
            String userId = found.isEmpty() ? null : found.get(0).get("id").asText();
            Instant end = Instant.now().plusSeconds(30);
            while (userId != null && Instant.now().isBefore(end)) {
                boolean pending = false;
                for (JsonNode row : admin.get("/admin/realms/dvc/vneid-bridge/link-deliveries?status=PENDING&max=500")) {
                    pending |= userId.equals(row.path("userId").asText());
                }
                if (!pending) {
                    return;
                }
                Thread.sleep(300);
            }
        }

        private void unlinkAfterVneidReauthentication(WebhookReceiver portal) throws Exception {
            String userId = linked(LegacyFixtures.UNLINK_REAUTH);
            String idNumber = idNumber(LegacyFixtures.UNLINK_REAUTH);
            String linkedAt = user(userId).path("attributes").path("vneid_linked_at").get(0).asText();
            int linksBefore = events("FEDERATED_IDENTITY_LINK", userId).size();
            PortalLogin session = passwordSession(LegacyFixtures.UNLINK_REAUTH);

            HttpResponse<String> toVneid = pressUnlink(session, identityPage(session));

            assertThat(WebClient.isRedirect(toVneid)).as(toVneid.body()).isTrue();
            assertThat(WebClient.location(toVneid).toString()).as("VNeID is asked for a new login")
                    .contains("/realms/vneid-sandbox/protocol/openid-connect/auth").contains("prompt=login");
            assertThat(links(userId)).as("nothing changes before the confirmation").containsExactly("vneid");

            PortalLogin.Outcome back = session.vneidSteps(follow(session, toVneid), idNumber, VneidStandIn.PASSWORD,
                    VneidStandIn.OTP);
            assertThat(back.callback()).isEmpty();
            assertThat(back.page().body()).as("the confirmation").contains("vneid-unlink-confirm-form");
            assertThat(text(back.page())).contains("Hủy liên kết tài khoản VNeID", idNumber, "Xác nhận hủy liên kết");
            assertThat(links(userId)).as("nothing changes before the confirmation").containsExactly("vneid");

            HttpResponse<String> done = follow(session, session.web.submit(back.page(), "#vneid-unlink-confirm-form",
                    Map.of("action", "unlink-confirm")));

            assertThat(text(done)).contains("Đã hủy liên kết tài khoản VNeID.");
            assertThat(Jsoup.parse(done.body()).select("#vneid-linked-none")).isNotEmpty();
            assertThat(links(userId)).isEmpty();
            assertThat(user(userId).path("attributes").path("vneid_linked_at").isMissingNode()).isTrue();
            List<JsonNode> removed = events("REMOVE_FEDERATED_IDENTITY", userId);
            assertThat(removed).hasSize(1);
            JsonNode details = removed.get(0).path("details");
            assertThat(details.path("identity_provider").asText()).isEqualTo("vneid");
            assertThat(details.path("unlink_method").asText()).isEqualTo("identity_page_vneid_reauth");
            assertThat(details.toString()).as("no id number in the event").doesNotContain(idNumber);
            List<WebhookReceiver.Delivery> unlinked = portal.await(d -> d.body().contains("vneid.account.unlinked"), 1,
                    Duration.ofSeconds(30));
            assertThat(unlinked).as("the portals hear of the unlink").hasSize(1);
            JsonNode body = new ObjectMapper().readTree(unlinked.get(0).body());
            assertThat(body.path("sub").asText()).isEqualTo(userId);
            assertThat(body.has("vneid_linked_at")).isFalse();

            // the next VNeID login finds no link and does not link it straight back: the account it would link
            // (its verified CCCD is the id number) is linked again only with its password
            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = next.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(asked.callback()).isEmpty();
            assertThat(Jsoup.parse(asked.page().body()).select("#username").attr("value"))
                    .isEqualTo(LegacyFixtures.UNLINK_REAUTH);
            assertThat(links(userId)).isEmpty();
            JWTClaimsSet relinked = next.finish(next.follow(next.web.submit(asked.page(), "#vneid-link-confirm-form",
                    Map.of("action", "confirm", "password", LegacyFixtures.PASSWORD))));
            assertThat(relinked.getSubject()).isEqualTo(userId);
            assertThat(events("FEDERATED_IDENTITY_LINK", userId)).as("linked again, with the password")
                    .hasSizeGreaterThan(linksBefore);
            JsonNode after = user(userId).path("attributes");
            assertThat(after.path("vneid_linked_at").get(0).asText()).isNotEqualTo(linkedAt);
            assertThat(after.path("vneid_unlinked_at").isMissingNode()).as("the unlink mark goes with the new link")
                    .isTrue();
        }

        @Test
        void thenLoggingInAgainWithAnotherVneidAccountChangesNothing() {
            String userId = linked(LegacyFixtures.UNLINK_FORGED);
            PortalLogin session = passwordSession(LegacyFixtures.UNLINK_FORGED);
            HttpResponse<String> toVneid = pressUnlink(session, identityPage(session));

            PortalLogin.Outcome back = session.vneidSteps(follow(session, toVneid),
                    idNumber(LegacyFixtures.UNLINK_REST), VneidStandIn.PASSWORD, VneidStandIn.OTP);

            assertThat(back.page().body()).doesNotContain("vneid-unlink-confirm-form");
            assertThat(text(back.page())).contains("Chưa hủy liên kết",
                    "không phải tài khoản VNeID đã liên kết với tài khoản này");
            assertThat(links(userId)).containsExactly("vneid");
        }

        @Test
        void thenAForgedConfirmationChangesNothing() {
            String userId = linked(LegacyFixtures.UNLINK_FORGED);
            PortalLogin session = passwordSession(LegacyFixtures.UNLINK_FORGED);
            int refusalsBefore = events("REMOVE_FEDERATED_IDENTITY_ERROR", userId).size();

            HttpResponse<String> refused = follow(session, session.web.submit(identityPage(session),
                    "#vneid-identity-form", Map.of("action", "unlink-confirm", "unlinkToken", "forged")));

            assertThat(text(refused)).contains("vui lòng đăng nhập lại bằng VNeID trước khi hủy liên kết");
            assertThat(links(userId)).containsExactly("vneid");
            assertThat(events("REMOVE_FEDERATED_IDENTITY_ERROR", userId)).hasSize(refusalsBefore + 1);
        }

        @Test
        void thenAnotherSessionsConfirmationTokenChangesNothing() {
            String userId = linked(LegacyFixtures.UNLINK_FORGED);
            PortalLogin fresh = vneidSession(idNumber(LegacyFixtures.UNLINK_FORGED));
            HttpResponse<String> confirmation = follow(fresh, pressUnlink(fresh, identityPage(fresh)));
            String token = Jsoup.parse(confirmation.body()).select("input[name=unlinkToken]").val();
            assertThat(token).isNotBlank();

            // the other session is just as fresh and has its own confirmation open: only the token differs
            PortalLogin other = vneidSession(idNumber(LegacyFixtures.UNLINK_FORGED));
            HttpResponse<String> own = follow(other, pressUnlink(other, identityPage(other)));
            assertThat(Jsoup.parse(own.body()).select("input[name=unlinkToken]").val()).isNotEqualTo(token);
            HttpResponse<String> refused = follow(other, other.web.submit(own, "#vneid-unlink-confirm-form",
                    Map.of("action", "unlink-confirm", "unlinkToken", token)));

            assertThat(text(refused)).contains("vui lòng đăng nhập lại bằng VNeID trước khi hủy liên kết");
            assertThat(links(userId)).containsExactly("vneid");
        }
    }

    @Nested
    class GivenACitizenWhoJustLoggedInWithVneid {

        @Test
        void thenUnlinkAsksOnlyForTheConfirmation() {
            String userId = linked(LegacyFixtures.UNLINK_FRESH);
            PortalLogin session = vneidSession(idNumber(LegacyFixtures.UNLINK_FRESH));

            HttpResponse<String> confirmation = follow(session, pressUnlink(session, identityPage(session)));
            assertThat(confirmation.body()).contains("vneid-unlink-confirm-form");

            HttpResponse<String> back = follow(session, session.web.submit(confirmation, "#vneid-unlink-confirm-form",
                    Map.of("action", "unlink-cancel")));
            assertThat(back.body()).contains("vneid-linked-accounts");
            assertThat(links(userId)).as("'Quay lại' keeps the link").containsExactly("vneid");

            HttpResponse<String> again = follow(session, pressUnlink(session, back));
            HttpResponse<String> done = follow(session, session.web.submit(again, "#vneid-unlink-confirm-form",
                    Map.of("action", "unlink-confirm")));
            assertThat(text(done)).contains("Đã hủy liên kết tài khoản VNeID.");
            assertThat(links(userId)).isEmpty();
        }

        @Test
        void thenAnAccountThatHasNoOtherWayToLogInIsNotUnlinked() {
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(175)
                    .findFirst().orElseThrow();
            String idNumber = VneidStandIn.account(admin, person, 2);
            PortalLogin session = new PortalLogin(keycloak, "dvcqg-portal");
            String userId = session.finish(session.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of())).getSubject();
            assertThat(user(userId).path("username").asText()).as("created from VNeID")
                    .isEqualTo(VneidUsers.usernameOf(admin, idNumber));

            HttpResponse<String> refused = follow(session, pressUnlink(session, identityPage(session)));

            assertThat(text(refused)).contains("VNeID là cách đăng nhập duy nhất của tài khoản này");
            assertThat(links(userId)).containsExactly("vneid");
        }
    }

    @Nested
    class GivenACitizenWhoUnlinkedAndThenSaysTheAccountIsNotTheirs {

        @Test
        void thenTheirOwnUserIsCreatedAndLinkedWithNoOrphanAndTheNextLoginLandsThere() {
            String accountId = linked(LegacyFixtures.UNLINK_DECLINE);
            String idNumber = idNumber(LegacyFixtures.UNLINK_DECLINE);
            PortalLogin session = vneidSession(idNumber);
            HttpResponse<String> confirmation = follow(session, pressUnlink(session, identityPage(session)));
            follow(session, session.web.submit(confirmation, "#vneid-unlink-confirm-form",
                    Map.of("action", "unlink-confirm")));
            assertThat(links(accountId)).as("unlinked").isEmpty();

            // the next VNeID login asks for the account's password; the citizen says it is not theirs
            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = next.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(asked.page().body()).contains("vneid-link-confirm-form");
            JWTClaimsSet own = next.finish(next.follow(next.web.submit(asked.page(), "#vneid-link-confirm-form",
                    Map.of("action", "decline"))));

            assertThat(own.getSubject()).as("a user of their own").isNotEqualTo(accountId);
            List<JsonNode> created = VneidUsers.createdFor(admin, idNumber);
            assertThat(created.size()).as("exactly one user from VNeID").isEqualTo(1);
            assertThat(created.get(0).get("id").asText()).isEqualTo(own.getSubject());
            assertThat(links(own.getSubject())).as("linked: no user without a link is left").containsExactly("vneid");
            JsonNode account = user(accountId).path("attributes");
            assertThat(account.path("cccd_verified").get(0).asText())
                    .as("the disowned account no longer passes as verified for the number").isEqualTo("false");
            assertThat(account.path("cccd_disputed_at").get(0).asText()).isNotBlank();
            assertThat(events("UPDATE_PROFILE_ERROR", accountId)).as("the mark was not taken off silently")
                    .anyMatch(event -> "vneid_cccd_disputed_by_holder".equals(event.path("error").asText()));
            assertThat(admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN").toString())
                    .as("operators get a review entry").contains(accountId);

            // and the next login lands on that user: no 409, no second user
            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(again.finish(again.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()))
                    .getSubject()).isEqualTo(own.getSubject());
            assertThat(VneidUsers.createdFor(admin, idNumber).size()).isEqualTo(1);
            assertThat(keycloakLogAtWarnOrAbove()).as("no id number in the server log at WARN or above")
                    .doesNotContain(idNumber);
        }

        private String keycloakLogAtWarnOrAbove() {
            try {
                return java.nio.file.Files.readAllLines(keycloak.logFile()).stream()
                        .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains(" FATAL "))
                        .collect(java.util.stream.Collectors.joining("\n"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Nested
    class GivenTheAccountRestApi {

        @Test
        void thenItsUnlinkIsRefusedAndTheLinkStays() throws Exception {
            String userId = linked(LegacyFixtures.UNLINK_REST);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome done = login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                    login.submitPassword(LegacyFixtures.UNLINK_REST, PASSWORD)));
            String accessToken = login.exchange(WebClient.query(done.callback().orElseThrow()).get("code"),
                    login.verifier).get("access_token").asText();
            HttpClient http = HttpClient.newHttpClient();
            URI linkedAccounts = URI.create(login.issuer() + "/account/linked-accounts");

            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(linkedAccounts + "/vneid"))
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                    .DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(linkedAccounts)
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json")
                    .GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
            assertThat(links(userId)).containsExactly("vneid");
            assertThat(list.statusCode()).as("viewing stays allowed").isEqualTo(200);
            assertThat(list.body()).contains("vneid");
        }

        @Test
        void thenCitizensGetOnlyViewProfileAndManageAccountLinksByDefault() {
            JsonNode defaults = admin.get("/admin/realms/dvc/roles/default-roles-dvc/composites/clients/"
                    + admin.get("/admin/realms/dvc/clients?clientId=account").get(0).get("id").asText());
            assertThat(defaults.findValuesAsText("name")).containsExactlyInAnyOrder("view-profile",
                    "manage-account-links");
        }
    }

    @Nested
    class GivenTheAdminConsole {

        @Test
        void thenTheUnlinkWindowIsAValidatedSettingOfTheIdentityPage() {
            String path = "/admin/realms/dvc/authentication/required-actions/vneid-identity-info/config";
            assertThat(admin.get(path + "-description").findValuesAsText("name")).contains("unlinkReauthMaxAgeSeconds");
            assertThat(admin.get(path).path("config").path("unlinkReauthMaxAgeSeconds").asText()).isEqualTo("300");

            HttpResponse<String> tooShort = admin.send("PUT", path,
                    Map.of("config", Map.of("unlinkReauthMaxAgeSeconds", "10")));

            assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(400);
            assertThat(admin.get(path).path("config").path("unlinkReauthMaxAgeSeconds").asText()).isEqualTo("300");
        }
    }
}
