package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.PortalLogin.atThePortalsLoginPage;
import static vn.vneidbridge.it.support.PortalLogin.atVneid;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
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
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Attacks on the levels of assurance (threat model LOA-*): a citizen, or a third party, trying to get a token whose
 * {@code acr} claims more than the citizen did, or a token at all when an essential level or the client's minimum
 * cannot be met, or to end or loop someone else's login. Each test drives a real browser-like HTTP client against a
 * real Keycloak and the stand-in VNeID.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LevelsOfAssuranceAttacksIT {

    private static final String PASSWORD = VneidStandIn.PASSWORD;
    private static final String OTP = VneidStandIn.OTP;
    private static final String LEVEL_TWO_SERVICE = "dvc-lylichtuphap-web";
    private static final String ESSENTIAL_2 = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\"]}}}";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private CitizenAccounts accounts;
    private SyntheticPerson passwordCitizen;
    private SyntheticPerson levelOnePerson;
    private String levelOne;
    private String levelTwo;
    private String levelOneWithALogin;

    @BeforeAll
    void citizens(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.accounts = new CitizenAccounts(admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
        List<SyntheticPerson> people = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42)
                .skip(104).limit(3).toList(); // 104-107: no other test uses them
        passwordCitizen = people.get(0);
        levelOnePerson = people.get(1);
        levelOne = VneidStandIn.account(admin, levelOnePerson, 1);
        levelTwo = VneidStandIn.account(admin, people.get(2), 2);
        levelOneWithALogin = VneidStandIn.account(admin, SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE,
                42).skip(107).findFirst().orElseThrow(), 1);
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
    }

    /** VNeID sends the browser back with {@code error} (and the state it was given, or {@code state}). */
    private PortalLogin.Outcome vneidAnswers(PortalLogin login, HttpResponse<String> vneidPage, String state,
                                             String error) {
        Map<String, String> request = WebClient.query(vneidPage.uri());
        URI back = URI.create(request.get("redirect_uri") + "?" + WebClient.form(Map.of(
                "state", state == null ? request.get("state") : state, "error", error)));
        return login.follow(login.web.get(back));
    }

    private static Map<String, String> errorFor(PortalLogin login, PortalLogin.Outcome outcome, String error) {
        assertThat(outcome.callback()).as("back at the portal:\n" + outcome.page().uri() + "\n" + outcome.page().body())
                .isPresent();
        Map<String, String> answer = WebClient.query(outcome.callback().get());
        assertThat(answer).as(answer.toString()).containsEntry("error", error).containsEntry("state", login.state)
                .doesNotContainKey("code");
        return answer;
    }

    private static void noCode(PortalLogin.Outcome outcome) {
        outcome.callback().ifPresent(uri -> assertThat(WebClient.query(uri)).as("answer to the portal " + uri)
                .doesNotContainKey("code"));
    }

    private JWTClaimsSet idToken(PortalLogin login, PortalLogin.Outcome outcome) {
        return login.finish(outcome);
    }

    private String passwordSession(WebClient web) {
        String username = accounts.create("loa-atk", passwordCitizen);
        PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal", web);
        JWTClaimsSet id = first.passwordLogin(username, PASSWORD);
        assertThat(id.getClaim("acr")).isEqualTo("0");
        return username;
    }

    /** The redirect Keycloak answers an authorization request with, not followed. */
    private URI firstRedirect(PortalLogin login, Map<String, String> extra) {
        Map<String, String> params = login.parameters();
        params.putAll(extra);
        HttpResponse<String> answer = login.web.get(login.authorizationUri(params));
        assertThat(WebClient.isRedirect(answer)).as(answer.statusCode() + " " + answer.body()).isTrue();
        return WebClient.location(answer);
    }

    @Nested
    class GivenPromptNone {

        @Test
        void thenAPasswordSessionGetsNoCodeFromTheLevelTwoService() {
            WebClient web = new WebClient();
            passwordSession(web);
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE, web);

            PortalLogin.Outcome outcome = service.follow(service.web.get(service.authorizationUri(
                    withParams(service, Map.of("prompt", "none")))));

            Map<String, String> answer = errorFor(service, outcome, "login_required");
            assertThat(answer.toString()).doesNotContain(passwordCitizen.cccd());
        }

        @Test
        void thenAnEssentialLevelWithAPasswordSessionGetsNoCode() {
            WebClient web = new WebClient();
            passwordSession(web);
            PortalLogin portal = new PortalLogin(keycloak, "dvc-hatinh-web", web);

            PortalLogin.Outcome outcome = portal.follow(portal.web.get(portal.authorizationUri(
                    withParams(portal, Map.of("prompt", "none", "claims", ESSENTIAL_2)))));

            errorFor(portal, outcome, "login_required");
        }
    }

    private static Map<String, String> withParams(PortalLogin login, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(login.parameters());
        params.putAll(extra);
        return params;
    }

    @Nested
    class GivenReauthenticationAsked {

        @Test
        void thenPromptLoginDoesNotLetALevelTwoSessionMeetTheServiceWithoutVneid() {
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(idToken(first, first.vneidLogin(levelTwo, PASSWORD, OTP, Map.of())).getClaim("acr"))
                    .isEqualTo("2");

            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE, first.web);
            HttpResponse<String> page = service.open(Map.of("prompt", "login"));
            assertThat(atVneid(page)).as("prompt=login goes to VNeID again: " + page.uri()).isTrue();
            assertThat(WebClient.query(page.uri())).containsEntry("prompt", "login");

            errorFor(service, vneidAnswers(service, page, null, "access_denied"), "access_denied");
        }

        @Test
        void thenMaxAgeZeroDoesNotLetALevelTwoSessionMeetAnEssentialLevelWithoutVneid() {
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            idToken(first, first.vneidLogin(levelTwo, PASSWORD, OTP, Map.of()));
            try {
                Thread.sleep(2_000); // max_age counts whole seconds: a login of this very second is fresh enough
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }

            PortalLogin portal = new PortalLogin(keycloak, "dvc-binhdinh-web", first.web);
            HttpResponse<String> page = portal.open(Map.of("max_age", "0", "claims", ESSENTIAL_2));
            assertThat(atVneid(page)).as(page.uri() + "\n" + page.body()).isTrue();

            errorFor(portal, vneidAnswers(portal, page, null, "access_denied"), "access_denied");
        }
    }

    @Nested
    class GivenKcIdpHint {

        @Test
        void thenLeavingVneidIsAnErrorForTheLevelTwoServiceNotThePasswordPage() {
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);
            HttpResponse<String> page = service.open(Map.of("kc_idp_hint", "vneid"));
            assertThat(atVneid(page)).isTrue();

            errorFor(service, vneidAnswers(service, page, null, "access_denied"), "access_denied");
        }

        @Test
        void thenAVneidFailureForAnEssentialLevelIsAnErrorForThePortalNotALoop() {
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> page = portal.open(Map.of("kc_idp_hint", "vneid", "claims", ESSENTIAL_2));
            assertThat(atVneid(page)).isTrue();

            errorFor(portal, vneidAnswers(portal, page, null, "server_error"), "access_denied");
        }

        @Test
        void thenAVneidFailureForTheLevelTwoServiceIsAnErrorForThePortalNotALoop() {
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);
            HttpResponse<String> page = service.open(Map.of());
            assertThat(atVneid(page)).isTrue();

            // Keycloak passes VNeID's login_required on to the portal (checkPassiveLoginError): an error, no code
            errorFor(service, vneidAnswers(service, page, null, "login_required"), "login_required");
        }

        @Test
        void thenAVneidFailureForAVoluntaryLevelShowsTheLoginPage() {
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> page = portal.open(Map.of("kc_idp_hint", "vneid", "acr_values", "2"));
            assertThat(atVneid(page)).isTrue();

            PortalLogin.Outcome back = vneidAnswers(portal, page, null, "server_error");
            assertThat(back.callback()).isEmpty();
            assertThat(atThePortalsLoginPage(back.page())).as(back.page().uri() + "\n" + back.page().body()).isTrue();
        }
    }

    @Nested
    class GivenTheCitizenComesBackWithoutVneid {

        /** The browser opens the login step of its own authentication session again instead of finishing VNeID. */
        private PortalLogin.Outcome reopenLoginStep(PortalLogin login, URI brokerLogin) {
            Map<String, String> q = WebClient.query(brokerLogin);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client_id", q.get("client_id"));
            params.put("tab_id", q.get("tab_id"));
            if (q.get("client_data") != null) {
                params.put("client_data", q.get("client_data"));
            }
            return login.follow(login.web.get(URI.create(login.issuer() + "/login-actions/authenticate?"
                    + WebClient.form(params))));
        }

        @Test
        void thenTheLevelTwoServiceAnswersWithAnErrorNotThePasswordPage() {
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);
            URI brokerLogin = firstRedirect(service, Map.of());
            assertThat(brokerLogin.getPath()).contains("/broker/vneid/login");
            HttpResponse<String> vneid = service.web.followWithin(service.web.get(brokerLogin), keycloak.baseUri());
            assertThat(atVneid(vneid)).isTrue();

            PortalLogin.Outcome back = reopenLoginStep(service, brokerLogin);

            assertThat(atThePortalsLoginPage(back.page())).as("no password page for this service").isFalse();
            noCode(back);
        }

        @Test
        void thenAPasswordLoginInAnotherTabDoesNotMeetTheServicesLevel() {
            WebClient web = new WebClient();
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE, web);
            URI brokerLogin = firstRedirect(service, Map.of());
            HttpResponse<String> vneid = web.followWithin(web.get(brokerLogin), keycloak.baseUri());
            assertThat(atVneid(vneid)).isTrue();

            passwordSession(web);

            PortalLogin.Outcome back = reopenLoginStep(service, brokerLogin);
            assertThat(atThePortalsLoginPage(back.page())).isFalse();
            noCode(back);
            PortalLogin.Outcome cancelled = vneidAnswers(service, vneid, null, "access_denied");
            noCode(cancelled);
            HttpResponse<String> again = new PortalLogin(keycloak, LEVEL_TWO_SERVICE, web).open(Map.of());
            assertThat(atVneid(again)).as("the password session does not meet level 2: " + again.uri()).isTrue();
        }

        @Test
        void thenAnEssentialRequestInAnotherTabIsNotMetByAPasswordLoginFinishedInThisOne() {
            WebClient web = new WebClient();
            PortalLogin essential = new PortalLogin(keycloak, "dvc-binhduong-web", web);
            HttpResponse<String> vneid = essential.open(Map.of("claims", ESSENTIAL_2));
            assertThat(atVneid(vneid)).isTrue();

            // a second tab: the portal's login page, a password login
            String username = accounts.create("loa-tab", passwordCitizen);
            PortalLogin other = new PortalLogin(keycloak, "dvcqg-portal", web);
            assertThat(other.passwordLogin(username, PASSWORD).getClaim("acr")).isEqualTo("0");

            // back in the first tab: the citizen gives up at VNeID
            errorFor(essential, vneidAnswers(essential, vneid, null, "access_denied"), "access_denied");
        }
    }

    @Nested
    class GivenAVoluntaryLevelFromAnSsoSession {

        @Test
        void thenLeavingVneidKeepsTheSessionsHonestLevel() {
            WebClient web = new WebClient();
            passwordSession(web);
            PortalLogin portal = new PortalLogin(keycloak, "dvc-binhdinh-web", web);
            HttpResponse<String> vneid = portal.open(Map.of("acr_values", "2"));
            assertThat(atVneid(vneid)).isTrue();

            PortalLogin.Outcome back = vneidAnswers(portal, vneid, null, "access_denied");
            JWTClaimsSet id = back.callback().isPresent() ? idToken(portal, back) : null;
            assertThat(id).as("after leaving VNeID: " + back.page().uri() + "\n" + back.page().body()).isNotNull();
            assertThat(id.getClaim("acr")).isEqualTo("0");
        }

        @Test
        void thenLeavingVneidFromALevelOneSessionKeepsLevelOne() {
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(idToken(first, first.vneidLogin(levelOneWithALogin, PASSWORD, OTP, Map.of())).getClaim("acr"))
                    .isEqualTo("1");
            PortalLogin portal = new PortalLogin(keycloak, "dvc-binhdinh-web", first.web);
            HttpResponse<String> vneid = portal.open(Map.of("acr_values", "2"));
            assertThat(atVneid(vneid)).isTrue();

            PortalLogin.Outcome back = vneidAnswers(portal, vneid, null, "access_denied");
            JWTClaimsSet id = back.callback().isPresent() ? idToken(portal, back) : null;
            assertThat(id).as("after leaving VNeID: " + back.page().uri() + "\n" + back.page().body()).isNotNull();
            assertThat(id.getClaim("acr")).isEqualTo("1");
            assertThat(id.getClaim("vneid_level")).isEqualTo("1");
        }
    }

    @Nested
    class GivenAForgedAnswerFromVneid {

        @Test
        void thenAnAnswerWithAnUnknownStateDoesNotEndTheCitizensLogin() {
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> vneid = portal.open(Map.of("claims", ESSENTIAL_2));
            assertThat(atVneid(vneid)).isTrue();

            PortalLogin.Outcome forged = vneidAnswers(portal, vneid, PortalLogin.random(12), "access_denied");
            noCode(forged);
            assertThat(forged.callback()).as("no answer to the portal from a forged state: " + forged.page().body())
                    .isEmpty();

            JWTClaimsSet id = idToken(portal, portal.vneidSteps(vneid, levelTwo, PASSWORD, OTP));
            assertThat(id.getClaim("acr")).isEqualTo("2");
        }

        /**
         * Who knows the login's tab (not the one-time code) can spoil it: Keycloak burns the code on a wrong one and
         * shows "page expired". Neither that page nor its links lead to a token below the service's level.
         */
        @Test
        void thenAnAnswerWithTheTabButNotTheCodeGivesNoPasswordPageAndNoLowerToken() {
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);
            HttpResponse<String> vneid = service.open(Map.of());
            String state = WebClient.query(vneid.uri()).get("state");
            String[] parts = state.split("\\.", 2);
            String forgedState = PortalLogin.random(12) + "." + parts[1];

            PortalLogin.Outcome forged = vneidAnswers(service, vneid, forgedState, "access_denied");
            noCode(forged);
            assertThat(forged.callback()).as("no answer to the portal from a forged code").isEmpty();

            PortalLogin.Outcome real = service.vneidSteps(vneid, levelTwo, PASSWORD, OTP);
            noCode(real);
            assertThat(atThePortalsLoginPage(real.page())).as(real.page().body()).isFalse();
            org.jsoup.nodes.Document page = Jsoup.parse(real.page().body(), real.page().uri().toString());
            org.jsoup.nodes.Element goOn = page.selectFirst("a#loginContinueLink");
            assertThat(goOn).as("Keycloak's page-expired page:\n" + real.page().body()).isNotNull();
            PortalLogin.Outcome continued = service.follow(service.web.get(URI.create(goOn.absUrl("href"))));
            assertThat(atThePortalsLoginPage(continued.page())).as("continue: " + continued.page().uri()).isFalse();
            errorFor(service, continued, "access_denied");
        }
    }

    @Nested
    class GivenAnEssentialListWithThePasswordLevel {

        @Test
        void thenThePortalIsToldThePasswordLevelItAccepted() {
            String username = accounts.create("loa-list", passwordCitizen);
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = portal.open(Map.of("claims",
                    "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"2\",\"0\"]}}}"));
            assertThat(atThePortalsLoginPage(first)).as(first.uri().toString()).isTrue();

            JWTClaimsSet id = idToken(portal, portal.skipLinkNoticeIfShown(portal.skipCccdFormIfShown(portal.follow(
                    portal.web.submit(first, "#kc-form-login", Map.of("username", username, "password", PASSWORD))))));
            assertThat(id.getClaim("acr")).isEqualTo("0");
            assertThat(id.getClaim("vneid_level")).isNull();
        }

        @Test
        void thenALevelTwoListedFirstWithAnUnknownNumberIsStillMetByLevelTwoOnly() {
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> first = portal.open(Map.of("claims",
                    "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"7\",\"LoA2\"]}}}"));
            assertThat(atVneid(first)).isTrue();

            PortalLogin.Outcome refused = portal.vneidSteps(first, levelOne, PASSWORD, OTP);
            noCode(refused);
            assertThat(refused.callback()).isEmpty();
        }
    }

    @Nested
    class GivenARefusal {

        @Test
        void thenTheCitizenAndTheEventsSeeNoPersonalData() {
            PortalLogin service = new PortalLogin(keycloak, LEVEL_TWO_SERVICE);
            PortalLogin.Outcome refused = service.vneidSteps(service.open(Map.of()), levelOne, PASSWORD, OTP);
            noCode(refused);
            String text = Jsoup.parse(refused.page().body()).text();
            assertThat(refused.page().body()).doesNotContain(levelOne);
            assertThat(text).as("the refusal page names nobody").doesNotContain(levelOnePerson.fullName());
            String back = Jsoup.parse(refused.page().body(), refused.page().uri().toString()).select("a[href]").stream()
                    .map(a -> a.attr("href")).filter(h -> h.startsWith(service.redirectUri)).findFirst().orElseThrow();
            assertThat(back).doesNotContain(levelOne);

            JsonNode events = admin.get("/admin/realms/dvc/events?client=" + LEVEL_TWO_SERVICE + "&max=200");
            List<JsonNode> refusals = new java.util.ArrayList<>();
            events.forEach(e -> {
                if ("vneid_level_not_met".equals(e.path("error").asText())) {
                    refusals.add(e);
                }
                assertThat(e.toString()).as("event of the service").doesNotContain(levelOne)
                        .doesNotContain(levelOnePerson.phone());
            });
            assertThat(refusals).as("the refusal is recorded: " + events).isNotEmpty();
        }
    }
}
