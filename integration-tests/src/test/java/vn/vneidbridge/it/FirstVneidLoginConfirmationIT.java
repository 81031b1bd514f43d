package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
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
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

/**
 * A first VNeID login whose id number a portal account holds without verification — or whose old CMND (as the
 * population database gives it) a portal account holds instead of a CCCD: nothing is linked silently. The
 * citizen gives the portal account's password, the number is verified against the population database for that
 * account, and only then is it linked; "not my account" creates the user from VNeID instead.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstVneidLoginConfirmationIT {

    private static final String FORM = "#vneid-link-confirm-form";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private PopulationRegistryConnection registry;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin, PopulationRegistryConnection registry) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.registry = registry;
        VneidStandIn.pointDvcAt(keycloak, admin);
        for (String username : List.of(LegacyFixtures.CONFIRM_CCCD, LegacyFixtures.CONFIRM_WRONG,
                LegacyFixtures.CONFIRM_DECLINE, LegacyFixtures.CONFIRM_DOWN, LegacyFixtures.CONFIRM_PARALLEL)) {
            VneidStandIn.account(admin, LegacyFixtures.person(username), 2);
        }
        VneidStandIn.account(admin, LegacyFixtures.stranger(), 2);
        VneidStandIn.account(admin, LegacyFixtures.cmndHolder(), 2);
    }

    @AfterEach
    void normalRegistry() {
        registry.simulator().reset();
    }

    private PortalLogin.Outcome vneid(PortalLogin login, String idNumber) {
        return login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
    }

    private static Document page(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body());
    }

    private PortalLogin.Outcome confirm(PortalLogin login, PortalLogin.Outcome form, String password) {
        return login.follow(login.web.submit(form.page(), FORM, Map.of("action", "confirm", "password", password)));
    }

    private List<JsonNode> users(String username) {
        List<JsonNode> found = new java.util.ArrayList<>();
        admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username)
                .forEach(found::add);
        return found;
    }

    private JsonNode user(String username) {
        List<JsonNode> found = users(username);
        assertThat(found).as(username).hasSize(1);
        return found.get(0);
    }

    private List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    @Nested
    class GivenTenPasswordsPostedAtOnceOnTheConfirmationPage {

        @Test
        void thenNoMoreThanTheLimitAreTried() throws Exception {
            String idNumber = LegacyFixtures.person(LegacyFixtures.CONFIRM_PARALLEL).cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, idNumber);
            assertThat(page(form).select(FORM)).as(form.page().body()).hasSize(1);

            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<PortalLogin.Outcome>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String password = "Wrong@" + i;
                posts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return confirm(login, form, password);
                }, java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            start.countDown();
            int wrong = 0;
            for (var post : posts) {
                PortalLogin.Outcome answer = post.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.callback()).isEmpty();
                if (page(answer).text().contains("Tên đăng nhập hoặc mật khẩu không đúng")) {
                    wrong++;
                }
            }

            // each password checked and found wrong shows the form again, but the one that uses the last attempt
            assertThat(wrong).as("passwords checked before the attempts of this login ran out").isLessThanOrEqualTo(4);
            assertThat(wrong).as("at least one was checked").isPositive();
            assertThat(users(LegacyFixtures.CONFIRM_PARALLEL)).as("not imported, not linked").isEmpty();
        }
    }

    @Nested
    class GivenAPortalAccountHoldingTheNumberUnverified {

        @Test
        void thenThePasswordAndARegistryMatchLinkThatVeryAccount() {
            String idNumber = LegacyFixtures.person(LegacyFixtures.CONFIRM_CCCD).cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome form = vneid(login, idNumber);

            assertThat(form.callback()).as("nothing is linked or created before the password").isEmpty();
            Document confirmation = page(form);
            assertThat(confirmation.select(FORM)).as(form.page().body()).hasSize(1);
            assertThat(confirmation.select("#username").attr("value")).isEqualTo(LegacyFixtures.CONFIRM_CCCD);
            assertThat(confirmation.text()).contains("Xác nhận tài khoản cổng dịch vụ công",
                    "Cơ sở dữ liệu quốc gia về dân cư");
            assertThat(users(idNumber)).as("no user from VNeID yet").isEmpty();

            JWTClaimsSet claims = login.finish(confirm(login, form, LegacyFixtures.PASSWORD));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.CONFIRM_CCCD));
            assertThat(claims.getClaim("cccd")).as("the number is now verified on the account").isEqualTo(idNumber);
            assertThat(claims.getClaim("vneid_linked_at")).isNotNull();
            JsonNode account = user(LegacyFixtures.CONFIRM_CCCD);
            assertThat(account.get("id").asText()).isEqualTo(claims.getSubject());
            assertThat(attribute(account, "cccd_verified")).isEqualTo("true");
            assertThat(attribute(account, "cccd_verified_source")).isEqualTo("population-registry");
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            assertThat(users(idNumber)).as("no second user from VNeID").isEmpty();

            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome next = vneid(again, idNumber);
            assertThat(again.finish(next).getSubject()).as("the next VNeID login asks nothing and lands on the same user")
                    .isEqualTo(claims.getSubject());
        }

        @Test
        void thenWrongPasswordsLinkNothingAndEndTheAttempt() {
            String idNumber = LegacyFixtures.person(LegacyFixtures.CONFIRM_WRONG).cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, idNumber);

            for (int attempt = 1; attempt < 5; attempt++) {
                form = confirm(login, form, "Wrong@" + attempt);
                assertThat(form.callback()).isEmpty();
                assertThat(page(form).select(FORM)).as("attempt " + attempt).hasSize(1);
                assertThat(page(form).text()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
            }
            PortalLogin.Outcome last = confirm(login, form, "Wrong@5");

            assertThat(last.callback()).isEmpty();
            assertThat(page(last).select(FORM)).isEmpty();
            assertThat(page(last).text()).contains("sai mật khẩu quá nhiều lần");
            PortalLogin.Outcome replayed = confirm(login, form, LegacyFixtures.PASSWORD);
            assertThat(replayed.callback()).as("the old form, even with the right password, does nothing").isEmpty();
            assertThat(page(replayed).select(FORM)).as("and the page is not offered again").isEmpty();
            assertThat(page(replayed).text()).contains("sai mật khẩu quá nhiều lần");
            PortalLogin.Outcome reloaded = login.follow(login.web.get(replayed.page().uri()));
            assertThat(page(reloaded).select(FORM)).as("nor on a reload").isEmpty();
            assertThat(users(idNumber)).isEmpty();
            assertThat(users(LegacyFixtures.CONFIRM_WRONG).stream().map(u -> u.get("id").asText())
                    .flatMap(id -> links(id).stream())).isEmpty();
        }

        @Test
        void thenNotMyAccountCreatesTheUserFromVneidAndLeavesThePortalAccountAlone() {
            String idNumber = LegacyFixtures.person(LegacyFixtures.CONFIRM_DECLINE).cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, idNumber);

            JWTClaimsSet claims = login.finish(login.follow(login.web.submit(form.page(), FORM,
                    Map.of("action", "decline"))));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(idNumber);
            assertThat(claims.getClaim("legacy_account_id")).isNull();
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet legacy = portal.finish(portal.skipLinkNoticeIfShown(portal.skipCccdFormIfShown(
                    portal.submitPassword(LegacyFixtures.CONFIRM_DECLINE, LegacyFixtures.PASSWORD))));
            assertThat(legacy.getSubject()).as("the portal account is another user").isNotEqualTo(claims.getSubject());
            assertThat(links(legacy.getSubject())).isEmpty();
        }

        @Test
        void thenARegistryThatDoesNotAnswerChangesNothingAndALaterLoginLinks() {
            String idNumber = LegacyFixtures.person(LegacyFixtures.CONFIRM_DOWN).cccd();
            registry.simulator().setMode(new SimulatorMode(0, 503, false));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = vneid(login, idNumber);

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(503);
            assertThat(page(refused).text()).contains("tạm thời không truy cập được");
            assertThat(users(idNumber)).as("no user from VNeID").isEmpty();
            for (JsonNode account : users(LegacyFixtures.CONFIRM_DOWN)) {
                assertThat(links(account.get("id").asText())).isEmpty();
            }

            registry.simulator().reset();
            PortalLogin later = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(later, idNumber);
            JWTClaimsSet claims = later.finish(confirm(later, form, LegacyFixtures.PASSWORD));
            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.CONFIRM_DOWN));
            assertThat(links(claims.getSubject())).containsExactly("vneid");
        }
    }

    @Nested
    class GivenSomeoneElsesAccountHoldingTheNumber {

        @Test
        void thenItIsNeverOfferedAndTheVneidHolderGetsAUserOfTheirOwn() {
            String idNumber = LegacyFixtures.stranger().cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome outcome = vneid(login, idNumber);

            assertThat(outcome.page().body()).as("no password of that account is asked").doesNotContain("vneid-link-confirm-form");
            JWTClaimsSet claims = login.finish(outcome);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(idNumber);
            assertThat(claims.getClaim("legacy_account_id")).isNull();
            for (JsonNode account : users(LegacyFixtures.CONFIRM_MISMATCH)) {
                assertThat(attribute(account, "cccd_verified")).as("the typed number stays unverified").isNotEqualTo("true");
                assertThat(links(account.get("id").asText())).isEmpty();
                assertThat(account.get("id").asText()).isNotEqualTo(claims.getSubject());
            }
        }
    }

    @Nested
    class GivenAPortalAccountKnowingItsHolderOnlyByTheOldCmnd {

        @Test
        void thenTheRegistryGivesTheCmndAndThePasswordLinksTheAccount() {
            SyntheticPerson holder = LegacyFixtures.cmndHolder();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, holder.cccd());
            assertThat(page(form).select("#username").attr("value")).as(form.page().body())
                    .isEqualTo(LegacyFixtures.CONFIRM_CMND);

            // fields of a profile review smuggled into the form change nothing: there is no review step to take them
            String someoneElses = LegacyFixtures.stranger().cccd();
            JWTClaimsSet claims = login.finish(login.follow(login.web.submit(form.page(), FORM, Map.of(
                    "action", "confirm", "password", LegacyFixtures.PASSWORD, "cccd", someoneElses,
                    "user.attributes.cccd", someoneElses, "cccd_verified", "true", "lastName", "Khác"))));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.CONFIRM_CMND));
            assertThat(claims.getClaim("cccd")).isEqualTo(holder.cccd());
            JsonNode account = user(LegacyFixtures.CONFIRM_CMND);
            assertThat(attribute(account, "cmnd")).isEqualTo(holder.cmnd());
            assertThat(attribute(account, "cccd")).isEqualTo(holder.cccd());
            assertThat(account.path("lastName").asText()).isNotEqualTo("Khác");
            assertThat(attribute(account, "cccd_verified")).isEqualTo("true");
            assertThat(links(claims.getSubject())).containsExactly("vneid");
        }
    }

    @Nested
    class GivenANewCitizen {

        @Test
        void thenARegistryThatDoesNotAnswerCreatesNothingAndALaterLoginCreatesTheUser() {
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(140)
                    .findFirst().orElseThrow();
            String idNumber = VneidStandIn.account(admin, person, 1);
            registry.simulator().setMode(new SimulatorMode(0, 500, false));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = vneid(login, idNumber);

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(503);
            assertThat(page(refused).text()).contains("Cơ sở dữ liệu quốc gia về dân cư tạm thời không truy cập được");
            assertThat(users(idNumber)).isEmpty();

            registry.simulator().reset();
            PortalLogin later = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(later.finish(vneid(later, idNumber)).getClaim("preferred_username")).isEqualTo(idNumber);
        }
    }
}
