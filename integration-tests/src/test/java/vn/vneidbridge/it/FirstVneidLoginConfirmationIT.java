package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.ForgedPosts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
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
    private CitizenAccounts accounts;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin, PopulationRegistryConnection registry) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.registry = registry;
        this.accounts = new CitizenAccounts(admin);
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

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
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
            assertThat(VneidUsers.createdFor(admin, idNumber)).as("no user from VNeID yet").isEmpty();

            JWTClaimsSet claims = login.finish(confirm(login, form, LegacyFixtures.PASSWORD));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.CONFIRM_CCCD));
            assertThat(claims.getClaim("cccd")).as("the number is now verified on the account").isEqualTo(idNumber);
            assertThat(claims.getClaim("vneid_linked_at")).isNotNull();
            JsonNode account = user(LegacyFixtures.CONFIRM_CCCD);
            assertThat(account.get("id").asText()).isEqualTo(claims.getSubject());
            assertThat(attribute(account, "cccd_verified")).isEqualTo("true");
            assertThat(attribute(account, "cccd_verified_source")).isEqualTo("population-registry");
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            assertThat(VneidUsers.createdFor(admin, idNumber)).as("no second user from VNeID").isEmpty();

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
            assertThat(VneidUsers.createdFor(admin, idNumber)).isEmpty();
            assertThat(users(LegacyFixtures.CONFIRM_WRONG).stream().map(u -> u.get("id").asText())
                    .flatMap(id -> links(id).stream())).isEmpty();
        }

        @Test
        void thenWrongPasswordsAlsoCountTowardsTheAccountsLockoutAtThePortalAccountForm() throws InterruptedException {
            SyntheticPerson holder = LegacyFixtures.syntheticPerson(196);
            String account = accounts.create("fl4", holder, Map.of("cccd", holder.cccd()));
            String accountId = accounts.id(account);
            VneidStandIn.account(admin, holder, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, holder.cccd());
            for (int attempt = 1; attempt <= 5 && page(form).select(FORM).size() == 1; attempt++) {
                if (attempt > 1) {
                    // slower than Keycloak's quick-login check (1 s), so only the number of failures counts
                    Thread.sleep(1_200);
                }
                form = confirm(login, form, "Wrong@" + attempt);
            }
            String path = "/admin/realms/dvc/attack-detection/brute-force/users/" + accountId;
            JsonNode status = admin.get(path);
            // Keycloak counts failures in the background, after the answer
            for (int i = 0; i < 75 && !status.path("disabled").asBoolean(); i++) {
                Thread.sleep(200);
                status = admin.get(path);
            }
            assertThat(status.path("numFailures").asInt()).as("each wrong password counted: " + status).isEqualTo(5);
            assertThat(status.path("disabled").asBoolean()).as("locked by Keycloak: " + status).isTrue();

            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome refused = portal.submitPassword(account, LegacyFixtures.PASSWORD);

            assertThat(refused.callback()).as("the right password at the portal-account form, while locked").isEmpty();
            List<String> errors = new java.util.ArrayList<>();
            admin.get("/admin/realms/dvc/events?type=LOGIN_ERROR&max=200&user=" + accountId)
                    .forEach(event -> errors.add(event.path("error").asText()));
            assertThat(errors).contains("user_temporarily_disabled");
            assertThat(links(accountId)).isEmpty();
        }

        @Test
        void thenNotMyAccountCreatesTheUserFromVneidAndLeavesThePortalAccountAlone() {
            String idNumber = LegacyFixtures.person(LegacyFixtures.CONFIRM_DECLINE).cccd();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, idNumber);

            JWTClaimsSet claims = login.finish(login.follow(login.web.submit(form.page(), FORM,
                    Map.of("action", "decline"))));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, idNumber));
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
            assertThat(VneidUsers.createdFor(admin, idNumber)).as("no user from VNeID").isEmpty();
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
            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, idNumber));
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
            assertThat(VneidUsers.createdFor(admin, idNumber)).isEmpty();

            registry.simulator().reset();
            PortalLogin later = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(later.finish(vneid(later, idNumber)).getClaim("preferred_username"))
                    .isEqualTo(VneidUsers.usernameOf(admin, idNumber));
        }
    }

    @Nested
    class GivenAPageOfTheFirstVneidLoginPostedFromElsewhere {

        private static final String SHOWN_FORM = "#vneid-shown-account-form";

        @Test
        void thenThePasswordConfirmationPostedFromAnotherBrowserOrWithoutSessionCodeOrTabIdLinksNothing() {
            SyntheticPerson holder = LegacyFixtures.syntheticPerson(185);
            String account = accounts.create("fl5a", holder, Map.of("cccd", holder.cccd()));
            VneidStandIn.account(admin, holder, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneid(login, holder.cccd());
            assertThat(page(form).select(FORM)).as(form.page().body()).hasSize(1);
            Map<String, String> confirm = Map.of("action", "confirm", "username", account,
                    "password", LegacyFixtures.PASSWORD);

            PortalLogin.Outcome latest = forgedPosts(login, form, FORM, confirm);

            assertThat(accounts.links(account)).as("nothing linked").isEmpty();
            assertThat(CitizenAccounts.attribute(accounts.user(account), "cccd_verified")).isNull();
            assertThat(users(holder.cccd())).as("no user from VNeID").isEmpty();
            // the holder's own answer, on the page her browser shows now, still links
            assertThat(page(latest).select(FORM)).as(latest.page().body()).hasSize(1);
            JWTClaimsSet claims = login.finish(confirm(login, latest, LegacyFixtures.PASSWORD));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(account));
            assertThat(accounts.links(account)).containsExactly("vneid");
        }

        @Test
        void thenTheShownAccountAnsweredFromAnotherBrowserOrWithoutSessionCodeOrTabIdLinksNothing() {
            SyntheticPerson holder = LegacyFixtures.syntheticPerson(186);
            String account = accounts.create("fl5b", holder, Map.of("cccd", holder.cccd(), "cccd_verified", "true"));
            VneidStandIn.account(admin, holder, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneid(login, holder.cccd());
            assertThat(PortalLogin.isShownAccount(shown)).as(shown.page().body()).isTrue();

            PortalLogin.Outcome latest = forgedPosts(login, shown, SHOWN_FORM, Map.of("action", "mine"));

            assertThat(accounts.links(account)).as("nothing linked").isEmpty();
            assertThat(users(holder.cccd())).as("no user from VNeID").isEmpty();
            JWTClaimsSet claims = login.finish(login.confirmShownAccount(latest));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(account));
            assertThat(accounts.links(account)).containsExactly("vneid");
        }

        /**
         * Posts the form of the page from another browser (every parameter, its own cookies), then from the holder's
         * browser without the step's code, the tab or both; none finishes the login. The page the holder's browser
         * shows after them.
         */
        private PortalLogin.Outcome forgedPosts(PortalLogin login, PortalLogin.Outcome page, String formSelector,
                                                Map<String, String> fields) {
            URI action = ForgedPosts.action(page.page(), formSelector);
            PortalLogin other = new PortalLogin(keycloak, "dvcqg-portal");
            other.loginPage();
            assertThat(other.follow(other.web.postForm(action, fields)).callback()).as("another browser").isEmpty();
            PortalLogin.Outcome latest = page;
            for (List<String> missing : ForgedPosts.MISSING_PARAMETERS) {
                PortalLogin.Outcome forged = login.follow(login.web.postForm(ForgedPosts.without(action, missing), fields));
                assertThat(forged.callback()).as(ForgedPosts.describe(missing)).isEmpty();
                if (forged.page().body().contains(formSelector.substring(1))) {
                    latest = forged;
                }
            }
            return latest;
        }
    }

    @Nested
    class GivenAnAccountWhoseUsernameIsTheHoldersIdNumber {

        @Test
        void thenAnotherPersonsSuchAccountIsNeitherOfferedNorLinkedAndTheHolderIsSentToSupport() {
            SyntheticPerson holder = LegacyFixtures.syntheticPerson(189);
            // named by the holder's number, but the population database knows its data as another person's
            String account = accounts.createNamed(holder.cccd(), LegacyFixtures.syntheticPerson(190), Map.of());
            String accountId = accounts.id(account);
            VneidStandIn.account(admin, holder, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = vneid(login, holder.cccd());

            assertThat(refused.callback()).as("the holder's login does not land in it").isEmpty();
            assertThat(refused.page().body()).as("no password of that account is asked, it is not shown")
                    .doesNotContain("vneid-link-confirm-form", "vneid-shown-account-form");
            assertThat(refused.page().statusCode()).isEqualTo(409);
            assertThat(page(refused).text()).contains("chưa thể tạo tài khoản", "liên hệ tổng đài 18001096");
            List<JsonNode> named = users(holder.cccd());
            assertThat(named).as("no second user, the account unchanged").hasSize(1);
            assertThat(named.get(0).get("id").asText()).isEqualTo(accountId);
            assertThat(attribute(named.get(0), "cccd")).isNull();
            assertThat(links(accountId)).isEmpty();
        }

        @Test
        void thenTheHoldersOwnSuchAccountIsOfferedOnlyAgainstItsPassword() {
            SyntheticPerson holder = LegacyFixtures.syntheticPerson(194);
            String account = accounts.createNamed(holder.cccd(), holder, Map.of());
            VneidStandIn.account(admin, holder, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome form = vneid(login, holder.cccd());

            assertThat(page(form).select(FORM)).as(form.page().body()).hasSize(1);
            assertThat(page(form).select("#username").attr("value")).isEqualTo(account);
            JWTClaimsSet claims = login.finish(confirm(login, form, LegacyFixtures.PASSWORD));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(account));
            assertThat(links(claims.getSubject())).containsExactly("vneid");
        }
    }
}
