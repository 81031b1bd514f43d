package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
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
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.PostidStandIn;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Vietnam Post's account (PostID) on the portal's login page: a plain OpenID Connect provider whose id number is its
 * own word. The card is offered; the first login links only the one portal account holding the number verified,
 * after that account's password; a state official ("CBCCVC") is refused with the card's own words, at the first login
 * and at every login after; no user is created from PostID, nothing is matched on e-mail; the tokens say level 0,
 * never VNeID's level 1, and a
 * service that must get a VNeID level gets an error. Synthetic people 88-99 are this test's own.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostidLoginIT {

    private static final String CONFIRM_FORM = "#vneid-link-confirm-form";
    private static final String NOT_FOR_STATE_STAFF = "Không dành cho CBCCVC cơ quan nhà nước";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private CitizenAccounts accounts;
    private final List<String> postidUsers = new java.util.ArrayList<>();

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.accounts = new CitizenAccounts(admin);
        PostidStandIn.pointDvcAt(keycloak, admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
        for (String id : postidUsers) {
            admin.send("DELETE", "/admin/realms/" + PostidStandIn.REALM + "/users/" + id, null);
        }
    }

    private static SyntheticPerson person(int index) {
        return LegacyFixtures.syntheticPerson(index);
    }

    /** A portal account holding the person's number verified; its username. */
    private String verifiedAccount(String prefix, SyntheticPerson person, Map<String, String> more) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>(Map.of("cccd", person.cccd(),
                "cccd_verified", "true", "cccd_verified_source", "population-registry"));
        attributes.putAll(more);
        return accounts.create(prefix, person, attributes);
    }

    /** A PostID account saying {@code idNumber}; its username there. */
    private String postid(SyntheticPerson person, String idNumber, String email) {
        String username = "postid-" + PortalLogin.random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        postidUsers.add(PostidStandIn.account(admin, username, person, idNumber, email));
        return username;
    }

    /** Presses the Vietnam Post card ({@code kc_idp_hint}) and logs in at the stand-in. */
    private PortalLogin.Outcome postidLogin(PortalLogin login, String username, Map<String, String> extra) {
        Map<String, String> params = new java.util.HashMap<>(extra);
        params.put("kc_idp_hint", PostidStandIn.ALIAS);
        HttpResponse<String> standIn = login.open(params);
        assertThat(standIn.uri().getPath()).as(standIn.body()).contains("/realms/" + PostidStandIn.REALM + "/");
        return login.follow(login.web.submit(standIn, "#kc-form-login",
                Map.of("username", username, "password", PostidStandIn.PASSWORD)));
    }

    private PortalLogin.Outcome postidLogin(PortalLogin login, String username) {
        return postidLogin(login, username, Map.of());
    }

    private PortalLogin.Outcome confirm(PortalLogin login, PortalLogin.Outcome form, String password) {
        return login.follow(login.web.submit(form.page(), CONFIRM_FORM, Map.of("action", "confirm", "password",
                password)));
    }

    private static Document page(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body());
    }

    private static boolean isPasswordPage(PortalLogin.Outcome outcome) {
        return outcome.callback().isEmpty() && !page(outcome).select(CONFIRM_FORM).isEmpty();
    }

    private void grantStateOfficial(String username) {
        JsonNode role = admin.get("/admin/realms/dvc/roles/state-official");
        HttpResponse<String> granted = admin.send("POST", "/admin/realms/dvc/users/" + accounts.id(username)
                + "/role-mappings/realm", List.of(Map.of("id", role.get("id").asText(), "name", "state-official")));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
    }

    @Test
    void thenTheChooserOffersTheVietnamPostCardWithItsNote() {
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        Document chooser = Jsoup.parse(login.loginPage().body());

        assertThat(chooser.text()).contains("Tài khoản cấp bởi Bưu điện Việt Nam", NOT_FOR_STATE_STAFF);
        assertThat(chooser.select("a[href*=/broker/vnpost/login]")).isNotEmpty();
    }

    @Nested
    class GivenACitizenWhosePortalAccountHoldsTheNumberVerified {

        private final SyntheticPerson person = person(90);

        @Test
        void thenThePortalPasswordIsAskedAndEveryLoginLandsInThatAccountAtLevelZero() {
            String account = verifiedAccount("postid-an", person, Map.of());
            String postid = postid(person, person.cccd(), null);

            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = postidLogin(first, postid);
            assertThat(isPasswordPage(form)).as(form.page().body()).isTrue();
            assertThat(page(form).text()).contains("Bưu điện Việt Nam");
            assertThat(page(form).select("#username").attr("value")).isEqualTo(account);
            assertThat(accounts.links(account)).isEmpty();

            JWTClaimsSet claims = first.finish(confirm(first, form, LegacyFixtures.PASSWORD));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(account));
            assertThat(claims.getClaim("acr")).isEqualTo("0");
            assertThat(accounts.links(account)).containsExactly(PostidStandIn.ALIAS);
            // a Vietnam Post link is not a VNeID link
            assertThat(CitizenAccounts.attribute(accounts.user(account), "vneid_linked_at")).isNull();

            // another browser, later: straight in, the same user, still level 0
            PortalLogin again = new PortalLogin(keycloak, "dvc-hatinh-web");
            PortalLogin.Outcome direct = postidLogin(again, postid);
            assertThat(direct.callback()).as(direct.page().body()).isPresent();
            JWTClaimsSet second = again.finish(direct);
            assertThat(second.getSubject()).isEqualTo(accounts.id(account));
            assertThat(second.getClaim("acr")).isEqualTo("0");
        }

        @Test
        void thenAServiceThatMustGetVneidLevelTwoGetsNoCodeFromAPostidLogin() {
            SyntheticPerson citizen = person(97);
            String account = verifiedAccount("postid-lltp", citizen, Map.of());
            String postid = postid(citizen, citizen.cccd(), null);
            PortalLogin portal = new PortalLogin(keycloak, "dvcqg-portal");
            portal.finish(confirm(portal, postidLogin(portal, postid), LegacyFixtures.PASSWORD));

            PortalLogin service = new PortalLogin(keycloak, "dvc-lylichtuphap-web");
            PortalLogin.Outcome refused = postidLogin(service, postid);
            assertThat(refused.callback().map(uri -> uri.getQuery()).orElse(""))
                    .as(refused.page().body()).doesNotContain("code=");
            assertThat(page(refused).text()).contains("yêu cầu đăng nhập bằng tài khoản định danh điện tử VNeID");
            String back = page(refused).select("a[href*=error=access_denied]").attr("href");
            assertThat(back).as(refused.page().body()).startsWith(service.redirectUri).doesNotContain("code=");
            assertThat(accounts.links(account)).containsExactly(PostidStandIn.ALIAS);
        }

        @Test
        void thenAWrongPasswordLinksNothingAndDecliningEndsTheLoginWithoutTouchingTheAccount() {
            SyntheticPerson other = person(91);
            String account = verifiedAccount("postid-decline", other, Map.of());
            String postid = postid(other, other.cccd(), null);

            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = postidLogin(login, postid);
            PortalLogin.Outcome wrong = confirm(login, form, "Wrong@123");
            assertThat(wrong.callback()).isEmpty();
            assertThat(wrong.page().statusCode()).isEqualTo(401);
            assertThat(page(wrong).text()).contains("Tên đăng nhập hoặc mật khẩu không đúng");

            PortalLogin.Outcome declined = login.follow(login.web.submit(wrong.page(), CONFIRM_FORM,
                    Map.of("action", "decline")));
            assertThat(declined.callback()).isEmpty();
            assertThat(declined.page().statusCode()).isEqualTo(403);
            assertThat(page(declined).text()).contains("không tạo tài khoản mới");

            JsonNode user = accounts.user(account);
            assertThat(accounts.links(account)).isEmpty();
            assertThat(CitizenAccounts.attribute(user, "cccd_verified")).isEqualTo("true");
            assertThat(CitizenAccounts.attribute(user, "cccd_disputed_at")).isNull();
            assertThat(admin.get("/admin/realms/dvc/users?q=cccd:" + other.cccd())).hasSize(1);
        }
    }

    @Nested
    class GivenAStateOfficial {

        private final SyntheticPerson person = person(92);

        @Test
        void thenTheFirstLoginIsRefusedWithTheCardsWordsBeforeAnyPasswordAndNothingIsLinked() {
            String account = verifiedAccount("postid-canbo", person, Map.of());
            grantStateOfficial(account);
            String postid = postid(person, person.cccd(), null);

            PortalLogin.Outcome refused = postidLogin(new PortalLogin(keycloak, "dvc-hatinh-web"), postid);
            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(403);
            assertThat(page(refused).text()).contains(NOT_FOR_STATE_STAFF);
            assertThat(page(refused).select(CONFIRM_FORM)).isEmpty();
            assertThat(accounts.links(account)).isEmpty();

            PortalLogin.Outcome english = postidLogin(new PortalLogin(keycloak, "dvc-hatinh-web"), postid,
                    Map.of("ui_locales", "en"));
            assertThat(page(english).text()).contains("Not for civil servants and public employees of state agencies");
            assertThat(accounts.links(account)).isEmpty();
        }

        @Test
        void thenAnAccountLinkedBeforeItBecameAnOfficialsIsRefusedAtItsNextLogin() {
            SyntheticPerson later = person(93);
            String account = verifiedAccount("postid-later", later, Map.of());
            String postid = postid(later, later.cccd(), null);
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            first.finish(confirm(first, postidLogin(first, postid), LegacyFixtures.PASSWORD));
            assertThat(accounts.links(account)).containsExactly(PostidStandIn.ALIAS);

            grantStateOfficial(account);
            PortalLogin.Outcome refused = postidLogin(new PortalLogin(keycloak, "dvcqg-portal"), postid);
            assertThat(refused.callback()).as(refused.page().body()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(403);
            assertThat(page(refused).text()).contains(NOT_FOR_STATE_STAFF);
        }
    }

    @Nested
    class GivenNoPortalAccountHoldsTheNumber {

        @Test
        void thenNoUserIsCreatedFromPostid() {
            SyntheticPerson nobody = person(94);
            String postid = postid(nobody, nobody.cccd(), null);

            PortalLogin.Outcome refused = postidLogin(new PortalLogin(keycloak, "dvcqg-portal"), postid);
            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(403);
            assertThat(page(refused).text()).contains("không tạo tài khoản mới");
            assertThat(admin.get("/admin/realms/dvc/users?q=cccd:" + nobody.cccd())).isEmpty();
            assertThat(admin.get("/admin/realms/dvc/users?search=" + nobody.cccd())).isEmpty();
        }

        @Test
        void thenAPortalAccountWithThePostidAccountsEmailIsNeverLinked() {
            SyntheticPerson holder = person(95);
            SyntheticPerson claimant = person(96);
            String email = "postid-" + PortalLogin.random(4).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x")
                    + "@example.vn";
            String account = verifiedAccount("postid-mail", holder, Map.of());
            com.fasterxml.jackson.databind.node.ObjectNode user =
                    (com.fasterxml.jackson.databind.node.ObjectNode) accounts.user(account);
            user.put("email", email);
            HttpResponse<String> mail = admin.send("PUT", "/admin/realms/dvc/users/" + accounts.id(account),
                    new com.fasterxml.jackson.databind.ObjectMapper().convertValue(user, Map.class));
            assertThat(mail.statusCode()).as(mail.body()).isEqualTo(204);
            String postid = postid(claimant, claimant.cccd(), email);

            PortalLogin.Outcome refused = postidLogin(new PortalLogin(keycloak, "dvcqg-portal"), postid);
            assertThat(refused.callback()).isEmpty();
            assertThat(page(refused).select(CONFIRM_FORM)).isEmpty();
            assertThat(accounts.links(account)).isEmpty();
        }
    }

    @Nested
    class GivenAnAccountHoldingTheNumberUnverified {

        @Test
        void thenItIsNotOfferedAndNothingIsMarked() {
            SyntheticPerson holder = person(98);
            String account = accounts.create("postid-unverified", holder, Map.of("cccd", holder.cccd()));
            String postid = postid(holder, holder.cccd(), null);

            PortalLogin.Outcome refused = postidLogin(new PortalLogin(keycloak, "dvcqg-portal"), postid);
            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).isEqualTo(403);
            assertThat(page(refused).select(CONFIRM_FORM)).isEmpty();
            assertThat(page(refused).text()).contains("không tạo tài khoản mới");
            JsonNode user = accounts.user(account);
            assertThat(CitizenAccounts.attribute(user, "cccd_verified")).isNull();
            assertThat(accounts.links(account)).isEmpty();
        }
    }

    @Nested
    class GivenACitizenLoggedInWithTheirPassword {

        /** Keycloak's account linking from a session ({@code kc_action=idp_link:vnpost}) never runs the first login. */
        @Test
        void thenLinkingPostidFromTheSessionIsRefusedAndLinksNothing() {
            SyntheticPerson citizen = person(99);
            String account = verifiedAccount("postid-session", citizen, Map.of());
            String postid = postid(citizen, citizen.cccd(), null);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            login.passwordLogin(account, LegacyFixtures.PASSWORD);

            HttpResponse<String> confirm = login.open(Map.of("kc_action", "idp_link:" + PostidStandIn.ALIAS));
            HttpResponse<String> standIn = confirm.uri().getPath().contains("/realms/" + PostidStandIn.REALM + "/")
                    ? confirm : login.follow(login.web.submit(confirm, "form:has([name=cancel-aia])",
                            Map.of("continue", ""))).page();
            assertThat(standIn.uri().getPath()).as(standIn.body()).contains("/realms/" + PostidStandIn.REALM + "/");
            PortalLogin.Outcome refused = login.follow(login.web.submit(standIn, "#kc-form-login",
                    Map.of("username", postid, "password", PostidStandIn.PASSWORD)));

            assertThat(refused.callback().map(uri -> uri.getQuery()).orElse("")).doesNotContain("code=");
            assertThat(page(refused).text()).as(refused.page().body())
                    .contains("không liên kết được với một tài khoản đang đăng nhập");
            assertThat(accounts.links(account)).isEmpty();
            // and the PostID account still finds no way in without the account's password
            PortalLogin.Outcome later = postidLogin(new PortalLogin(keycloak, "dvcqg-portal"), postid);
            assertThat(isPasswordPage(later)).as(later.page().body()).isTrue();
        }
    }

    @Nested
    class GivenAVneidFirstLoginPausedOnItsPasswordPage {

        /**
         * The paused login's {@code session_code} reused to log in through PostID as somebody whose PostID identity is
         * linked: Keycloak would log that user in and link the paused VNeID identity to them.
         */
        @Test
        void thenAPostidLoginWithItsSessionCodeIsRefusedAndLinksNothing() {
            SyntheticPerson victim = person(88);
            String victimAccount = accounts.create("postid-victim", victim, Map.of());
            String victimPostid = postid(victim, victim.cccd(), null);
            // the victim's own account, PostID linked: made verified for the link, then unverified again
            String victimId = accounts.id(victimAccount);
            setAttributes(victimId, Map.of("cccd", victim.cccd(), "cccd_verified", "true"));
            PortalLogin own = new PortalLogin(keycloak, "dvcqg-portal");
            own.finish(confirm(own, postidLogin(own, victimPostid), LegacyFixtures.PASSWORD));
            setAttributes(victimId, Map.of());
            assertThat(accounts.links(victimAccount)).containsExactly(PostidStandIn.ALIAS);

            // the attacker's VNeID first login pauses on the password page of an account holding their number
            SyntheticPerson attacker = person(89);
            accounts.create("postid-attacker", attacker, Map.of("cccd", attacker.cccd()));
            VneidStandIn.account(admin, attacker, 2);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome paused = login.vneidLogin(attacker.cccd(), VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of());
            assertThat(isPasswordPage(paused)).as(paused.page().body()).isTrue();
            String action = page(paused).select(CONFIRM_FORM).attr("action");
            java.net.URI brokerLogin = java.net.URI.create(keycloak.realmUri("dvc") + "/broker/"
                    + PostidStandIn.ALIAS + "/login?" + java.net.URI.create(action.replace("&amp;", "&")).getRawQuery());

            HttpResponse<String> standIn = login.web.followWithin(login.web.get(brokerLogin), keycloak.baseUri());
            PortalLogin.Outcome refused;
            if (standIn.uri().getPath().contains("/realms/" + PostidStandIn.REALM + "/")) {
                refused = login.follow(login.web.submit(standIn, "#kc-form-login",
                        Map.of("username", victimPostid, "password", PostidStandIn.PASSWORD)));
                assertThat(page(refused).text()).as(refused.page().body())
                        .contains("không dùng được khi một lần đăng nhập khác đang dở");
            } else {
                // Keycloak itself did not take the paused login's code at the broker endpoint: nothing to guard
                refused = new PortalLogin.Outcome(java.util.Optional.empty(), standIn);
            }
            System.out.println("PostidLoginIT: the paused login's session_code at /broker/vnpost/login "
                    + (standIn.uri().getPath().contains("/realms/" + PostidStandIn.REALM + "/")
                    ? "reached PostID" : "was answered by Keycloak with " + standIn.statusCode()));
            assertThat(refused.callback().map(uri -> uri.getQuery()).orElse("")).doesNotContain("code=");
            assertThat(accounts.links(victimAccount)).containsExactly(PostidStandIn.ALIAS);
            assertThat(CitizenAccounts.attribute(accounts.user(victimAccount), "cccd")).isNull();
        }
    }

    /** Replaces the account's identity attributes (the profile's own are kept). */
    private void setAttributes(String userId, Map<String, String> identity) {
        com.fasterxml.jackson.databind.node.ObjectNode user = (com.fasterxml.jackson.databind.node.ObjectNode)
                admin.get("/admin/realms/dvc/users/" + userId);
        com.fasterxml.jackson.databind.node.ObjectNode attributes =
                (com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes");
        attributes.remove(List.of("cccd", "cccd_verified", "cccd_verified_source"));
        identity.forEach((name, value) -> attributes.putArray(name).add(value));
        HttpResponse<String> saved = admin.send("PUT", "/admin/realms/dvc/users/" + userId,
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(user, Map.class));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    }
}
