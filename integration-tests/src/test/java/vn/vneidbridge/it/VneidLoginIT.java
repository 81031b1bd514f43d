package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Logging in to the portals with VNeID through the stand-in VNeID (realm {@code vneid-sandbox}: id number,
 * password, SMS code 123456), as the personas of the sandbox do.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidLoginIT {

    private static final String PASSWORD = "Sandbox@123";
    private static final String OTP = "123456";
    private static final String HOA = "079195004567";
    private static final String DUC = "036088002468";
    private static final String AN = "001090001234";
    private static final String BINH = "042085007890";

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void pointTheProviderAtThisServersStandIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    @Nested
    class GivenLeThiHoaWithALevel1Account {

        @Test
        void thenHerFirstVneidLoginCreatesHerUserWithTheVerifiedIdNumber() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet claims = login.finish(login.vneidLogin(HOA, PASSWORD, OTP, Map.of()));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(HOA);
            assertThat(claims.getClaim("cccd")).as("a VNeID id number is verified by the Ministry").isEqualTo(HOA);
            assertThat(claims.getClaim("full_name")).isEqualTo("Lê Thị Hoa");
            assertThat(claims.getClaim("name")).as("family name first, as Vietnamese names are written")
                    .isEqualTo("Lê Thị Hoa");
            assertThat(claims.getClaim("acr")).isEqualTo("1");
            JsonNode user = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + HOA).get(0);
            assertThat(attribute(user, "birthdate")).isEqualTo("1995-11-20");
            assertThat(attribute(user, "gender")).isEqualTo("female");
            assertThat(attribute(user, "cccd_verified_source")).isEqualTo("vneid");
        }

        @Test
        void thenAServiceRequiringLevel2RefusesHerWithAClearMessage() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome refused = login.vneidLogin(HOA, PASSWORD, OTP, Map.of("acr_values", "2"));

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text())
                    .contains("Tài khoản VNeID của bạn ở mức độ 1; dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2");

        }
    }

    @Nested
    class GivenPhamMinhDucWithALevel2Account {

        @Test
        void thenHeLogsInAndLogoutEndsBothSessions() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.vneidLogin(DUC, PASSWORD, OTP, Map.of("acr_values", "2"));
            assertThat(outcome.callback()).as(outcome.page().body()).isPresent();
            Map<String, String> answer = WebClient.query(outcome.callback().get());
            String idToken = login.exchange(answer.get("code"), login.verifier).get("id_token").asText();
            JWTClaimsSet claims = login.validIdToken(idToken);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(DUC);
            assertThat(claims.getClaim("vneid_level")).isEqualTo("2");
            assertThat(claims.getClaim("acr")).as("the session's assurance is the VNeID level").isEqualTo("2");
            assertThat(claims.getClaim("birthdate")).isEqualTo("1988-05-05");

            URI logout = URI.create(login.issuer() + "/protocol/openid-connect/logout?" + WebClient.form(Map.of(
                    "id_token_hint", idToken, "client_id", "dvcqg-portal",
                    "post_logout_redirect_uri", login.redirectUri)));
            HttpResponse<String> back = login.web.followWithin(login.web.get(logout), keycloak.baseUri());
            assertThat(WebClient.location(back).toString()).startsWith(login.redirectUri);

            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal", login.web);
            Map<String, String> params = again.parameters();
            params.put("kc_idp_hint", "vneid");
            HttpResponse<String> page = again.web.followWithin(again.web.get(again.authorizationUri(params)),
                    keycloak.baseUri());
            assertThat(page.body()).as("VNeID asks for the password again: its session ended too")
                    .contains("kc-form-login");
        }
    }

    @Nested
    class GivenACitizenLoggedInWithVneid {

        @Test
        void thenVneidEndingHerSessionEndsTheSessionAtThePortalsToo() {
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(160)
                    .findFirst().orElseThrow();
            String idNumber = VneidStandIn.account(admin, person, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.vneidLogin(idNumber, PASSWORD, OTP, Map.of());
            Map<String, String> answer = WebClient.query(outcome.callback().orElseThrow());
            JsonNode tokens = login.exchange(answer.get("code"), login.verifier);
            String userId = login.validIdToken(tokens.get("id_token").asText()).getSubject();
            assertThat(admin.get("/admin/realms/dvc/users/" + userId + "/sessions").size()).isEqualTo(1);

            String vneidUser = admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + idNumber)
                    .get(0).get("id").asText();
            HttpResponse<String> ended = admin.send("POST", "/admin/realms/vneid-sandbox/users/" + vneidUser + "/logout", null);
            assertThat(ended.statusCode()).isEqualTo(204);

            assertThat(admin.get("/admin/realms/dvc/users/" + userId + "/sessions").size())
                    .as("VNeID's back-channel logout ended the dvc session").isZero();
            HttpResponse<String> refreshed = new WebClient().postForm(
                    URI.create(login.issuer() + "/protocol/openid-connect/token"), Map.of(
                            "grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asText(),
                            "client_id", "dvcqg-portal", "client_secret", "sandbox-secret"));
            assertThat(refreshed.statusCode()).as("the portal's refresh token is dead").isEqualTo(400);
        }
    }

    @Nested
    class GivenNguyenVanAnWhoseLegacyAccountHasHisVerifiedCccd {

        @Test
        void thenHisFirstVneidLoginLinksHisLegacyAccountOnceHeSaysItIsHisAndHeStaysTheSameUser() {
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneid.vneidLogin(AN, PASSWORD, OTP, Map.of());
            assertThat(PortalLogin.isShownAccount(shown)).as("shown before it is linked").isTrue();
            JWTClaimsSet linked = vneid.finish(vneid.confirmShownAccount(shown));

            assertThat(linked.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
            assertThat(linked.getClaim("preferred_username")).isEqualTo(LegacyPersonas.NGUYENVANAN);
            assertThat(admin.get("/admin/realms/dvc/users?exact=true&username=" + AN).size())
                    .as("no second user from VNeID").isZero();
            JsonNode user = admin.get("/admin/realms/dvc/users/" + linked.getSubject());
            assertThat(attribute(user, "vneid_linked_at")).isNotBlank();
            assertThat(admin.get("/admin/realms/dvc/users/" + linked.getSubject() + "/federated-identity")
                    .findValuesAsText("identityProvider")).containsExactly("vneid");

            JWTClaimsSet legacyLogin = new PortalLogin(keycloak, "dvcqg-portal")
                    .passwordLogin(LegacyPersonas.NGUYENVANAN, LegacyPersonas.PASSWORD);
            assertThat(legacyLogin.getSubject()).as("the same subject through either door").isEqualTo(linked.getSubject());
            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(again.finish(again.vneidLogin(AN, PASSWORD, OTP, Map.of())).getSubject())
                    .isEqualTo(linked.getSubject());
        }
    }

    @Nested
    class GivenTranVanBinhWhoseCccdIsVerifiedOnTwoLegacyAccounts {

        @Test
        void thenNothingIsLinkedOrCreatedAndHeIsSentToSupport() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome refused = login.vneidLogin(BINH, PASSWORD, OTP, Map.of());

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("nhiều tài khoản", "hỗ trợ");
            assertThat(admin.get("/admin/realms/dvc/users?exact=true&username=" + BINH).size()).isZero();
            for (String username : new String[] {LegacyPersonas.TRANVANBINH, LegacyPersonas.TRANVANBINH_HCM}) {
                assertThat(admin.get("/admin/realms/dvc/users?exact=true&username=" + username).size())
                        .as(username + " was neither imported nor linked").isZero();
            }
            boolean recorded = false;
            for (JsonNode event : admin.get("/admin/realms/dvc/events?max=200")) {
                recorded |= "vneid_link_conflict".equals(event.path("error").asText());
            }
            assertThat(recorded).as("an event for the operators").isTrue();
        }
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }
}
