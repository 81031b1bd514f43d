package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
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
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.portal.DemoPortal;
import vn.vneidbridge.sandbox.portal.DemoPortalConfig;

/** The sandbox's demo portal against the real Keycloak: log in, see the claims, log out of both. */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPortalIT {

    private static final String PASSWORD = "Sandbox@123";

    private KeycloakServer keycloak;
    private DemoPortal portal;
    private String username;

    @BeforeAll
    void start(KeycloakServer keycloak, AdminApi admin) throws Exception {
        this.keycloak = keycloak;
        this.username = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser("dvc", username, PASSWORD, Map.of("firstName", "Văn An", "lastName", "Nguyễn",
                "email", username + "@example.vn", "emailVerified", true));
        portal = DemoPortal.start(DemoPortalConfig.sandbox("127.0.0.1", TestKeycloak.freePort(), keycloak.baseUri()));
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Nested
    class GivenACitizenNotLoggedIn {

        @Test
        void thenTheHomePageOffersOneLoginPerPortal() {
            Document home = Jsoup.parse(new WebClient().get(home()).body());

            assertThat(home.selectFirst("#status").text()).isEqualTo("Chưa đăng nhập.");
            assertThat(home.select("a[id^=login-]").eachAttr("id")).containsExactly("login-dvcqg-portal",
                    "login-dvc-hatinh-web", "login-dvc-binhduong-web", "login-dvc-binhdinh-web",
                    "login-dvc-lylichtuphap-web");
        }

        @Test
        void thenLoggingInShowsDaDangNhapWithTheIdTokenClaims() {
            WebClient browser = new WebClient();
            Document page = login(browser, "dvcqg-portal");

            assertThat(page.selectFirst("#status").text()).isEqualTo("Đã đăng nhập");
            assertThat(claim(page, "preferred_username")).isEqualTo(username);
            assertThat(claim(page, "iss")).isEqualTo(keycloak.realmUri("dvc").toString());
            assertThat(claim(page, "name")).isEqualTo("Văn An Nguyễn");
            assertThat(claim(page, "aud")).contains("dvcqg-portal");
        }

        @Test
        void thenAProvincialPortalLogsInThroughItsOwnClient() {
            Document page = login(new WebClient(), "dvc-binhdinh-web");

            assertThat(page.selectFirst("h1").text()).isEqualTo("Cổng Dịch vụ công tỉnh Bình Định");
            assertThat(claim(page, "azp")).isEqualTo("dvc-binhdinh-web");
        }

        @Test
        void thenACallbackWithAForeignStateIsRefused() {
            HttpResponse<String> response = new WebClient().get(URI.create(home() + "callback?state=forged&code=x"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Phiên đăng nhập không hợp lệ");
        }
    }

    @Nested
    class GivenTheSandboxPersonaTothinga {

        @Test
        void thenHerLegacyPortalAccountLogsInAndKeepsItsSubjectAndLegacyId() {
            Document first = login(new WebClient(), "dvcqg-portal", LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);
            Document second = login(new WebClient(), "dvcqg-portal", LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);

            assertThat(first.selectFirst("#status").text()).isEqualTo("Đã đăng nhập");
            assertThat(claim(first, "legacy_account_id")).isEqualTo(LegacyPersonas.TOTHINGA_ID);
            assertThat(claim(first, "full_name")).isEqualTo("Tô Thị Nga");
            assertThat(claim(second, "sub")).isEqualTo(claim(first, "sub"));
        }
    }

    @Nested
    class GivenALoggedInCitizen {

        @Test
        void thenLogoutEndsThePortalAndTheKeycloakSession() {
            WebClient browser = new WebClient();
            login(browser, "dvcqg-portal");

            HttpResponse<String> toKeycloak = browser.postForm(URI.create(home() + "logout"), Map.of());
            URI endSession = WebClient.location(toKeycloak);
            assertThat(endSession.toString()).startsWith(keycloak.realmUri("dvc") + "/protocol/openid-connect/logout");
            HttpResponse<String> back = browser.followWithin(browser.get(endSession), keycloak.baseUri());
            assertThat(WebClient.location(back)).isEqualTo(home());

            Document after = Jsoup.parse(browser.get(home()).body());
            assertThat(after.selectFirst("#status").text()).isEqualTo("Chưa đăng nhập.");
            HttpResponse<String> again = browser.followWithin(
                    browser.get(WebClient.location(browser.get(URI.create(home() + "login")))), keycloak.baseUri());
            assertThat(again.body()).as("Keycloak asks for the password again").contains("kc-form-login");
        }
    }

    private URI home() {
        return URI.create(portal.baseUri() + "/");
    }

    private Document login(WebClient browser, String clientId) {
        return login(browser, clientId, username, PASSWORD);
    }

    private Document login(WebClient browser, String clientId, String username, String password) {
        HttpResponse<String> toKeycloak = browser.get(URI.create(home() + "login?client=" + clientId));
        HttpResponse<String> form = browser.get(WebClient.location(toKeycloak));
        HttpResponse<String> back = browser.followWithin(
                browser.submit(form, "#kc-form-login", Map.of("username", username, "password", password)),
                keycloak.baseUri());
        if (back.body() != null && back.body().contains("vneid-cccd-form")) {
            back = browser.followWithin(browser.submit(back, "#vneid-cccd-form", Map.of("action", "skip")),
                    keycloak.baseUri());
        }
        HttpResponse<String> afterCallback = browser.get(WebClient.location(back));
        assertThat(WebClient.location(afterCallback)).isEqualTo(home());
        return Jsoup.parse(browser.get(home()).body());
    }

    private static String claim(Document page, String name) {
        return page.selectFirst("td[data-claim=" + name + "]").text();
    }
}
