package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CutoffSettings;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * After a portal-account login: the notice "Đăng nhập bằng VNeID" that links the VNeID identity to the current
 * account (only when its id number is the account's verified CCCD), and the cutoff policies.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkingIT {

    private static final String PASSWORD = LegacyFixtures.PASSWORD;

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        for (String username : List.of(LegacyFixtures.LINK_NOTICE, LegacyFixtures.LINK_MISMATCH,
                LegacyFixtures.LINK_SKIP, LegacyFixtures.LINK_ONLY, LegacyFixtures.LINK_ONLY_MISMATCH,
                LegacyFixtures.LINK_SECOND_BROWSER, LegacyFixtures.LINK_REPLAY)) {
            VneidStandIn.account(admin, LegacyFixtures.person(username), 2);
        }
    }

    @AfterAll
    void forgetTheLinks() {
        // the legacy accounts imported, verified and linked here come back as the legacy rows have them
        VneidUsers.deleteAccounts(admin, LegacyFixtures.LINK_NOTICE, LegacyFixtures.LINK_MISMATCH,
                LegacyFixtures.LINK_SKIP, LegacyFixtures.LINK_ONLY, LegacyFixtures.LINK_ONLY_MISMATCH,
                LegacyFixtures.LINK_SECOND_BROWSER, LegacyFixtures.LINK_REPLAY,
                // and the one given manage-account back in GivenSomeoneTryingToTakeAnAccountOver
                LegacyFixtures.CCCD_SELF_EDIT);
    }

    /** The protocol realm dvc's {@code vneid} provider speaks in this class's run: {@code oidc} here. */
    protected String protocol() {
        return VneidProtocol.OIDC;
    }

    /** Legacy login, then the CCCD form answered with the account holder's own number: the page that follows. */
    private PortalLogin.Outcome loginAndVerify(PortalLogin login, String username) {
        PortalLogin.Outcome form = login.submitPassword(username, PASSWORD);
        assertThat(form.page().body()).as("the CCCD form").contains("vneid-cccd-form");
        return login.submitCccd(form, LegacyFixtures.person(username).cccd());
    }

    private List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    private JsonNode user(String username) {
        JsonNode found = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        assertThat(found.size()).as(username).isEqualTo(1);
        return found.get(0);
    }

    private static String text(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body()).text();
    }

    @Nested
    class GivenAnAccountWhoseCccdWasJustVerified {

        @Test
        void thenTheNoticeLeadsToVneidAndLinksThisVeryAccount() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = loginAndVerify(login, LegacyFixtures.LINK_NOTICE);
            assertThat(PortalLogin.isLinkNotice(notice)).as(notice.page().body()).isTrue();

            String idNumber = LegacyFixtures.person(LegacyFixtures.LINK_NOTICE).cccd();
            JWTClaimsSet claims = login.finish(login.linkWithVneid(notice, idNumber, VneidStandIn.PASSWORD,
                    VneidStandIn.OTP));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.LINK_NOTICE));
            assertThat(claims.getClaim("cccd")).isEqualTo(idNumber);
            assertThat(claims.getClaim("vneid_linked_at")).as("portals see when the link was made").isNotNull();
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            assertThat(VneidUsers.createdFor(admin, idNumber).size())
                    .as("no second user from VNeID").isZero();

            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(vneid.finish(vneid.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()))
                    .getSubject()).as("from now on VNeID lands on the same user").isEqualTo(claims.getSubject());

            PortalLogin identity = new PortalLogin(keycloak, "dvcqg-portal", vneid.web);
            Map<String, String> params = identity.parameters();
            params.put("kc_action", "vneid-identity-info");
            String page = Jsoup.parse(identity.web.followWithin(identity.web.get(identity.authorizationUri(params)),
                    keycloak.baseUri()).body()).select("#vneid-linked-accounts").text();
            assertThat(page).contains("Danh sách tài khoản liên kết", "Tài khoản liên kết: " + idNumber,
                    "Tài khoản định danh điện tử cấp bởi Bộ Công an",
                    "Ngày liên kết: " + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }

        @Test
        void thenAVneidAccountWithAnotherIdNumberIsRefusedAndNothingIsLinked() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = loginAndVerify(login, LegacyFixtures.LINK_MISMATCH);
            String strangersId = LegacyFixtures.person(LegacyFixtures.LINK_SKIP).cccd();

            PortalLogin.Outcome refused = login.linkWithVneid(notice, strangersId, VneidStandIn.PASSWORD, VneidStandIn.OTP);

            assertThat(refused.callback()).isEmpty();
            assertThat(text(refused)).contains("không trùng với số CCCD đã xác thực");
            JsonNode account = user(LegacyFixtures.LINK_MISMATCH);
            assertThat(links(account.get("id").asText())).isEmpty();
            assertThat(account.path("attributes").path("vneid_linked_at").isMissingNode()).isTrue();
            assertThat(account.path("attributes").path("cccd").get(0).asText())
                    .isEqualTo(LegacyFixtures.person(LegacyFixtures.LINK_MISMATCH).cccd());
            assertThat(VneidUsers.createdFor(admin, strangersId)).as("no user created from VNeID").isEmpty();
        }

        @Test
        void thenBoQuaGoesOnToThePortalUnlinkedAndTheNoticeComesBackNextTime() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = loginAndVerify(login, LegacyFixtures.LINK_SKIP);

            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(notice));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.LINK_SKIP));
            assertThat(links(claims.getSubject())).isEmpty();
            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(PortalLogin.isLinkNotice(again.submitPassword(LegacyFixtures.LINK_SKIP, PASSWORD))).isTrue();
        }
    }

    @Nested
    class GivenSomeoneTryingToTakeAnAccountOver {

        /** From the notice: "Đăng nhập bằng VNeID", then the stand-in's password and code; VNeID's redirect back. */
        private HttpResponse<String> vneidAnswer(PortalLogin login, PortalLogin.Outcome notice, String idNumber) {
            HttpResponse<String> vneid = login.web.followWithin(login.web.submit(notice.page(),
                    "form:has([name=cancel-aia])", Map.of("continue", "")), keycloak.baseUri());
            HttpResponse<String> otp = login.web.followWithin(login.web.submit(vneid, "#kc-form-login",
                    Map.of("username", idNumber, "password", VneidStandIn.PASSWORD)), keycloak.baseUri());
            HttpResponse<String> answer = login.web.submit(otp, "#vneid-sandbox-otp-form", Map.of("otp", VneidStandIn.OTP));
            // over the partner API the stand-in's answer passes its partner-API face first, which sends it on to dvc
            for (int hop = 0; hop < 5 && WebClient.isRedirect(answer)
                    && !WebClient.location(answer).getPath().contains("/broker/vneid/endpoint"); hop++) {
                answer = login.web.get(WebClient.location(answer));
            }
            assertThat(answer.headers().firstValue("Location").orElse("")).contains("/broker/vneid/endpoint");
            return answer;
        }

        @Test
        void thenAVneidAnswerFinishedInASecondBrowserLinksNothing() {
            PortalLogin owner = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = loginAndVerify(owner, LegacyFixtures.LINK_SECOND_BROWSER);
            String idNumber = LegacyFixtures.person(LegacyFixtures.LINK_SECOND_BROWSER).cccd();
            HttpResponse<String> answer = vneidAnswer(owner, notice, idNumber);

            PortalLogin other = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome elsewhere = other.follow(other.web.get(
                    java.net.URI.create(answer.headers().firstValue("Location").orElseThrow())));

            assertThat(elsewhere.callback()).isEmpty();
            assertThat(links(user(LegacyFixtures.LINK_SECOND_BROWSER).get("id").asText()))
                    .as("the link is bound to the browser session that asked for it").isEmpty();
            assertThat(VneidUsers.createdFor(admin, idNumber).size()).isZero();
        }

        @Test
        void thenAReplayedVneidAnswerChangesNothing() {
            PortalLogin owner = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = loginAndVerify(owner, LegacyFixtures.LINK_REPLAY);
            String idNumber = LegacyFixtures.person(LegacyFixtures.LINK_REPLAY).cccd();
            HttpResponse<String> answer = vneidAnswer(owner, notice, idNumber);
            java.net.URI callback = java.net.URI.create(answer.headers().firstValue("Location").orElseThrow());
            JWTClaimsSet claims = owner.finish(owner.follow(owner.web.get(callback)));
            assertThat(links(claims.getSubject())).containsExactly("vneid");

            PortalLogin.Outcome replayed = owner.follow(owner.web.get(callback));
            PortalLogin stranger = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome strangers = stranger.follow(stranger.web.get(callback));

            assertThat(replayed.callback().map(WebClient::query).map(q -> q.get("code"))).as("a used answer is refused")
                    .isEmpty();
            assertThat(strangers.callback().map(WebClient::query).map(q -> q.get("code"))).isEmpty();
            assertThat(links(claims.getSubject())).containsExactly("vneid");
        }

        @Test
        void thenTheCitizenCannotTypeACccdOntoHisAccountHimself() throws Exception {
            String someoneElses = LegacyFixtures.person(LegacyFixtures.LINK_NOTICE).cccd();

            // realm dvc gives citizens no account/manage-account: the account REST API refuses any change
            java.net.http.HttpResponse<String> refused = editThroughAccountApi(someoneElses);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

            // and should an operator give the role back, the user profile still keeps the CCCD read-only
            grantManageAccount(user(LegacyFixtures.CCCD_SELF_EDIT).get("id").asText());
            java.net.http.HttpResponse<String> edit = editThroughAccountApi(someoneElses);

            JsonNode account = user(LegacyFixtures.CCCD_SELF_EDIT);
            assertThat(account.path("attributes").path("cccd").isMissingNode())
                    .as("the account console answered " + edit.statusCode() + " and stored nothing: " + account)
                    .isTrue();
            assertThat(account.path("attributes").path("cccd_verified").isMissingNode()).isTrue();
        }

        private java.net.http.HttpResponse<String> editThroughAccountApi(String cccd) throws Exception {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyFixtures.CCCD_SELF_EDIT, PASSWORD);
            PortalLogin.Outcome done = login.skipCccdFormIfShown(form);
            Map<String, String> answer = WebClient.query(done.callback().orElseThrow());
            String accessToken = login.exchange(answer.get("code"), login.verifier).get("access_token").asText();
            return java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(login.issuer() + "/account/"))
                            .header("Authorization", "Bearer " + accessToken)
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                                    Map.of("username", LegacyFixtures.CCCD_SELF_EDIT, "attributes", Map.of(
                                            "cccd", List.of(cccd), "cccd_verified", List.of("true"))))))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        private void grantManageAccount(String userId) {
            String accountClient = admin.get("/admin/realms/dvc/clients?clientId=account").get(0).get("id").asText();
            JsonNode role = admin.get("/admin/realms/dvc/clients/" + accountClient + "/roles/manage-account");
            HttpResponse<String> granted = admin.send("POST", "/admin/realms/dvc/users/" + userId
                    + "/role-mappings/clients/" + accountClient,
                    List.of(Map.of("id", role.get("id").asText(), "name", "manage-account")));
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
        }
    }

    @Nested
    class GivenTheCutoffDateHasPassed {

        @AfterEach
        void backToTheSandboxPolicy() {
            CutoffSettings.sandbox(admin);
        }

        @Test
        void thenLinkOnlyAllowsTheCccdAndVneidButNoPortalSession() {
            cutoff("01/07/2024", "link-only", "30/06/2025", "link-only");
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyFixtures.LINK_ONLY, PASSWORD);
            assertThat(form.page().body()).contains("vneid-cccd-form").doesNotContain("vneid-cccd-skip");
            PortalLogin.Outcome skipped = login.follow(login.web.submit(form.page(), "#vneid-cccd-form",
                    Map.of("action", "skip")));
            assertThat(skipped.callback()).as("a forged 'skip' is refused").isEmpty();

            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.LINK_ONLY);
            PortalLogin.Outcome page = login.submitCccd(skipped, person.cccd());
            assertThat(page.callback()).as("no portal session from the portal account").isEmpty();
            assertThat(page.page().body()).contains("vneid-cutoff-form");

            PortalLogin.Outcome shown = login.vneidSteps(login.web.followWithin(
                    login.web.submit(page.page(), "#vneid-cutoff-form", Map.of("action", "vneid")), keycloak.baseUri()),
                    person.cccd(), VneidStandIn.PASSWORD, VneidStandIn.OTP);
            // whoever finishes the VNeID login in this tab is shown the account, even after its password
            assertThat(PortalLogin.isShownAccount(shown)).as(shown.page().body()).isTrue();
            JWTClaimsSet claims = login.finish(login.confirmShownAccount(shown));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.LINK_ONLY));
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome linked = again.submitPassword(LegacyFixtures.LINK_ONLY, PASSWORD);
            assertThat(linked.callback()).isEmpty();
            assertThat(text(linked)).contains("đã được liên kết với VNeID");
        }

        @Test
        void thenTheLinkOnlyPageRefusesAnotherVneidAccount() {
            cutoff("01/07/2024", "link-only", "30/06/2025", "link-only");
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome page = loginAndVerify(login, LegacyFixtures.LINK_ONLY_MISMATCH);
            String strangersId = LegacyFixtures.person(LegacyFixtures.LINK_SKIP).cccd();

            PortalLogin.Outcome refused = login.vneidSteps(login.web.followWithin(
                    login.web.submit(page.page(), "#vneid-cutoff-form", Map.of("action", "vneid")), keycloak.baseUri()),
                    strangersId, VneidStandIn.PASSWORD, VneidStandIn.OTP);

            assertThat(refused.callback()).isEmpty();
            assertThat(text(refused)).contains("không trùng với số CCCD đã xác thực");
            assertThat(links(user(LegacyFixtures.LINK_ONLY_MISMATCH).get("id").asText())).isEmpty();
            assertThat(VneidUsers.createdFor(admin, strangersId)).as("no user created from VNeID").isEmpty();
        }

        @Test
        void thenClosedRefusesTheCitizenAndPointsToVneid() {
            cutoff("01/07/2024", "closed", "30/06/2025", "closed");
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = login.submitPassword(LegacyFixtures.CUTOFF_CLOSED, PASSWORD);

            assertThat(refused.callback()).isEmpty();
            assertThat(text(refused)).contains("từ ngày 01/07/2024", "VNeID");
            assertThat(refused.page().body()).contains("vneid-cutoff-vneid");
        }

        @Test
        void thenAnOrganisationFollowsItsOwnDate() {
            cutoff("01/07/2024", "closed", "31/12/2099", "closed");
            assertThat(new PortalLogin(keycloak, "dvcqg-portal")
                    .passwordLogin(LegacyFixtures.ORGANISATION, PASSWORD).getClaim("legacy_account_type"))
                    .isEqualTo("ORGANISATION");

            cutoff("31/12/2099", "notice", "30/06/2025", "closed");
            PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal")
                    .submitPassword(LegacyFixtures.ORGANISATION, PASSWORD);
            assertThat(refused.callback()).isEmpty();
            assertThat(text(refused)).contains("từ ngày 30/06/2025");
        }

        @Test
        void thenAdministratorsAreExempt() {
            cutoff("01/07/2024", "closed", "30/06/2025", "closed");
            JWTClaimsSet claims = new PortalLogin(keycloak, "dvcqg-portal")
                    .passwordLogin(LegacyPersonas.QUANTRI, LegacyPersonas.PASSWORD);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(LegacyPersonas.QUANTRI);
        }
    }

    private void cutoff(String citizenDate, String citizenMode, String organisationDate, String organisationMode) {
        CutoffSettings.set(admin, citizenDate, citizenMode, organisationDate, organisationMode);
    }
}
