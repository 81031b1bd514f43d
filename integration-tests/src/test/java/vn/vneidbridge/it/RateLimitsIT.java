package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
import vn.vneidbridge.it.support.AllAtOnce;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

/**
 * The attempt limits raced as an attacker races them: ten submissions sent at the same moment, each from its own
 * login, must not get more than the limit through — neither CCCD checks (population database calls) nor password
 * checks without the captcha — and failures from one address across many usernames bring the captcha. Each test
 * comes from its own address ({@code X-Forwarded-For}, trusted by the test server), so it shares no
 * per-address count with the rest of the run.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsIT {

    static final int PARALLEL = 10;
    static final String TOO_MANY_CCCD_ATTEMPTS = "Bạn đã thử quá nhiều lần";
    static final String CCCD_MISMATCH = "không khớp";
    static final String CAPTCHA_REQUIRED = "Vui lòng nhập mã xác thực trong hình";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private KeycloakServer keycloak;
    private AdminApi admin;
    private PopulationRegistryConnection registry;
    private final List<String> users = new ArrayList<>();

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, PopulationRegistryConnection registry) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.registry = registry;
    }

    @AfterEach
    void cleanUp() {
        registry.simulator().reset();
        users.forEach(id -> admin.deleteUser("dvc", id));
        users.clear();
    }

    @Nested
    class GivenTenCccdSubmissionsOfOneAccountAtOnce {

        @Test
        void thenAtMostTheLimitReachThePopulationDatabaseAndTheRestAreToldTooManyAttempts() throws Exception {
            int limit = cccdLimitPerAccount(admin);
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(171)
                    .findFirst().orElseThrow();
            String username = citizen(person);
            String address = nextAddress();
            List<PortalLogin> logins = new ArrayList<>();
            List<PortalLogin.Outcome> forms = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address));
                PortalLogin.Outcome form = login.submitPassword(username, PASSWORD);
                assertThat(form.page().body()).as("login %d reaches the CCCD form", i).contains("vneid-cccd-form");
                logins.add(login);
                forms.add(form);
            }
            // every registry answer takes a while, so the submissions are all in flight together
            registry.simulator().setMode(new SimulatorMode(400, 0, false));
            long before = registry.simulator().requestCount();

            List<String> pages = submitCccdAtOnce(logins, forms, person);

            long calls = registry.simulator().requestCount() - before;
            assertThat(calls).as("population database calls for %d submissions at once", PARALLEL)
                    .isLessThanOrEqualTo(limit).isPositive();
            assertThat(pages).allSatisfy(text -> assertThat(text).containsAnyOf(CCCD_MISMATCH, TOO_MANY_CCCD_ATTEMPTS));
            assertThat(pages.stream().filter(text -> text.contains(TOO_MANY_CCCD_ATTEMPTS)).count())
                    .as("refused without asking the population database").isEqualTo(PARALLEL - calls);
        }
    }

    @Nested
    class GivenTenWrongPasswordsForOneUsernameAtOnce {

        @Test
        void thenNoMoreThanTheCaptchaThresholdAreCheckedAndThenEvenTheRightPasswordNeedsTheCaptcha() throws Exception {
            String username = citizen(SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(172)
                    .findFirst().orElseThrow());
            String address = nextAddress();
            List<Supplier<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address));
                HttpResponse<String> form = login.loginPage();
                String wrong = "Wrong@" + i;
                attempts.add(() -> login.web.submit(form, "#kc-form-login",
                        Map.of("username", username, "password", wrong)));
            }

            List<HttpResponse<String>> answers = AllAtOnce.run(attempts);

            long checked = answers.stream().filter(answer -> !text(answer).contains(CAPTCHA_REQUIRED)).count();
            assertThat(checked).as("passwords checked without a captcha, of %d sent at once", PARALLEL)
                    .isBetween(1L, 3L);
            assertThat(answers).filteredOn(answer -> text(answer).contains(CAPTCHA_REQUIRED))
                    .allSatisfy(answer -> assertThat(Jsoup.parse(answer.body()).selectFirst("#vneid-captcha-image"))
                            .as("the captcha is on the form").isNotNull());

            PortalLogin rightPassword = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address));
            PortalLogin.Outcome refused = rightPassword.submitPassword(username, PASSWORD);
            assertThat(refused.callback()).as("the right password without the captcha").isEmpty();
            assertThat(text(refused.page())).contains(CAPTCHA_REQUIRED);
        }
    }

    @Nested
    class GivenFailedLoginsFromOneAddressAcrossManyUsernames {

        private String configId;

        @AfterEach
        void defaultSettings() {
            if (configId != null) {
                admin.send("DELETE", "/admin/realms/dvc/authentication/config/" + configId, null);
                configId = null;
            }
        }

        @Test
        void thenThatAddressMeetsTheCaptchaAndAnotherDoesNot() {
            configId = passwordFormSettings(Map.of("captchaAfterFailures", "3", "captchaAfterFailuresPerAddress", "4"));
            String address = nextAddress();
            for (int i = 0; i < 4; i++) {
                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address));
                HttpResponse<String> form = login.loginPage();
                assertThat(Jsoup.parse(form.body()).selectFirst("#vneid-captcha-image"))
                        .as("no captcha before failure %d", i + 1).isNull();
                PortalLogin.Outcome failed = login.follow(login.web.submit(form, "#kc-form-login",
                        Map.of("username", "spray-" + PortalLogin.random(6), "password", "Matkhau@123")));
                assertThat(failed.callback()).isEmpty();
            }

            HttpResponse<String> sameAddress = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address))
                    .loginPage();
            HttpResponse<String> otherAddress = new PortalLogin(keycloak, "dvcqg-portal",
                    new WebClient(nextAddress())).loginPage();

            assertThat(Jsoup.parse(sameAddress.body()).selectFirst("#vneid-captcha-image"))
                    .as("a new login from the address with 4 failures, before any username is typed").isNotNull();
            assertThat(Jsoup.parse(otherAddress.body()).selectFirst("#vneid-captcha-image"))
                    .as("a login from another address").isNull();
        }

        @Test
        void thenTenDifferentUsernamesAtOnceGetNoMoreThanTheAddressThresholdChecked() throws Exception {
            configId = passwordFormSettings(Map.of("captchaAfterFailures", "3", "captchaAfterFailuresPerAddress", "4"));
            String address = nextAddress();
            List<Supplier<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address));
                HttpResponse<String> form = login.loginPage();
                String username = "spray-" + PortalLogin.random(6);
                attempts.add(() -> login.web.submit(form, "#kc-form-login",
                        Map.of("username", username, "password", "Matkhau@123")));
            }

            List<HttpResponse<String>> answers = AllAtOnce.run(attempts);

            assertThat(answers.stream().filter(answer -> !text(answer).contains(CAPTCHA_REQUIRED)).count())
                    .as("passwords checked without a captcha, %d usernames from one address at once", PARALLEL)
                    .isBetween(1L, 4L);
        }

        @Test
        void thenZeroTurnsTheAddressCountOff() {
            configId = passwordFormSettings(Map.of("captchaAfterFailures", "3", "captchaAfterFailuresPerAddress", "0"));
            String address = nextAddress();
            for (int i = 0; i < 5; i++) {
                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address));
                login.follow(login.web.submit(login.loginPage(), "#kc-form-login",
                        Map.of("username", "spray-" + PortalLogin.random(6), "password", "Matkhau@123")));
            }
            HttpResponse<String> form = new PortalLogin(keycloak, "dvcqg-portal", new WebClient(address)).loginPage();
            assertThat(Jsoup.parse(form.body()).selectFirst("#vneid-captcha-image")).isNull();
        }
    }

    private static final String PASSWORD = "Sandbox@123";

    /** A citizen's account (no CCCD yet) whose profile is the person's; deleted after the test. */
    private String citizen(SyntheticPerson person) {
        String username = "rl-" + PortalLogin.random(6).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String id = admin.createUser("dvc", username, PASSWORD, Map.of("firstName", "Thử", "lastName", "Nghiệm",
                "email", username + "@example.vn", "emailVerified", true, "attributes", Map.of(
                        "full_name", List.of(person.fullName()),
                        "birthdate", List.of(person.birthDate().toString()),
                        "gender", List.of(person.gender().name().toLowerCase(java.util.Locale.ROOT)))));
        users.add(id);
        return username;
    }

    /** Ten numbers, valid for the person's gender and birth year, that are not theirs, submitted at once. */
    static List<String> submitCccdAtOnce(List<PortalLogin> logins, List<PortalLogin.Outcome> forms,
                                         SyntheticPerson person) throws Exception {
        List<Supplier<String>> submissions = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            PortalLogin login = logins.get(i);
            PortalLogin.Outcome form = forms.get(i);
            String wrong = person.cccd().substring(0, 6) + String.format("%06d", 980000 + i);
            assertThat(wrong).isNotEqualTo(person.cccd());
            submissions.add(() -> text(login.submitCccd(form, wrong).page()));
        }
        return AllAtOnce.run(submissions);
    }

    /** The per-account limit of the CCCD check as the realm is configured (5 in the realm file). */
    static int cccdLimitPerAccount(AdminApi admin) {
        for (JsonNode execution : admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")) {
            if ("vneid-cccd-check".equals(execution.path("providerId").asText())) {
                JsonNode config = admin.get("/admin/realms/dvc/authentication/config/"
                        + execution.path("authenticationConfig").asText());
                return Integer.parseInt(config.path("config").path("maxAttempts").asText("5"));
            }
        }
        throw new AssertionError("no CCCD check in the flow");
    }

    /** Settings on the portal-account form's execution; the id of the config, to delete afterwards. */
    private String passwordFormSettings(Map<String, String> values) {
        for (JsonNode execution : admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")) {
            if ("vneid-legacy-password-form".equals(execution.path("providerId").asText())) {
                assertThat(execution.path("authenticationConfig").isMissingNode())
                        .as("the realm file leaves the form's settings at their defaults").isTrue();
                HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/authentication/executions/"
                        + execution.path("id").asText() + "/config", Map.of("alias", "rate-limits-it", "config", values));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String location = created.headers().firstValue("Location").orElseThrow();
                return location.substring(location.lastIndexOf('/') + 1);
            }
        }
        throw new AssertionError("no portal-account form in the flow");
    }

    /**
     * An address of its own for each test: a header value, never contacted; a loopback one, as the realm requires
     * HTTPS from public addresses (sslRequired "external").
     */
    static String nextAddress() {
        return "127.40.0." + ADDRESSES.getAndIncrement();
    }

    static String text(HttpResponse<String> page) {
        Document document = Jsoup.parse(page.body());
        return document.text();
    }
}
