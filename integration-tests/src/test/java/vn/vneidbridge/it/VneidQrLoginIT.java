package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * QR login at the stand-in VNeID (realm {@code vneid-sandbox}): the login page's QR opened in a second client (the
 * "VNeID app" stand-in at {@code /realms/vneid-sandbox/vneid-app/qr/<token>}), the app's login and answer, then the
 * waiting page's post (what its script sends once the status says "confirmed"). Each refusal logs nobody in.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidQrLoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakServer keycloak;
    private AdminApi admin;
    private String citizen;
    private String other;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        SyntheticPerson person = LegacyFixtures.syntheticPerson(112);
        citizen = VneidStandIn.account(admin, person, 2);
        other = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(113), 1);
    }

    @AfterAll
    void deleteAccounts() {
        for (String number : new String[] {citizen, other}) {
            for (JsonNode user : VneidUsers.createdFor(admin, number)) {
                admin.deleteUser("dvc", user.get("id").asText());
            }
            for (JsonNode user : admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + number)) {
                admin.deleteUser("vneid-sandbox", user.get("id").asText());
            }
        }
    }

    /** One citizen's browser at the stand-in's login page, showing a QR. */
    final class WaitingPage {
        final PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        final HttpResponse<String> page = login.open(Map.of("kc_idp_hint", "vneid"));
        final Document document = Jsoup.parse(page.body(), page.uri().toString());

        WaitingPage() {
            assertThat(PortalLogin.atVneid(page)).as(page.body()).isTrue();
            assertThat(document.select("#vneid-qr-instruction").text())
                    .isEqualTo("Hoặc quét mã QR bằng ứng dụng VNeID để đăng nhập.");
            assertThat(document.select("#vneid-qr-image").attr("src")).startsWith("data:image/png;base64,");
        }

        URI qrUrl() {
            return URI.create(document.select("#vneid-qr-url").attr("href"));
        }

        String handle() {
            return document.select("#vneid-qr-form input[name=vneid_qr_handle]").val();
        }

        JsonNode status() {
            HttpResponse<String> answer = login.web.get(URI.create(document.select("#vneid-qr").attr("data-status-url")));
            assertThat(answer.statusCode()).isEqualTo(200);
            try {
                return JSON.readTree(answer.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** What the page's script posts once the app confirmed, with whichever handle. */
        PortalLogin.Outcome submitQr(String handle) {
            return login.follow(login.web.submit(page, "#vneid-qr-form", Map.of("vneid_qr_handle", handle)));
        }
    }

    /** The "VNeID app" in another browser. */
    static final class App {
        final WebClient web = new WebClient();
        HttpResponse<String> page;

        App open(URI qrUrl) {
            page = web.get(qrUrl);
            assertThat(page.statusCode()).isEqualTo(200);
            return this;
        }

        App logIn(String idNumber, String password) {
            page = web.submit(page, "#vneid-app-login", Map.of("username", idNumber, "password", password));
            return this;
        }

        App answer(String answer) {
            page = web.submit(page, "#vneid-app-answer", Map.of("answer", answer));
            return this;
        }

        String view() {
            return Jsoup.parse(page.body()).select("#vneid-app").attr("data-view");
        }

        String text() {
            return Jsoup.parse(page.body()).text();
        }
    }

    private static String text(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body()).text();
    }

    @Nested
    class GivenTheCitizenConfirmsInTheApp {

        @Test
        void thenTheWaitingPageLogsHerInAtThePortalWithoutTheSmsCode() {
            WaitingPage browser = new WaitingPage();
            App app = new App().open(browser.qrUrl());
            assertThat(app.view()).isEqualTo("LOGIN");
            app.logIn(citizen, VneidStandIn.PASSWORD);
            assertThat(app.view()).isEqualTo("CONFIRM");
            assertThat(app.text()).contains("Xác nhận đăng nhập").contains("Từ chối");
            app.answer("confirm");
            assertThat(app.view()).isEqualTo("ANSWERED");
            assertThat(browser.status().get("status").asText()).isEqualTo("confirmed");

            JWTClaimsSet claims = browser.login.finish(browser.submitQr(browser.handle()));

            assertThat(claims.getClaim("cccd")).isEqualTo(citizen);
            assertThat(claims.getClaim("acr")).as("the account's level, as after the SMS code").isEqualTo("2");
        }
    }

    @Nested
    class GivenAQrConfirmedForAnotherBrowser {

        @Test
        void thenSubmittingItFromThisBrowsersLoginIsRefused() {
            WaitingPage victim = new WaitingPage();
            new App().open(victim.qrUrl()).logIn(citizen, VneidStandIn.PASSWORD).answer("confirm");
            WaitingPage attacker = new WaitingPage();

            PortalLogin.Outcome refused = attacker.submitQr(victim.handle());

            assertThat(refused.callback()).as("nobody logged in").isEmpty();
            assertThat(text(refused)).contains("thuộc về một phiên đăng nhập khác");
            assertThat(victim.status().get("status").asText()).as("the victim's QR is untouched").isEqualTo("confirmed");
        }
    }

    @Nested
    class GivenAQrAlreadyUsed {

        @Test
        void thenTheAppCannotAnswerItAgainAndItsPageCannotUseItAgain() {
            WaitingPage browser = new WaitingPage();
            URI qr = browser.qrUrl();
            App app = new App().open(qr).logIn(citizen, VneidStandIn.PASSWORD);
            HttpResponse<String> confirmForm = app.page;
            app.answer("confirm");
            assertThat(browser.submitQr(browser.handle()).callback()).isPresent();

            App replay = new App().open(qr);
            assertThat(replay.view()).isEqualTo("GONE");
            app.page = confirmForm;
            app.answer("confirm");
            assertThat(app.view()).as("a replayed confirmation").isEqualTo("GONE");
            assertThat(browser.status().get("status").asText()).isEqualTo("used");
        }

        @Test
        void thenASecondPostOfTheSameConfirmedQrInTheSameLoginIsRefusedAsUsed() {
            WaitingPage browser = new WaitingPage();
            new App().open(browser.qrUrl()).logIn(citizen, VneidStandIn.PASSWORD).answer("confirm");
            String handle = browser.handle();
            // the first post's removal, then a second post from the same login page: the QR is gone
            WaitingPage same = browser;
            HttpResponse<String> first = same.login.web.submit(same.page, "#vneid-qr-form",
                    Map.of("vneid_qr_handle", handle));
            assertThat(first.statusCode()).isIn(302, 303);

            PortalLogin.Outcome second = same.submitQr(handle);
            assertThat(second.callback()).as("the replay logs nobody in a second time").isEmpty();
        }
    }

    @Nested
    class GivenTheCitizenRefusesInTheApp {

        @Test
        void thenTheWaitingPageIsToldAndAPostLogsNobodyIn() {
            WaitingPage browser = new WaitingPage();
            App app = new App().open(browser.qrUrl()).logIn(citizen, VneidStandIn.PASSWORD).answer("refuse");
            assertThat(app.text()).contains("Đã từ chối");
            assertThat(browser.status().get("status").asText()).isEqualTo("refused");

            PortalLogin.Outcome refused = browser.submitQr(browser.handle());

            assertThat(refused.callback()).isEmpty();
            assertThat(text(refused)).contains("đã bị từ chối");
        }
    }

    @Nested
    class GivenAWrongPasswordInTheApp {

        @Test
        void thenTheAppRefusesAndFiveWrongTriesCancelTheQr() {
            WaitingPage browser = new WaitingPage();
            App app = new App().open(browser.qrUrl());
            // the other account: wrong passwords count in Keycloak's brute-force detection (VneidQrAppBruteForceIT),
            // and quick successive failures lock the account for a minute, which would refuse the citizen elsewhere
            app.logIn(other, "wrong-password");
            assertThat(app.view()).isEqualTo("LOGIN");
            assertThat(app.text()).contains("không đúng");
            for (int i = 0; i < 4; i++) {
                app.logIn(other, "wrong-password-" + i);
            }
            assertThat(app.view()).isEqualTo("ANSWERED");
            assertThat(app.text()).contains("quá nhiều lần");
            assertThat(browser.status().get("status").asText()).isEqualTo("refused");
            assertThat(browser.submitQr(browser.handle()).callback()).isEmpty();
        }

        @Test
        void thenAForgedLoginWithoutTheFormsCsrfTokenIsRefused() {
            WaitingPage browser = new WaitingPage();
            App app = new App().open(browser.qrUrl());
            app.page = app.web.postForm(URI.create(browser.qrUrl() + "/login"),
                    Map.of("username", citizen, "password", VneidStandIn.PASSWORD, "csrf", "forged"));
            assertThat(app.view()).isEqualTo("LOGIN");
            assertThat(browser.status().get("inApp").asBoolean()).isFalse();
        }
    }

    @Nested
    class GivenAWrongIdNumberOrPasswordOnTheLoginPage {

        @Test
        void thenThePageSaysSoAndOffersANewQr() {
            WaitingPage browser = new WaitingPage();
            HttpResponse<String> again = browser.login.web.submit(browser.page, "#kc-form-login",
                    Map.of("username", "001099999999", "password", "not-the-password"));
            Document page = Jsoup.parse(again.body(), again.uri().toString());
            assertThat(PortalLogin.atVneid(again)).as(again.body()).isTrue();
            assertThat(page.select("#input-error-username").text()).isNotBlank();
            assertThat(page.select("#vneid-qr-image").attr("src")).startsWith("data:image/png;base64,");
            String newHandle = page.select("#vneid-qr-form input[name=vneid_qr_handle]").val();
            assertThat(newHandle).isNotBlank().isNotEqualTo(browser.handle());
        }
    }

    @Nested
    class GivenAnUnconfirmedOrUnknownQr {

        @Test
        void thenPostingItLogsNobodyIn() {
            WaitingPage browser = new WaitingPage();
            PortalLogin.Outcome pending = browser.submitQr(browser.handle());
            assertThat(pending.callback()).isEmpty();
            assertThat(text(pending)).contains("chưa được xác nhận");

            WaitingPage another = new WaitingPage();
            PortalLogin.Outcome unknown = another.submitQr("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertThat(unknown.callback()).isEmpty();
            assertThat(text(unknown)).contains("đã hết hạn");
        }
    }
}
