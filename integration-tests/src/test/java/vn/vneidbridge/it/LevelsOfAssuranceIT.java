package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.PortalLogin.atThePortalsLoginPage;
import static vn.vneidbridge.it.support.PortalLogin.atVneid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Levels of assurance as a portal meets them with a standard OpenID Connect client (OIDC Core 3.1.2.1 {@code acr_values},
 * 5.5.1.1 an essential {@code acr} in {@code claims}; Keycloak's step-up): {@code acr} "0" for a portal-account password,
 * "1" and "2" for VNeID levels 1 and 2 ({@code LoA1}/{@code LoA2} accepted as names), the same in ID, access and
 * refreshed tokens and userinfo ({@code vneid_level}); a request for a level the session does not have goes to VNeID,
 * from a fresh login or an SSO session; an essential level or the client's minimum that cannot be met is an error back
 * to the portal; a voluntary one gets the honest level.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LevelsOfAssuranceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = VneidStandIn.PASSWORD;
    private static final String OTP = VneidStandIn.OTP;
    private static final String LEVEL_TWO_SERVICE = "dvc-lylichtuphap-web";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private CitizenAccounts accounts;
    private SyntheticPerson passwordCitizen;
    private String levelOne;
    private String levelTwo;

    @BeforeAll
    void citizens(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.accounts = new CitizenAccounts(admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
        java.util.List<SyntheticPerson> people = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42)
                .skip(100).limit(3).toList(); // 100-102: no other test uses them
        passwordCitizen = people.get(0);
        levelOne = VneidStandIn.account(admin, people.get(1), 1);
        levelTwo = VneidStandIn.account(admin, people.get(2), 2);
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
        // the users made from VNeID here, so that a run over the other protocol meets them as new again
        VneidUsers.deleteCreatedFor(admin, levelOne, levelTwo);
    }

    /** The protocol realm dvc's {@code vneid} provider speaks in this class's run: {@code oidc} here. */
    protected String protocol() {
        return vn.vneidbridge.it.support.VneidProtocol.OIDC;
    }

    /** The tokens a portal holds after a login: ID token, access token, and the same after a refresh, and userinfo. */
    private record Tokens(JWTClaimsSet id, JWTClaimsSet access, JWTClaimsSet refreshedId, JWTClaimsSet refreshedAccess,
                          JsonNode userinfo) {

        void allSay(String acr, String vneidLevel) {
            // what the portal got, for the record (failsafe's output of this class)
            System.out.printf("levels of assurance: %s got id_token acr=%s vneid_level=%s; access_token acr=%s; "
                    + "after refresh acr=%s; userinfo vneid_level=%s%n", id.getAudience(), id.getClaim("acr"),
                    id.getClaim("vneid_level"), access.getClaim("acr"), refreshedId.getClaim("acr"),
                    userinfo.path("vneid_level").asText("-"));
            for (JWTClaimsSet token : new JWTClaimsSet[] {id, access, refreshedId, refreshedAccess}) {
                assertThat(token.getClaim("acr")).as("acr of " + token.getClaims()).isEqualTo(acr);
                assertThat(token.getClaim("vneid_level")).as("vneid_level of " + token.getClaims()).isEqualTo(vneidLevel);
            }
            assertThat(userinfo.path("vneid_level").isMissingNode() ? null : userinfo.path("vneid_level").asText())
                    .as("userinfo " + userinfo).isEqualTo(vneidLevel);
        }
    }

    private Tokens tokens(PortalLogin login, PortalLogin.Outcome outcome) {
        URI callback = outcome.callback().orElseThrow(() -> new AssertionError("no redirect back to the portal; "
                + outcome.page().statusCode() + " " + outcome.page().uri() + "\n" + outcome.page().body()));
        Map<String, String> answer = WebClient.query(callback);
        assertThat(answer).as("answer to the portal").doesNotContainKey("error");
        JsonNode tokens = login.exchange(answer.get("code"), login.verifier);
        JsonNode refreshed = post(login, "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText()));
        // RFC 6750 2.2: the access token in the form body
        HttpResponse<String> userinfo = new WebClient().postForm(URI.create(login.issuer()
                + "/protocol/openid-connect/userinfo"), Map.of("access_token", tokens.path("access_token").asText()));
        try {
            return new Tokens(login.validIdToken(tokens.path("id_token").asText()), jwt(tokens, "access_token"),
                    jwt(refreshed, "id_token"), jwt(refreshed, "access_token"), JSON.readTree(userinfo.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JWTClaimsSet jwt(JsonNode tokens, String name) {
        try {
            return SignedJWT.parse(tokens.path(name).asText()).getJWTClaimsSet();
        } catch (Exception e) {
            throw new AssertionError(name + " of " + tokens, e);
        }
    }

    private JsonNode post(PortalLogin login, String path, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("client_id", login.clientId);
        body.put("client_secret", PortalLogin.secretOf(login.clientId));
        try {
            return JSON.readTree(new WebClient().postForm(URI.create(login.issuer() + path), body).body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The citizen leaves VNeID without logging in: VNeID sends the browser back with error=access_denied. */
    private PortalLogin.Outcome cancelAtVneid(PortalLogin login, HttpResponse<String> vneidPage) {
        Map<String, String> request = WebClient.query(vneidPage.uri());
        URI back = URI.create(request.get("redirect_uri") + "?" + WebClient.form(Map.of("state", request.get("state"),
                "error", "access_denied")));
        return login.follow(login.web.get(back));
    }

    /**
     * The page that tells a citizen whose VNeID account is below the service's level why (in Vietnamese, the realm's
     * default), then its link "back to the service", which carries the error to the portal.
     */
    private Map<String, String> toldThenErrorFor(PortalLogin login, PortalLogin.Outcome outcome, String message) {
        assertThat(outcome.callback()).as("the citizen is told first").isEmpty();
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(outcome.page().body(), outcome.page().uri().toString());
        assertThat(page.text()).contains(message);
        org.jsoup.nodes.Element back = page.select("a[href]").stream()
                .filter(a -> a.attr("href").startsWith(login.redirectUri)).findFirst().orElse(null);
        assertThat(back).as("a link back to the service:\n" + outcome.page().body()).isNotNull();
        // the link is the portal's redirect URI with the error: where the browser goes when the citizen taps it
        return errorFor(login, new PortalLogin.Outcome(java.util.Optional.of(URI.create(back.attr("href"))),
                outcome.page()));
    }

    private static final String LEVEL_TWO_NEEDED = "Tài khoản VNeID của bạn ở mức độ 1; dịch vụ này yêu cầu tài khoản "
            + "định danh điện tử mức độ 2";

    private static Map<String, String> errorFor(PortalLogin login, PortalLogin.Outcome outcome) {
        assertThat(outcome.callback()).as("back at the portal:\n" + outcome.page().body()).isPresent();
        Map<String, String> answer = WebClient.query(outcome.callback().get());
        assertThat(answer).containsEntry("error", "access_denied").containsEntry("state", login.state)
                .containsEntry("iss", login.issuer()).doesNotContainKey("code");
        assertThat(answer.get("error_description")).contains("level of assurance");
        System.out.printf("levels of assurance: %s got error=%s error_description=%s%n", login.clientId,
                answer.get("error"), answer.get("error_description"));
        return answer;
    }

    private static final String ESSENTIAL_2 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}";

    @Nested
    class GivenNoLevelAsked {

        @Test
        void thenAPortalAccountPasswordIsLevelZeroWithNoVneidLevel() {
            String username = accounts.create("loa-pw", passwordCitizen);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            tokens(login, login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                    login.submitPassword(username, PASSWORD)))).allSay("0", null);
        }

        @Test
        void thenAVneidLevelOneLoginIsLevelOne() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            tokens(login, login.vneidLogin(levelOne, PASSWORD, OTP, Map.of())).allSay("1", "1");
        }

        @Test
        void thenAVneidLevelTwoLoginIsLevelTwo() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            tokens(login, login.vneidLogin(levelTwo, PASSWORD, OTP, Map.of())).allSay("2", "2");
        }
    }

    @Nested
    class GivenAVoluntaryLevel {

        @Test
        void thenAFreshLoginGoesStraightToVneidAndALevelOneAccountGetsTheHonestLevel() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("acr_values", "2"));
            assertThat(atVneid(first)).as("the first page is VNeID's: " + first.uri()).isTrue();
            assertThat(WebClient.query(first.uri())).as("VNeID is asked for level 2").containsEntry("acr_values", "2");

            tokens(login, login.vneidSteps(first, levelOne, PASSWORD, OTP)).allSay("1", "1");
        }

        @Test
        void thenTheSeedsNameLoA2IsUnderstoodAndAnsweredWithTheSameName() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("acr_values", "LoA2"));
            assertThat(atVneid(first)).isTrue();

            tokens(login, login.vneidSteps(first, levelTwo, PASSWORD, OTP)).allSay("LoA2", "2");
        }

        @Test
        void thenACitizenWhoLeavesVneidGetsThePortalsLoginPageAndAPasswordIsLevelZero() {
            String username = accounts.create("loa-vol", passwordCitizen);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("acr_values", "1"));
            assertThat(atVneid(first)).isTrue();

            PortalLogin.Outcome back = cancelAtVneid(login, first);
            assertThat(back.callback()).isEmpty();
            assertThat(atThePortalsLoginPage(back.page())).as(back.page().uri() + "\n" + back.page().body()).isTrue();

            PortalLogin.Outcome loggedIn = login.follow(login.web.submit(back.page(), "#kc-form-login",
                    Map.of("username", username, "password", PASSWORD)));
            Tokens tokens = tokens(login, login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(loggedIn)));
            // OIDC Core: a voluntary acr request that is not met gets the level reached
            tokens.allSay("0", null);
        }
    }

    @Nested
    class GivenAnEssentialLevel {

        @Test
        void thenALevelTwoAccountGetsIt() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("claims", ESSENTIAL_2));
            assertThat(atVneid(first)).isTrue();

            tokens(login, login.vneidSteps(first, levelTwo, PASSWORD, OTP)).allSay("2", "2");
        }

        @Test
        void thenALevelOneAccountIsAnErrorForThePortalAndNoSession() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("claims", ESSENTIAL_2));

            toldThenErrorFor(login, login.vneidSteps(first, levelOne, PASSWORD, OTP), LEVEL_TWO_NEEDED);
            assertThat(atThePortalsLoginPage(new PortalLogin(keycloak, "dvcqg-portal", login.web).open(Map.of())))
                    .as("no session was opened at the portals").isTrue();
        }

        @Test
        void thenLeavingVneidIsAnErrorForThePortal() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("claims", ESSENTIAL_2));

            errorFor(login, cancelAtVneid(login, first));
        }

        @Test
        void thenANumberAboveEveryLevelIsNeverMetNotEvenByLevelTwo() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("claims",
                    "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"3\"]}}}"));

            toldThenErrorFor(login, login.vneidSteps(first, levelTwo, PASSWORD, OTP), "mức định danh điện tử cao hơn");
        }

        @Test
        void thenAnEssentialPasswordLevelIsMetByThePasswordForm() {
            String username = accounts.create("loa-ess0", passwordCitizen);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = login.open(Map.of("claims",
                    "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"0\"]}}}"));
            assertThat(atThePortalsLoginPage(first)).isTrue();

            tokens(login, login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(login.follow(login.web.submit(first,
                    "#kc-form-login", Map.of("username", username, "password", PASSWORD)))))).allSay("0", null);
        }
    }

    @Nested
    class GivenAnSsoSessionMadeAtALowerLevel {

        @Test
        void thenAPasswordSessionIsSentToVneidForLevelOneAndComesBackAtIt() {
            String username = accounts.create("loa-sso", passwordCitizen);
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            tokens(first, first.skipLinkNoticeIfShown(first.skipCccdFormIfShown(first.submitPassword(username, PASSWORD))))
                    .allSay("0", null);

            PortalLogin same = new PortalLogin(keycloak, "dvc-hatinh-web", first.web);
            HttpResponse<String> page = same.open(Map.of());
            assertThat(same.follow(page).callback()).as("single sign-on without a request").isPresent();

            PortalLogin stepUp = new PortalLogin(keycloak, "dvc-binhduong-web", first.web);
            HttpResponse<String> vneid = stepUp.open(Map.of("acr_values", "1"));
            assertThat(atVneid(vneid)).as("a password never meets a VNeID level: " + vneid.uri()).isTrue();
        }

        @Test
        void thenALevelOneSessionAskedForAnEssentialLevelTwoGoesBackToVneidAndALevelOneAccountIsRefused() {
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            tokens(first, first.vneidLogin(levelOne, PASSWORD, OTP, Map.of())).allSay("1", "1");

            PortalLogin again = new PortalLogin(keycloak, "dvc-hatinh-web", first.web);
            assertThat(tokens(again, again.follow(again.open(Map.of("acr_values", "1")))).id.getClaim("acr"))
                    .as("level 1 is met by the session").isEqualTo("1");

            PortalLogin higher = new PortalLogin(keycloak, "dvc-binhduong-web", first.web);
            HttpResponse<String> step = higher.open(Map.of("claims", ESSENTIAL_2));
            PortalLogin.Outcome outcome = higher.follow(step);
            if (outcome.callback().isEmpty()) {
                outcome = higher.vneidSteps(step, levelOne, PASSWORD, OTP);
            }
            toldThenErrorFor(higher, outcome, LEVEL_TWO_NEEDED);
        }

        /**
         * The step-up is not a way into someone else's session, nor a way to swap the session's citizen: the VNeID
         * login of another person, finished in a browser holding a password session, ends on Keycloak's
         * "different user" page and the portal gets no code.
         */
        @Test
        void thenAVneidLoginOfAnotherPersonDoesNotTakeOverOrSwapTheSession() {
            String username = accounts.create("loa-swap", passwordCitizen);
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            String passwordSubject = tokens(first, first.skipLinkNoticeIfShown(first.skipCccdFormIfShown(
                    first.submitPassword(username, PASSWORD)))).id.getSubject();

            PortalLogin stepUp = new PortalLogin(keycloak, "dvc-hatinh-web", first.web);
            PortalLogin.Outcome outcome = stepUp.vneidSteps(stepUp.open(Map.of("acr_values", "1")), levelTwo,
                    PASSWORD, OTP);

            assertThat(outcome.callback()).as("no code for the portal:\n" + outcome.page().body()).isEmpty();
            assertThat(outcome.page().statusCode()).isEqualTo(400);
            PortalLogin after = new PortalLogin(keycloak, "dvc-binhduong-web", first.web);
            assertThat(tokens(after, after.follow(after.open(Map.of()))).id.getSubject())
                    .as("the browser's session is still the password citizen's, at level 0").isEqualTo(passwordSubject);
        }

        @Test
        void thenALevelTwoSessionMeetsAnEssentialLevelTwoWithoutAnotherLogin() {
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            tokens(first, first.vneidLogin(levelTwo, PASSWORD, OTP, Map.of())).allSay("2", "2");

            PortalLogin again = new PortalLogin(keycloak, "dvc-hatinh-web", first.web);
            tokens(again, again.follow(again.open(Map.of("claims", ESSENTIAL_2)))).allSay("2", "2");
        }
    }

    @Nested
    class GivenAServiceWhoseMinimumIsLevelTwo {

        @Test
        void thenItsLoginGoesStraightToVneidAndALevelTwoAccountGetsIn() {
            PortalLogin login = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);
            HttpResponse<String> first = login.open(Map.of());
            assertThat(atVneid(first)).as("no portal-account form for this service").isTrue();

            tokens(login, login.vneidSteps(first, levelTwo, PASSWORD, OTP)).allSay("2", "2");
        }

        @Test
        void thenALevelOneAccountIsAnErrorForThePortal() {
            PortalLogin login = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);

            toldThenErrorFor(login, login.vneidSteps(login.open(Map.of()), levelOne, PASSWORD, OTP), LEVEL_TWO_NEEDED);
        }

        @Test
        void thenAVoluntaryLowerRequestDoesNotLowerIt() {
            PortalLogin login = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);

            toldThenErrorFor(login, login.vneidSteps(login.open(Map.of("acr_values", "0")), levelOne, PASSWORD, OTP),
                    LEVEL_TWO_NEEDED);
        }

        @Test
        void thenLeavingVneidIsAnErrorForThePortalNotThePasswordPage() {
            PortalLogin login = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);

            errorFor(login, cancelAtVneid(login, login.open(Map.of())));
        }

        @Test
        void thenAPasswordSessionIsNotEnough() {
            String username = accounts.create("loa-min", passwordCitizen);
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            first.passwordLogin(username, PASSWORD);

            HttpResponse<String> page = new PortalLogin(keycloak, LEVEL_TWO_SERVICE, first.web).open(Map.of());
            assertThat(atVneid(page)).as(page.uri().toString()).isTrue();
        }
    }
}
