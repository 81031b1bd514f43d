package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
import vn.vneidbridge.it.support.VneidQrPages.App;
import vn.vneidbridge.it.support.VneidQrPages.WaitingPage;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;

/**
 * The QR's validity is a setting of the QR login form's execution (admin console: Authentication → flow → the
 * form's settings). On a copy of the stand-in's browser flow, bound for this class only, it is set to the
 * shortest allowed (30 s): the page says so, a QR past it logs nobody in (the app cannot confirm it, the waiting
 * page's post shows the expiry message), and the page's renewal gives a new QR that works.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidQrValidityIT {

    private static final String REALM = "/admin/realms/vneid-sandbox";
    private static final String FLOW = "vneid browser";
    private static final String COPY = "vneid browser qr-validity-it";
    private static final String FORM = "vneid-sandbox-qr-password-form";
    private static final int SHORT = 30;

    private KeycloakServer keycloak;
    private AdminApi admin;
    private String citizen;

    @BeforeAll
    void shortQrOnACopyOfTheFlow(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        citizen = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(115), 2);
        expect(admin.send("POST", REALM + "/authentication/flows/" + path(FLOW) + "/copy", Map.of("newName", COPY)), 201);
        String execution = null;
        for (JsonNode step : admin.get(REALM + "/authentication/flows/" + path(COPY) + "/executions")) {
            if (FORM.equals(step.path("providerId").asText())) {
                execution = step.get("id").asText();
            }
        }
        assertThat(execution).as("the QR login form in the copied flow").isNotNull();
        expect(admin.send("POST", REALM + "/authentication/executions/" + execution + "/config", Map.of(
                "alias", "qr-validity-it", "config", Map.of("qrValiditySeconds", String.valueOf(SHORT)))), 201);
        expect(admin.send("PUT", REALM, Map.of("browserFlow", COPY)), 204);
    }

    @AfterAll
    void restore() {
        expect(admin.send("PUT", REALM, Map.of("browserFlow", FLOW)), 204);
        for (JsonNode flow : admin.get(REALM + "/authentication/flows")) {
            if (COPY.equals(flow.path("alias").asText())) {
                expect(admin.send("DELETE", REALM + "/authentication/flows/" + flow.get("id").asText(), null), 204);
            }
        }
        for (JsonNode user : VneidUsers.createdFor(admin, citizen)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
        for (JsonNode user : admin.get(REALM + "/users?exact=true&username=" + citizen)) {
            admin.deleteUser("vneid-sandbox", user.get("id").asText());
        }
    }

    private static String path(String alias) {
        return URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
    }

    /** Waits until the page's QR is past its validity (as the page's countdown said it), plus a margin. */
    private static void outlive(WaitingPage page, long openedAt) throws InterruptedException {
        long until = openedAt + page.expiresIn() * 1000L + 1500L;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(Math.max(1, until - System.currentTimeMillis()));
        }
    }

    @Nested
    class GivenTheAdminConsole {

        @Test
        void thenTheFormOffersTheValiditySettingWithItsDefaultAndHelp() {
            JsonNode description = admin.get(REALM + "/authentication/config-description/" + FORM);
            JsonNode setting = null;
            for (JsonNode property : description.get("properties")) {
                if ("qrValiditySeconds".equals(property.path("name").asText())) {
                    setting = property;
                }
            }
            assertThat(setting).as(description.toString()).isNotNull();
            assertThat(setting.path("defaultValue").asText()).isEqualTo("120");
            assertThat(setting.path("helpText").asText()).isNotBlank();
        }
    }

    @Nested
    class GivenAQrPastItsConfiguredValidity {

        @Test
        void thenTheAppCannotConfirmItAndTheWaitingPagesPostShowsTheExpiryMessage() throws Exception {
            long openedAt = System.currentTimeMillis();
            WaitingPage browser = new WaitingPage(keycloak);
            assertThat(browser.expiresIn()).as("the page's countdown").isPositive().isLessThanOrEqualTo(SHORT);
            App app = new App().open(browser.qrUrl()).logIn(citizen, VneidStandIn.PASSWORD);
            assertThat(app.view()).as("logged in to the app while the QR is valid").isEqualTo("CONFIRM");

            outlive(browser, openedAt);

            assertThat(browser.status().get("status").asText()).isEqualTo("expired");
            app.answer("confirm");
            assertThat(app.view()).as("a confirmation after expiry").isEqualTo("EXPIRED");
            assertThat(browser.status().get("status").asText()).isEqualTo("expired");
            PortalLogin.Outcome refused = browser.submitQr(browser.handle());
            assertThat(refused.callback()).as("nobody logged in").isEmpty();
            assertThat(WaitingPage.text(refused)).contains("Mã QR đã hết hạn");
        }

        @Test
        void thenThePagesRenewalGivesANewQrThatLogsTheCitizenIn() throws Exception {
            long openedAt = System.currentTimeMillis();
            WaitingPage browser = new WaitingPage(keycloak);
            java.net.URI expired = browser.qrUrl();
            assertThat(browser.expiresIn()).as("the page's countdown").isPositive().isLessThanOrEqualTo(SHORT);
            outlive(browser, openedAt);
            assertThat(browser.status().get("status").asText()).isEqualTo("expired");

            JsonNode renewed = browser.renew();

            assertThat(renewed.get("status").asText()).isEqualTo("pending");
            assertThat(browser.qrUrl()).isNotEqualTo(expired);
            assertThat(browser.expiresIn()).as("the renewed QR keeps the setting").isPositive()
                    .isLessThanOrEqualTo(SHORT);
            assertThat(new App().open(expired).view()).as("the old QR in the app").isIn("EXPIRED", "GONE");
            App app = new App().open(browser.qrUrl()).logIn(citizen, VneidStandIn.PASSWORD).answer("confirm");
            assertThat(app.view()).isEqualTo("ANSWERED");
            assertThat(browser.status().get("status").asText()).isEqualTo("confirmed");
            JWTClaimsSet claims = browser.login.finish(browser.submitQr(browser.handle()));
            assertThat(claims.getClaim("cccd")).isEqualTo(citizen);
        }
    }
}
