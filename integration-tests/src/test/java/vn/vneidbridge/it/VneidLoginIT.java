package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Logging in to the portals with VNeID through the stand-in VNeID (realm {@code vneid-sandbox}: id number,
 * password, SMS code 123456), as the personas of the sandbox do. Realm dvc's provider speaks {@link #protocol()};
 * {@link VneidLoginOverPartnerApiIT} runs the same tests over the partner API.
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
    private CitizenAccounts accounts;

    @BeforeAll
    void pointTheProviderAtThisServersStandIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.accounts = new CitizenAccounts(admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
        // the personas' users and links made here, so that a run over the other protocol meets them as new again
        VneidUsers.deleteCreatedFor(admin, HOA, DUC);
        for (int person : new int[] {160, 183, 187, 192, 195}) {
            VneidUsers.deleteCreatedFor(admin, LegacyFixtures.syntheticPerson(person).cccd());
        }
        VneidUsers.deleteAccounts(admin, LegacyPersonas.NGUYENVANAN);
    }

    /** The protocol realm dvc's {@code vneid} provider speaks in this class's run: {@code oidc} here. */
    protected String protocol() {
        return VneidProtocol.OIDC;
    }

    /** Skips a test that needs what only OpenID Connect gives (the partner API has no ID token from VNeID). */
    private void assumeOidc(String why) {
        Assumptions.assumeTrue(VneidProtocol.OIDC.equals(protocol()), "not over " + protocol() + ": " + why);
    }

    @Nested
    class GivenLeThiHoaWithALevel1Account {

        @Test
        void thenHerFirstVneidLoginCreatesHerUserWithTheVerifiedIdNumber() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet claims = login.finish(login.vneidLogin(HOA, PASSWORD, OTP, Map.of()));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, HOA));
            assertThat(claims.getClaim("cccd")).as("a VNeID id number is verified by the Ministry").isEqualTo(HOA);
            assertThat(claims.getClaim("full_name")).isEqualTo("Lê Thị Hoa");
            assertThat(claims.getClaim("name")).as("family name first, as Vietnamese names are written")
                    .isEqualTo("Lê Thị Hoa");
            assertThat(claims.getClaim("acr")).isEqualTo("1");
            JsonNode user = VneidUsers.createdFor(admin, HOA).get(0);
            assertThat(attribute(user, "birthdate")).isEqualTo("1995-11-20");
            assertThat(attribute(user, "gender")).isEqualTo("female");
            assertThat(attribute(user, "cccd_verified_source")).isEqualTo("vneid");
        }

        @Test
        void thenAServiceRequiringLevel2TellsHerWhyAndSendsThePortalAnError() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome refused = login.vneidLogin(HOA, PASSWORD, OTP, Map.of("claims",
                    "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}"));

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text())
                    .contains("Tài khoản VNeID của bạn ở mức độ 1; dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2");
        }

        @Test
        void thenAServiceThatOnlyPrefersLevel2GetsHerHonestLevel() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet claims = login.finish(login.vneidLogin(HOA, PASSWORD, OTP, Map.of("acr_values", "2")));

            assertThat(claims.getClaim("acr")).isEqualTo("1");
            assertThat(claims.getClaim("vneid_level")).isEqualTo("1");
        }
    }

    @Nested
    class GivenPhamMinhDucWithALevel2Account {

        @Test
        void thenHeLogsInAndLogoutEndsBothSessions() {
            assumeOidc("no ID token from VNeID, so no RP-initiated logout at VNeID (the partner API has no logout)");
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.vneidLogin(DUC, PASSWORD, OTP, Map.of("acr_values", "2"));
            assertThat(outcome.callback()).as(outcome.page().body()).isPresent();
            Map<String, String> answer = WebClient.query(outcome.callback().get());
            String idToken = login.exchange(answer.get("code"), login.verifier).get("id_token").asText();
            JWTClaimsSet claims = login.validIdToken(idToken);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, DUC));
            assertThat(claims.getClaim("vneid_level")).isEqualTo("2");
            assertThat(claims.getClaim("acr")).as("the session's level of assurance: VNeID level 2").isEqualTo("2");
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
    class GivenAPortalLoggedInOverThePartnerApi {

        @Test
        void thenThePortalsLogoutEndsTheDvcSessionAndItsRefreshTokenButNotVneidsOwnSession() {
            Assumptions.assumeFalse(VneidProtocol.OIDC.equals(protocol()),
                    "over OpenID Connect the logout goes through VNeID (GivenPhamMinhDucWithALevel2Account)");
            String idNumber = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(183), 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.vneidLogin(idNumber, PASSWORD, OTP, Map.of());
            JsonNode tokens = login.exchange(WebClient.query(outcome.callback().orElseThrow(
                    () -> new AssertionError(outcome.page().body()))).get("code"), login.verifier);
            String idToken = tokens.get("id_token").asText();
            String userId = login.validIdToken(idToken).getSubject();
            String vneidUser = admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + idNumber)
                    .get(0).get("id").asText();
            assertThat(sessions("dvc", userId)).isEqualTo(1);

            URI logout = URI.create(login.issuer() + "/protocol/openid-connect/logout?" + WebClient.form(Map.of(
                    "id_token_hint", idToken, "client_id", "dvcqg-portal",
                    "post_logout_redirect_uri", login.redirectUri)));
            HttpResponse<String> back = login.web.followWithin(login.web.get(logout), keycloak.baseUri());

            assertThat(WebClient.location(back).toString()).startsWith(login.redirectUri);
            assertThat(sessions("dvc", userId)).as("the dvc session ended").isZero();
            HttpResponse<String> refreshed = new WebClient().postForm(
                    URI.create(login.issuer() + "/protocol/openid-connect/token"), Map.of(
                            "grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asText(),
                            "client_id", "dvcqg-portal", "client_secret", "sandbox-secret"));
            assertThat(refreshed.statusCode()).as("the portal's refresh token is dead").isEqualTo(400);
            assertThat(sessions("vneid-sandbox", vneidUser))
                    .as("the partner API has no logout: VNeID's own session is left as it is").isEqualTo(1);
        }
    }

    @Nested
    class GivenACitizenLoggedInWithVneid {

        @Test
        void thenVneidEndingHerSessionEndsTheSessionAtThePortalsToo() {
            assumeOidc("VNeID's back-channel logout needs a logout token naming its ID token's sid; the partner API has "
                    + "neither");
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
            assertThat(VneidUsers.createdFor(admin, AN).size())
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
            assertThat(VneidUsers.createdFor(admin, BINH).size()).isZero();
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

    @Nested
    class GivenAnAccountCarryingAnotherCitizensEmailAndPhone {

        @Test
        void thenHerFirstVneidLoginNeverLinksItAndCreatesHerOwnUser() {
            SyntheticPerson victim = LegacyFixtures.syntheticPerson(187);
            String idNumber = VneidStandIn.account(admin, victim, 2);
            String email = "fl1-" + PortalLogin.random(4).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x")
                    + "@example.vn";
            setStandInEmail(idNumber, email);
            // someone's portal account with her e-mail and phone, even her name and birth date; no CCCD
            // (realm dvc allows duplicate e-mails, as the legacy portals did)
            String account = accounts.create("fl1", victim, Map.of("phone_number", victim.phone()));
            setEmail(accounts.id(account), email);

            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.vneidLogin(idNumber, PASSWORD, OTP, Map.of());

            assertThat(outcome.page().body()).as("that account is neither shown nor asked for")
                    .doesNotContain("vneid-shown-account-form", "vneid-link-confirm-form");
            JWTClaimsSet claims = login.finish(outcome);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, idNumber));
            assertThat(claims.getSubject()).isNotEqualTo(accounts.id(account));
            assertThat(accounts.links(account)).isEmpty();
            JsonNode untouched = accounts.user(account);
            assertThat(attribute(untouched, "cccd")).isNull();
            assertThat(untouched.path("email").asText()).isEqualTo(email);
        }

        @SuppressWarnings("unchecked")
        private void setStandInEmail(String idNumber, String email) {
            JsonNode user = admin.get("/admin/realms/vneid-sandbox/users?exact=true&briefRepresentation=false&username="
                    + idNumber).get(0);
            Map<String, Object> representation = new ObjectMapper().convertValue(user, Map.class);
            representation.put("email", email);
            representation.put("emailVerified", true);
            HttpResponse<String> saved = admin.send("PUT", "/admin/realms/vneid-sandbox/users/" + user.get("id").asText(),
                    representation);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        }

        @SuppressWarnings("unchecked")
        private void setEmail(String userId, String email) {
            Map<String, Object> representation = new ObjectMapper().convertValue(
                    admin.get("/admin/realms/dvc/users/" + userId), Map.class);
            representation.put("email", email);
            representation.put("emailVerified", true);
            HttpResponse<String> saved = admin.send("PUT", "/admin/realms/dvc/users/" + userId, representation);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        }
    }

    @Nested
    class GivenALockedPortalAccountHoldingTheVerifiedNumber {

        @Test
        void thenItsHoldersFirstVneidLoginNeitherImportsNorLinksItNorCreatesAUser() {
            SyntheticPerson holder = LegacyFixtures.person(LegacyFixtures.LOCKED_VERIFIED);
            String idNumber = VneidStandIn.account(admin, holder, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = login.vneidLogin(idNumber, PASSWORD, OTP, Map.of());

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().body()).as("not shown, no password asked")
                    .doesNotContain("vneid-shown-account-form", "vneid-link-confirm-form");
            assertThat(refused.page().statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("vô hiệu hóa");
            assertThat(admin.get("/admin/realms/dvc/users?exact=true&username=" + LegacyFixtures.LOCKED_VERIFIED).size())
                    .as("the locked row is not imported").isZero();
            assertThat(VneidUsers.createdFor(admin, idNumber).size())
                    .as("no user beside it").isZero();
        }
    }

    @Nested
    class GivenALogoutAskingToRedirectElsewhere {

        private static final String ELSEWHERE = "https://evil.example/after-logout";

        @Test
        void thenAPortalAccountSessionIsNotSentToAnUnregisteredUri() {
            String username = accounts.create("se3", LegacyFixtures.syntheticPerson(193));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            String idToken = idToken(login, login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                    login.submitPassword(username, LegacyFixtures.PASSWORD))));
            String userId = login.validIdToken(idToken).getSubject();

            HttpResponse<String> refused = login.web.followWithin(login.web.get(logout(login, idToken, ELSEWHERE)),
                    keycloak.baseUri());

            assertThat(WebClient.isRedirect(refused)).as("sent nowhere: " + refused.headers().map()).isFalse();
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(sessions("dvc", userId)).as("and not logged out either").isEqualTo(1);
            HttpResponse<String> registered = login.web.followWithin(login.web.get(logout(login, idToken,
                    login.redirectUri)), keycloak.baseUri());
            assertThat(WebClient.location(registered).toString()).startsWith(login.redirectUri);
            assertThat(sessions("dvc", userId)).isZero();
        }

        @Test
        void thenAVneidSessionIsNotSentToAnUnregisteredUriAndTheUriKeptForTheWayBackFromVneidServesOnce() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(192);
            String idNumber = VneidStandIn.account(admin, person, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            String idToken = idToken(login, login.vneidLogin(idNumber, PASSWORD, OTP, Map.of()));
            String userId = login.validIdToken(idToken).getSubject();
            String vneidUser = admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + idNumber)
                    .get(0).get("id").asText();

            HttpResponse<String> refused = login.web.followWithin(login.web.get(logout(login, idToken, ELSEWHERE)),
                    keycloak.baseUri());

            assertThat(WebClient.isRedirect(refused)).as("sent nowhere: " + refused.headers().map()).isFalse();
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(sessions("dvc", userId)).isEqualTo(1);
            assertThat(sessions("vneid-sandbox", vneidUser)).as("VNeID was not asked to log out").isEqualTo(1);
            if (!VneidProtocol.OIDC.equals(protocol())) {
                // the partner API has no logout at VNeID: with a registered URI, straight back after dvc's session ends
                HttpResponse<String> back = login.web.followWithin(login.web.get(logout(login, idToken,
                        login.redirectUri)), keycloak.baseUri());
                assertThat(WebClient.location(back).toString()).startsWith(login.redirectUri);
                assertThat(sessions("dvc", userId)).isZero();
                return;
            }

            // with a registered URI, the logout goes through VNeID and comes back to dvc, then to that URI
            List<URI> hops = new ArrayList<>();
            HttpResponse<String> current = login.web.get(logout(login, idToken, login.redirectUri));
            while (WebClient.isRedirect(current) && !WebClient.location(current).toString().startsWith(login.redirectUri)
                    && hops.size() < 20) {
                hops.add(WebClient.location(current));
                current = login.web.get(WebClient.location(current));
            }
            assertThat(WebClient.location(current).toString()).startsWith(login.redirectUri);
            assertThat(hops).as("through VNeID").anyMatch(hop -> hop.getPath().startsWith("/realms/vneid-sandbox/"));
            URI backFromVneid = hops.stream().filter(hop -> hop.getPath().endsWith("/broker/vneid/endpoint/logout_response"))
                    .findFirst().orElseThrow(() -> new AssertionError("no way back from VNeID among " + hops));
            assertThat(sessions("dvc", userId)).isZero();

            // that way back used again, in this browser or another: the URI kept for it is spent
            for (WebClient browser : List.of(login.web, new WebClient())) {
                HttpResponse<String> again = browser.get(backFromVneid);
                assertThat(WebClient.isRedirect(again) && WebClient.location(again).toString().startsWith(login.redirectUri))
                        .as("sent on again: " + again.headers().map()).isFalse();
            }
        }

        private URI logout(PortalLogin login, String idToken, String postLogoutRedirectUri) {
            return URI.create(login.issuer() + "/protocol/openid-connect/logout?" + WebClient.form(Map.of(
                    "id_token_hint", idToken, "client_id", "dvcqg-portal",
                    "post_logout_redirect_uri", postLogoutRedirectUri)));
        }
    }

    @Nested
    class GivenAForgedBackChannelLogoutToken {

        @Test
        void thenATokenWithAWrongSignatureOrOfAnotherIssuerEndsNoSession() throws Exception {
            assumeOidc("forged back-channel logout tokens: over the partner API there is no back-channel logout to forge");
            SyntheticPerson person = LegacyFixtures.syntheticPerson(195);
            String idNumber = VneidStandIn.account(admin, person, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.vneidLogin(idNumber, PASSWORD, OTP, Map.of());
            JsonNode tokens = login.exchange(WebClient.query(outcome.callback().orElseThrow()).get("code"), login.verifier);
            String userId = login.validIdToken(tokens.get("id_token").asText()).getSubject();
            String vneidUser = admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + idNumber)
                    .get(0).get("id").asText();
            String vneidSession = admin.get("/admin/realms/vneid-sandbox/users/" + vneidUser + "/sessions")
                    .get(0).get("id").asText();
            String issuer = keycloak.realmUri("vneid-sandbox").toString();
            // VNeID's own key id: the forgery names the key dvc trusts, and is signed with another
            String kid = JWKSet.load(URI.create(issuer + "/protocol/openid-connect/certs").toURL()).getKeys().stream()
                    .filter(key -> key instanceof RSAKey).findFirst().orElseThrow().getKeyID();
            RSAKey forger = new RSAKeyGenerator(2048).keyID(kid).generate();
            Map<String, String> forgeries = new LinkedHashMap<>();
            forgeries.put("VNeID's issuer, another key", signed(forger, logoutClaims(issuer, vneidUser, vneidSession)));
            forgeries.put("VNeID's issuer, unsigned", new PlainJWT(logoutClaims(issuer, vneidUser, vneidSession)).serialize());
            forgeries.put("another issuer", signed(forger, logoutClaims("https://evil.example/realms/vneid", vneidUser,
                    vneidSession)));
            forgeries.put("an issuer of this server", signed(forger, logoutClaims(keycloak.realmUri("master").toString(),
                    vneidUser, vneidSession)));

            for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
                HttpResponse<String> answer = new WebClient().postForm(URI.create(login.issuer()
                        + "/protocol/openid-connect/logout/backchannel-logout"), Map.of("logout_token", forgery.getValue()));
                assertThat(answer.statusCode()).as(forgery.getKey() + ": " + answer.body()).isEqualTo(400);
                assertThat(sessions("dvc", userId)).as(forgery.getKey() + " ended no session").isEqualTo(1);
            }
            HttpResponse<String> refreshed = new WebClient().postForm(
                    URI.create(login.issuer() + "/protocol/openid-connect/token"), Map.of(
                            "grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asText(),
                            "client_id", "dvcqg-portal", "client_secret", "sandbox-secret"));
            assertThat(refreshed.statusCode()).as("the portal's refresh token still works: " + refreshed.body())
                    .isEqualTo(200);

            // VNeID's own logout token ends it (the checks above could fail)
            assertThat(admin.send("POST", "/admin/realms/vneid-sandbox/users/" + vneidUser + "/logout", null)
                    .statusCode()).isEqualTo(204);
            assertThat(sessions("dvc", userId)).isZero();
        }

        private JWTClaimsSet logoutClaims(String issuer, String subject, String sessionId) {
            return new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience("dvc-broker")
                    .subject(subject)
                    .claim("sid", sessionId)
                    .issueTime(new Date())
                    .jwtID(UUID.randomUUID().toString())
                    .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                    .build();
        }

        private String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("logout+jwt")).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
    }

    private String idToken(PortalLogin login, PortalLogin.Outcome outcome) {
        URI callback = outcome.callback().orElseThrow(() -> new AssertionError(outcome.page().body()));
        return login.exchange(WebClient.query(callback).get("code"), login.verifier).get("id_token").asText();
    }

    private int sessions(String realm, String userId) {
        return admin.get("/admin/realms/" + realm + "/users/" + userId + "/sessions").size();
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }
}
