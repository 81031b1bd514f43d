package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

/**
 * The CCCD check after a portal-account login, against the population database simulator over real HTTP:
 * the journeys of Tô Thị Nga and Phạm Minh Đức, and what the citizen sees when the registry is slow, failing
 * or answers only a match flag, and when the attempts run out.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CccdCheckIT {

    private static final String NGA_CCCD = "052189000123";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private PopulationRegistryConnection registry;
    private CitizenAccounts accounts;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, PopulationRegistryConnection registry) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.registry = registry;
        this.accounts = new CitizenAccounts(admin);
        // every test here comes from 127.0.0.1: only the per-account limit is under test
        JsonNode executions = admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions");
        for (JsonNode execution : executions) {
            if ("vneid-cccd-check".equals(execution.path("providerId").asText())) {
                String configId = execution.path("authenticationConfig").asText();
                JsonNode config = admin.get("/admin/realms/dvc/authentication/config/" + configId);
                Map<String, Object> values = new java.util.HashMap<>();
                config.path("config").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
                values.put("maxAttemptsPerAddress", "1000");
                HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/authentication/config/" + configId,
                        Map.of("id", configId, "alias", config.path("alias").asText(), "config", values));
                assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
            }
        }
    }

    @AfterEach
    void normalRegistry() {
        registry.simulator().reset();
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
    }

    @Nested
    class GivenTheSeedsJourneyOfToThiNga {

        @Test
        void thenSheSeesHerCmndEntersHerCccdAndItIsVerifiedAndShownOnTheIdentityPage() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);

            Document page = Jsoup.parse(form.page().body());
            assertThat(page.selectFirst("#vneid-cccd-form")).as("the CCCD form").isNotNull();
            assertThat(page.text()).contains("Cập nhật thông tin từ CSDL dân cư", "Bỏ qua", "Cập nhật");
            assertThat(page.selectFirst("#vneid-cmnd").val()).isEqualTo("164438056");
            assertThat(page.selectFirst("#vneid-cmnd").hasAttr("readonly")).isTrue();

            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(login.submitCccd(form, NGA_CCCD)));

            assertThat(claims.getClaim("cccd")).isEqualTo(NGA_CCCD);
            JsonNode nga = user(LegacyPersonas.TOTHINGA);
            assertThat(attribute(nga, "cccd_verified")).isEqualTo("true");
            assertThat(attribute(nga, "cccd_verified_source")).isEqualTo("population-registry");
            assertThat(attribute(nga, "cccd_verified_at")).isNotBlank();

            PortalLogin identity = new PortalLogin(keycloak, "dvcqg-portal", login.web);
            Map<String, String> params = identity.parameters();
            params.put("kc_action", "vneid-identity-info");
            HttpResponse<String> identityPage = identity.web.followWithin(
                    identity.web.get(identity.authorizationUri(params)), keycloak.baseUri());
            Document table = Jsoup.parse(identityPage.body());
            assertThat(table.selectFirst("#vneid-identity")).as("the identity page; got " + identityPage.statusCode()
                    + " " + identityPage.headers().firstValue("Location").orElse("") + "\n" + identityPage.body()).isNotNull();
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityCccd] .vneid-value").text())
                    .isEqualTo(NGA_CCCD);
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityCccd] .vneid-verified").text())
                    .isEqualTo("✓");
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityBirthdate] .vneid-value").text())
                    .isEqualTo("15/03/1989");

            assertThat(table.select("#vneid-identity tr")).as("the ten rows of seed 002").hasSize(10);
            assertThat(table.select("#vneid-identity tr[data-field=vneidIdentityHomeTown] .vneid-verified").text())
                    .isEqualTo("✗");

            // "Cập nhật từ CSDL Quốc gia về Dân cư" takes the registry's places and says what changed
            HttpResponse<String> refreshed = identity.web.followWithin(identity.web.submit(identityPage,
                    "#vneid-identity-form", Map.of("action", "refresh")), keycloak.baseUri());
            Document updated = Jsoup.parse(refreshed.body());
            assertThat(updated.text()).contains("Đã cập nhật thông tin từ Cơ sở dữ liệu Quốc gia về Dân cư");
            assertThat(updated.select("#vneid-identity-changed li").eachText())
                    .containsExactly("Nơi sinh", "Quê quán", "Địa chỉ thường trú");
            assertThat(updated.select("#vneid-identity tr[data-field=vneidIdentityHomeTown] .vneid-value").text())
                    .contains("Bình Định");
            assertThat(updated.select("#vneid-identity tr[data-field=vneidIdentityHomeTown] .vneid-verified").text())
                    .isEqualTo("✓");
            nga = user(LegacyPersonas.TOTHINGA);
            assertThat(attribute(nga, "permanent_address")).contains("Quy Nhơn");
            assertThat(attribute(nga, "full_name")).as("the same name, her spelling kept").isEqualTo("Tô Thị Nga");
            assertThat(admin.get("/admin/realms/dvc/events?type=UPDATE_PROFILE&max=50")).anySatisfy(event -> {
                assertThat(event.path("details").path("identity_fields_updated").asText())
                        .isEqualTo("PLACE_OF_BIRTH,HOME_TOWN,PERMANENT_ADDRESS");
                assertThat(event.toString()).as("which fields, never their values").doesNotContain("Bình Định");
            });

        }
    }

    @Nested
    class GivenPhamMinhDucTypingSomeoneElsesCccd {

        @Test
        void thenHeIsRefusedWithoutLearningWhoseNumberItIsAndNothingChanges() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyPersonas.PHAMMINHDUC, LegacyPersonas.PASSWORD);

            PortalLogin.Outcome refused = login.submitCccd(form, NGA_CCCD);

            assertThat(refused.callback()).isEmpty();
            Document page = Jsoup.parse(refused.page().body());
            assertThat(page.selectFirst("#vneid-cccd-form")).isNotNull();
            assertThat(page.text()).doesNotContain("Tô Thị Nga", "TÔ THỊ NGA", "15/03/1989");
            assertThat(page.text()).contains("không khớp giới tính/năm sinh")
                    .doesNotContain("đã được xác thực cho một tài khoản khác");
            JsonNode duc = user(LegacyPersonas.PHAMMINHDUC);
            assertThat(attribute(duc, "cccd")).isNull();
            assertThat(attribute(duc, "cccd_verified")).isNull();
        }
    }

    @Nested
    class GivenAMalformedNumber {

        @Test
        void thenTheFormSaysWhatIsWrongInVietnameseAndNothingIsAsked() {
            long before = registry.simulator().requestCount();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyFixtures.CCCD_IDENTITY, LegacyFixtures.PASSWORD);

            PortalLogin.Outcome wrongProvince = login.submitCccd(form, "099190001234");
            assertThat(Jsoup.parse(wrongProvince.page().body()).text()).contains("Mã tỉnh 099 không hợp lệ");
            PortalLogin.Outcome hostile = login.submitCccd(wrongProvince, "<script>alert(1)</script>" + "9".repeat(5000));
            assertThat(hostile.page().statusCode()).isEqualTo(200);
            assertThat(hostile.page().body()).doesNotContain("<script>alert(1)</script>");

            assertThat(registry.simulator().requestCount()).as("no registry call for a malformed number")
                    .isEqualTo(before);
            assertThat(attribute(user(LegacyFixtures.CCCD_IDENTITY), "cccd")).isNull();
        }
    }

    @Nested
    class GivenTheRegistryMisbehaves {

        @Test
        void thenATimeoutGivesAClearMessageWithinTheTimeoutAndKeepsWhatWasTyped() {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.CCCD_TIMEOUT);
            registry.simulator().setMode(new SimulatorMode(8_000, 0, false));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyFixtures.CCCD_TIMEOUT, LegacyFixtures.PASSWORD);

            Instant start = Instant.now();
            PortalLogin.Outcome slow = login.submitCccd(form, person.cccd());
            Duration waited = Duration.between(start, Instant.now());

            assertThat(waited).isLessThan(Duration.ofSeconds(7));
            Document page = Jsoup.parse(slow.page().body());
            assertThat(page.text()).contains("tạm thời không phản hồi");
            assertThat(page.selectFirst("#cccd").val()).isEqualTo(person.cccd());
            assertThat(attribute(user(LegacyFixtures.CCCD_TIMEOUT), "cccd")).isNull();

            registry.simulator().reset();
            assertThat(login.finish(login.skipLinkNoticeIfShown(login.submitCccd(slow, person.cccd()))).getClaim("cccd"))
                    .as("a retry once the registry answers again").isEqualTo(person.cccd());
        }

        @Test
        void thenAnHttp500GivesTheSameClearMessageAndSkipStillWorks() {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.CCCD_FAILURE);
            registry.simulator().setMode(new SimulatorMode(0, 500, false));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyFixtures.CCCD_FAILURE, LegacyFixtures.PASSWORD);

            PortalLogin.Outcome failed = login.submitCccd(form, person.cccd());

            assertThat(Jsoup.parse(failed.page().body()).text()).contains("tạm thời không phản hồi");
            assertThat(attribute(user(LegacyFixtures.CCCD_FAILURE), "cccd")).isNull();
            JWTClaimsSet claims = login.finish(login.skipCccdFormIfShown(failed));
            assertThat(claims.getClaim("cccd")).isNull();
        }

        @Test
        void thenABareMatchFlagIsEnoughToVerify() {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.CCCD_BARE_FLAG);
            registry.simulator().setMode(new SimulatorMode(0, 0, true));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(LegacyFixtures.CCCD_BARE_FLAG, LegacyFixtures.PASSWORD);

            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(login.submitCccd(form, person.cccd())));

            assertThat(claims.getClaim("cccd")).isEqualTo(person.cccd());
        }
    }

    @Nested
    class GivenTooManyAttempts {

        @Test
        void thenEvenTheRightNumberIsRefusedUntilTheWindowEnds() {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.CCCD_RATE_LIMIT);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome page = login.submitPassword(LegacyFixtures.CCCD_RATE_LIMIT, LegacyFixtures.PASSWORD);
            List<String> wrongNumbers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // valid numbers for the person's gender and birth year that are not theirs
                String wrong = person.cccd().substring(0, 6) + String.format("%06d", 990000 + i);
                wrongNumbers.add(wrong);
                page = login.submitCccd(page, wrong);
                assertThat(Jsoup.parse(page.page().body()).text()).contains("không khớp");
            }

            PortalLogin.Outcome limited = login.submitCccd(page, person.cccd());

            assertThat(limited.callback()).isEmpty();
            assertThat(Jsoup.parse(limited.page().body()).text()).contains("thử quá nhiều lần");
            assertThat(attribute(user(LegacyFixtures.CCCD_RATE_LIMIT), "cccd")).isNull();
            assertThat(wrongNumbers).doesNotContain(person.cccd());
        }
    }

    @Nested
    class GivenTheRealmsUserProfile {

        @Test
        void thenTheCccdValidatorRefusesAMalformedNumberEvenFromAnAdministrator() {
            HttpResponse<String> refused = admin.send("POST", "/admin/realms/dvc/users", Map.of(
                    "username", "profile-check-1", "enabled", true, "attributes", Map.of("cccd", List.of("099190001234"))));
            HttpResponse<String> accepted = admin.send("POST", "/admin/realms/dvc/users", Map.of(
                    "username", "profile-check-2", "enabled", true, "attributes", Map.of("cccd", List.of("001090001299"))));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("vneid-cccd-province-unknown");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        }

        @Test
        @SuppressWarnings("unchecked")
        void thenAnAdministratorCannotChangeAVerifiedNumberAndLeaveItMarkedVerified() {
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/users", Map.of(
                    "username", "profile-check-verified", "enabled", true, "attributes", Map.of(
                            "cccd", List.of("001090001301"), "cccd_verified", List.of("true"))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode user = user("profile-check-verified");
            String path = "/admin/realms/dvc/users/" + user.get("id").asText();
            Map<String, Object> representation = new com.fasterxml.jackson.databind.ObjectMapper()
                    .convertValue(user, Map.class);
            Map<String, Object> attributes = (Map<String, Object>) representation.get("attributes");

            attributes.put("cccd", List.of("001090001302"));
            HttpResponse<String> refused = admin.send("PUT", path, representation);
            attributes.remove("cccd_verified");
            HttpResponse<String> accepted = admin.send("PUT", path, representation);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("vneidCccdVerifiedChange");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
            JsonNode after = user("profile-check-verified");
            assertThat(attribute(after, "cccd")).isEqualTo("001090001302");
            assertThat(attribute(after, "cccd_verified")).as("the new number is not verified").isNull();
        }
    }

    @Nested
    class GivenTheIdentityPage {

        @Test
        void thenItsRefreshFromThePopulationDatabaseIsLimitedLikeTheCccdForm() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(180);
            String username = accounts.create("cc4", person);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            login.finish(login.skipCccdFormIfShown(login.submitPassword(username, LegacyFixtures.PASSWORD)));
            HttpResponse<String> page = identityPage(login);
            for (int i = 0; i < 5; i++) {
                // valid numbers for the person's gender and birth year that are not theirs
                String wrong = person.cccd().substring(0, 6) + String.format("%06d", 970000 + i);
                assertThat(wrong).isNotEqualTo(person.cccd());
                page = refresh(login, page, wrong);
                assertThat(Jsoup.parse(page.body()).text()).as("attempt " + (i + 1)).contains("không khớp");
            }

            HttpResponse<String> limited = refresh(login, page, person.cccd());

            assertThat(Jsoup.parse(limited.body()).text()).as("even the right number, once the attempts are used up")
                    .contains("thử quá nhiều lần");
            JsonNode account = accounts.user(username);
            assertThat(attribute(account, "cccd")).isNull();
            assertThat(attribute(account, "cccd_verified")).isNull();
        }

        private HttpResponse<String> identityPage(PortalLogin login) {
            PortalLogin identity = new PortalLogin(keycloak, "dvcqg-portal", login.web);
            Map<String, String> params = identity.parameters();
            params.put("kc_action", "vneid-identity-info");
            HttpResponse<String> page = identity.web.followWithin(identity.web.get(identity.authorizationUri(params)),
                    keycloak.baseUri());
            assertThat(page.body()).as("the identity page").contains("vneid-identity-form");
            return page;
        }

        private HttpResponse<String> refresh(PortalLogin login, HttpResponse<String> page, String cccd) {
            HttpResponse<String> answer = login.web.followWithin(login.web.submit(page, "#vneid-identity-form",
                    Map.of("action", "refresh", "cccd", cccd)), keycloak.baseUri());
            assertThat(answer.body()).as("the identity page again").contains("vneid-identity-form");
            return answer;
        }
    }

    @Nested
    class GivenANumberAlreadyVerifiedOnAnotherAccount {

        @Test
        void thenItIsRefusedAsTakenAndNothingChanges() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(181);
            // the person's other portal account, where the number is verified already
            String first = accounts.create("cc6a", person, Map.of("cccd", person.cccd(), "cccd_verified", "true"));
            String second = accounts.create("cc6b", person);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(second, LegacyFixtures.PASSWORD);

            PortalLogin.Outcome refused = login.submitCccd(form, person.cccd());

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text())
                    .contains("đã được xác thực cho một tài khoản khác", "liên hệ bộ phận hỗ trợ");
            JsonNode unchanged = accounts.user(second);
            assertThat(attribute(unchanged, "cccd")).isNull();
            assertThat(attribute(unchanged, "cccd_verified")).isNull();
            JsonNode other = accounts.user(first);
            assertThat(attribute(other, "cccd")).isEqualTo(person.cccd());
            assertThat(attribute(other, "cccd_verified")).isEqualTo("true");

            // the other account alone stood in the way: without it, the same number verifies
            admin.deleteUser("dvc", other.get("id").asText());
            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(login.submitCccd(refused, person.cccd())));
            assertThat(claims.getClaim("cccd")).isEqualTo(person.cccd());
        }
    }

    @Nested
    class GivenACitizenRenamingHimselfAfterTheVictim {

        @Test
        void thenTheRegistryIsStillAskedWithTheFullNameThatOnlyAnAdministratorEdits() {
            SyntheticPerson victim = LegacyFixtures.syntheticPerson(182);
            String ownName = "Đinh Công Tráng";
            assertThat(ownName).isNotEqualTo(victim.fullName());
            // the victim's birth date and gender (they are not under test): only the name stands between them
            String username = accounts.create("cc8", victim, Map.of("full_name", ownName));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            login.finish(login.skipCccdFormIfShown(login.submitPassword(username, LegacyFixtures.PASSWORD)));
            String[] victimsName = victim.fullName().split(" ", 2);

            // the full name too: shown on the page, but not the citizen's to change
            updateProfile(login, Map.of("lastName", victimsName[0], "firstName", victimsName[1],
                    "full_name", victim.fullName()));
            updateProfile(login, Map.of("lastName", victimsName[0], "firstName", victimsName[1]));
            JsonNode renamed = accounts.user(username);
            assertThat(renamed.path("lastName").asText()).as("first and last name are the citizen's to edit")
                    .isEqualTo(victimsName[0]);
            assertThat(renamed.path("firstName").asText()).isEqualTo(victimsName[1]);
            assertThat(attribute(renamed, "full_name")).isEqualTo(ownName);

            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = next.submitPassword(username, LegacyFixtures.PASSWORD);
            PortalLogin.Outcome refused = next.submitCccd(form, victim.cccd());

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("không khớp");
            assertThat(attribute(accounts.user(username), "cccd")).isNull();

            // the full name alone stood between them: set by an administrator, the same number verifies
            setFullName(username, victim.fullName());
            JWTClaimsSet claims = next.finish(next.skipLinkNoticeIfShown(next.submitCccd(refused, victim.cccd())));
            assertThat(claims.getClaim("cccd")).isEqualTo(victim.cccd());
        }

        /** Keycloak's "update profile" page, asked by the portal ({@code kc_action=UPDATE_PROFILE}), submitted. */
        private void updateProfile(PortalLogin login, Map<String, String> fields) {
            PortalLogin action = new PortalLogin(keycloak, "dvcqg-portal", login.web);
            Map<String, String> params = action.parameters();
            params.put("kc_action", "UPDATE_PROFILE");
            HttpResponse<String> page = action.web.followWithin(action.web.get(action.authorizationUri(params)),
                    keycloak.baseUri());
            assertThat(page.body()).as("the profile page").contains("kc-update-profile-form");
            action.follow(action.web.submit(page, "#kc-update-profile-form", fields));
        }

        @SuppressWarnings("unchecked")
        private void setFullName(String username, String fullName) {
            JsonNode user = accounts.user(username);
            Map<String, Object> representation = new com.fasterxml.jackson.databind.ObjectMapper()
                    .convertValue(user, Map.class);
            ((Map<String, Object>) representation.get("attributes")).put("full_name", List.of(fullName));
            HttpResponse<String> saved = admin.send("PUT", "/admin/realms/dvc/users/" + user.get("id").asText(),
                    representation);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        }
    }

    @Nested
    class GivenAForgedPostOfTheCccdForm {

        @Test
        void thenWithoutTheBrowsersCookieSessionCodeOrTabIdNothingChanges() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(184);
            String username = accounts.create("cc11", person);
            PortalLogin victim = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = victim.submitPassword(username, LegacyFixtures.PASSWORD);
            URI action = ForgedPosts.action(form.page(), "#vneid-cccd-form");
            // her own number (it would verify) and "Bỏ qua" (it would finish her login)
            List<Map<String, String>> posts = List.of(Map.of("action", "update", "cccd", person.cccd()),
                    Map.of("action", "skip"));

            // another browser posts her very form, every parameter included, with its own cookies
            PortalLogin other = new PortalLogin(keycloak, "dvcqg-portal");
            other.loginPage();
            for (Map<String, String> fields : posts) {
                PortalLogin.Outcome forged = other.follow(other.web.postForm(action, fields));
                assertThat(forged.callback()).as("another browser: " + fields).isEmpty();
            }
            // another site's page posts into her browser (her cookies) but cannot know the step's code or the tab
            PortalLogin.Outcome latest = form;
            for (List<String> missing : ForgedPosts.MISSING_PARAMETERS) {
                for (Map<String, String> fields : posts) {
                    PortalLogin.Outcome forged = victim.follow(victim.web.postForm(ForgedPosts.without(action, missing),
                            fields));
                    assertThat(forged.callback()).as(ForgedPosts.describe(missing) + ": " + fields).isEmpty();
                    if (forged.page().body().contains("vneid-cccd-form")) {
                        latest = forged;
                    }
                }
            }

            JsonNode account = accounts.user(username);
            assertThat(attribute(account, "cccd")).as("nothing stored").isNull();
            assertThat(attribute(account, "cccd_verified")).isNull();
            // her own form, as her browser shows it now, still works
            JWTClaimsSet claims = victim.finish(victim.skipLinkNoticeIfShown(victim.submitCccd(latest, person.cccd())));
            assertThat(claims.getClaim("cccd")).isEqualTo(person.cccd());
        }
    }

    private JsonNode user(String username) {
        JsonNode found = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        assertThat(found.size()).isEqualTo(1);
        return found.get(0);
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }
}
