package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, PopulationRegistryConnection registry) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.registry = registry;
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

            HttpResponse<String> refreshed = identity.web.followWithin(identity.web.submit(identityPage,
                    "#vneid-identity-form", Map.of("action", "refresh")), keycloak.baseUri());
            assertThat(Jsoup.parse(refreshed.body()).text())
                    .contains("Thông tin đã được cập nhật từ Cơ sở dữ liệu Quốc gia về Dân cư");
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
