package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidQrPages.App;
import vn.vneidbridge.it.support.VneidQrPages.WaitingPage;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;

/**
 * Wrong passwords typed into the "VNeID app" stand-in count in Keycloak's brute-force detection of realm
 * {@code vneid-sandbox} (which has it on), so a fresh QR does not give an attacker fresh tries: with the realm's
 * lockout after 3 failures (set for this class, restored after), 2 wrong passwords on one QR and 1 on another lock
 * the account, and then neither a third QR with the right password nor the stand-in's password form logs in.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidQrAppBruteForceIT {

    private static final String REALM = "/admin/realms/vneid-sandbox";
    private static final String[] SETTINGS = {"bruteForceProtected", "permanentLockout", "failureFactor",
        "waitIncrementSeconds", "maxFailureWaitSeconds", "quickLoginCheckMilliSeconds", "minimumQuickLoginWaitSeconds"};

    private KeycloakServer keycloak;
    private AdminApi admin;
    private String citizen;
    private String citizenId;
    private final Map<String, Object> before = new LinkedHashMap<>();

    @BeforeAll
    void lockoutAfterThreeFailures(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        citizen = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(116), 2);
        citizenId = admin.get(REALM + "/users?exact=true&username=" + citizen).get(0).get("id").asText();
        JsonNode realm = admin.get(REALM);
        assertThat(realm.get("bruteForceProtected").asBoolean()).as("the realm file turns it on").isTrue();
        for (String setting : SETTINGS) {
            before.put(setting, realm.get(setting));
        }
        // three failures lock for a minute; quick successive failures (the test's pace) add nothing of their own
        expect(admin.send("PUT", REALM, Map.of("bruteForceProtected", true, "permanentLockout", false,
                "failureFactor", 3, "waitIncrementSeconds", 60, "maxFailureWaitSeconds", 900,
                "quickLoginCheckMilliSeconds", 1, "minimumQuickLoginWaitSeconds", 60)), 204);
    }

    @AfterAll
    void restore() {
        expect(admin.send("PUT", REALM, before), 204);
        admin.send("DELETE", REALM + "/attack-detection/brute-force/users/" + citizenId, null);
        for (JsonNode user : VneidUsers.createdFor(admin, citizen)) {
            admin.deleteUser("dvc", user.get("id").asText());
        }
        admin.deleteUser("vneid-sandbox", citizenId);
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
    }

    private JsonNode bruteForceStatus() {
        return admin.get(REALM + "/attack-detection/brute-force/users/" + citizenId);
    }

    /** Keycloak records failures in the background: waits (a few seconds at most) until it counted {@code n}. */
    private void awaitFailures(int n) throws InterruptedException {
        for (int i = 0; i < 50 && bruteForceStatus().path("numFailures").asInt() < n; i++) {
            Thread.sleep(200);
        }
    }

    @Nested
    class GivenWrongAppPasswordsSpreadOverTwoQrs {

        @Test
        void thenTheAccountIsLockedForAThirdQrAndForThePasswordForm() throws Exception {
            App first = new App().open(new WaitingPage(keycloak).qrUrl());
            first.logIn(citizen, "wrong-password-1");
            first.logIn(citizen, "wrong-password-2");
            assertThat(first.view()).as("two tries of five on this QR").isEqualTo("LOGIN");
            App second = new App().open(new WaitingPage(keycloak).qrUrl());
            second.logIn(citizen, "wrong-password-3");
            assertThat(second.view()).as("a fresh QR's first try").isEqualTo("LOGIN");
            awaitFailures(3);

            WaitingPage browser = new WaitingPage(keycloak);
            App third = new App().open(browser.qrUrl()).logIn(citizen, VneidStandIn.PASSWORD);

            assertThat(third.view()).as("the right password on a third QR while locked").isEqualTo("LOGIN");
            assertThat(third.text()).contains("tạm thời bị khóa");
            assertThat(browser.status().get("inApp").asBoolean()).isFalse();
            JsonNode status = bruteForceStatus();
            assertThat(status.path("numFailures").asInt()).as(status.toString()).isEqualTo(3);
            assertThat(status.path("disabled").asBoolean()).as(status.toString()).isTrue();
            PortalLogin.Outcome form = new PortalLogin(keycloak, "dvcqg-portal")
                    .vneidLogin(citizen, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(form.callback()).as("the stand-in's own password form refuses too").isEmpty();
            assertThat(form.page().body()).doesNotContain("vneid-sandbox-otp-form");
        }
    }
}
