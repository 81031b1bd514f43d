package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.LegacyFixtures.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.BruteForce;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * The portal-account form's "CMT/CCCD" tab (seed 002): a citizen whose account holds a verified CCCD logs in with
 * that number, or with the old CMND beside it, and the portal password. A number that names no account, or several,
 * is answered as a wrong password is, and no page names the account a number stands for.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdNumberLoginIT {

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
    }

    /** The login page's "CMT/CCCD" tab, chosen as a browser without JavaScript chooses it. */
    private static HttpResponse<String> idNumberTab(PortalLogin login) {
        HttpResponse<String> tab = login.web.submit(login.loginPage(), "#dvc-login-tabs",
                Map.of("vneidLoginTab", "id_number"));
        assertThat(tab.statusCode()).as(tab.body()).isEqualTo(200);
        return tab;
    }

    private static PortalLogin.Outcome byIdNumber(PortalLogin login, String number, String password) {
        return login.submitPasswordOn(idNumberTab(login), number, password);
    }

    private static String text(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body()).text();
    }

    private static String error(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body()).select("#input-error-username").text();
    }

    private JWTClaimsSet atThePortal(PortalLogin login, PortalLogin.Outcome outcome) {
        return login.finish(login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(outcome)));
    }

    @Nested
    class GivenTheTabs {

        @Test
        void thenTheIdNumberTabAsksForTheNumberInPlaceOfTheUsernameAndTheUsernameTabComesBack() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> tab = idNumberTab(login);

            assertThat(Jsoup.parse(tab.body()).select("label[for=username]").text()).contains("Số CMT/CCCD");
            assertThat(Jsoup.parse(tab.body()).select("input[name=vneid_login_by]").val()).isEqualTo("id_number");
            assertThat(Jsoup.parse(tab.body()).select("#dvc-login-tab-id-number").attr("aria-pressed"))
                    .isEqualTo("true");

            HttpResponse<String> back = login.web.submit(tab, "#dvc-login-tabs", Map.of("vneidLoginTab", "username"));
            assertThat(Jsoup.parse(back.body()).select("label[for=username]").text()).contains("Tên đăng nhập");
            assertThat(Jsoup.parse(back.body()).select("input[name=vneid_login_by]").val()).isEqualTo("username");
        }
    }

    @Nested
    class GivenAnAccountHoldingItsVerifiedCccd {

        @Test
        void thenItsCccdAndPortalPasswordLogIntoIt() {
            String cccd = LegacyFixtures.person(LegacyFixtures.ID_NUMBER_LOGIN).cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            JWTClaimsSet claims = atThePortal(login, byIdNumber(login, " " + cccd + " ", PASSWORD));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(LegacyFixtures.ID_NUMBER_LOGIN);
            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.ID_NUMBER_LOGIN));
            assertThat(admin.get("/admin/realms/dvc/events?type=LOGIN&max=200")).anySatisfy(event ->
                assertThat(event.path("details").path("username").asText()).isEqualTo(LegacyFixtures.ID_NUMBER_LOGIN));
        }

        @Test
        void thenItsOldCmndLogsIntoItToo() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            JWTClaimsSet claims = atThePortal(login, byIdNumber(login, LegacyFixtures.ID_NUMBER_LOGIN_CMND, PASSWORD));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(LegacyFixtures.ID_NUMBER_LOGIN);
        }

        @Test
        void thenAWrongPasswordIsAnsweredAsANumberOfNobodysAndThePageNeverNamesTheAccount() {
            String cccd = LegacyFixtures.person(LegacyFixtures.ID_NUMBER_LOGIN).cccd();
            PortalLogin.Outcome wrong = byIdNumber(new PortalLogin(keycloak, "dvcqg-portal"), cccd, "Wrong@1");
            PortalLogin.Outcome nobodys = byIdNumber(new PortalLogin(keycloak, "dvcqg-portal"),
                    LegacyFixtures.stranger().cccd(), "Wrong@1");

            assertThat(wrong.callback()).isEmpty();
            assertThat(nobodys.callback()).isEmpty();
            assertThat(error(wrong)).isNotBlank().isEqualTo(error(nobodys));
            assertThat(wrong.page().body()).doesNotContain(LegacyFixtures.ID_NUMBER_LOGIN)
                    .doesNotContain(LegacyFixtures.legacyId(LegacyFixtures.ID_NUMBER_LOGIN));
            assertThat(Jsoup.parse(wrong.page().body()).select("input[name=vneid_login_by]").val())
                    .as("the form stays on its tab").isEqualTo("id_number");
            assertThat(Jsoup.parse(wrong.page().body()).select("input[name=username]").val()).isEqualTo(cccd);
            // counted against the account, as a wrong password typed with its username is (review A1)
            assertThat(BruteForce.loginErrors(admin, LegacyFixtures.ID_NUMBER_LOGIN)).anySatisfy(event -> {
                assertThat(event.path("error").asText()).isEqualTo("invalid_user_credentials");
                assertThat(event.path("details").path("login_by").asText()).isEqualTo("id_number");
                assertThat(event.path("userId").asText()).isNotBlank();
            });
        }
    }

    @Nested
    class GivenANumberNoAccountHoldsVerifiedOrSeveralDo {

        @Test
        void thenAnUnverifiedCccdDoesNotLogInWithTheRightPassword() {
            PortalLogin.Outcome refused = byIdNumber(new PortalLogin(keycloak, "dvcqg-portal"), "001090009003",
                    PASSWORD);

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().body()).doesNotContain(LegacyFixtures.UNVERIFIED);
        }

        @Test
        void thenACccdTwoAccountsHoldVerifiedLogsIntoNeither() {
            String shared = LegacyFixtures.person(LegacyFixtures.ID_NUMBER_TWIN_A).cccd();

            PortalLogin.Outcome refused = byIdNumber(new PortalLogin(keycloak, "dvcqg-portal"), shared, PASSWORD);

            assertThat(refused.callback()).isEmpty();
            assertThat(text(refused)).doesNotContain(LegacyFixtures.ID_NUMBER_TWIN_A, LegacyFixtures.ID_NUMBER_TWIN_B);
            for (String twin : List.of(LegacyFixtures.ID_NUMBER_TWIN_A, LegacyFixtures.ID_NUMBER_TWIN_B)) {
                for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + twin)) {
                    assertThat(admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/sessions"))
                            .as("a session of " + twin).isEmpty();
                }
            }
            assertThat(BruteForce.loginErrors(admin, shared)).as("refused as an unknown username")
                    .anySatisfy(event -> assertThat(event.path("error").asText()).isEqualTo("user_not_found"));
        }
    }
}
