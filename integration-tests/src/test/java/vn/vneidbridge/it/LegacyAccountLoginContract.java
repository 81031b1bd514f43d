package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.LegacyFixtures.PASSWORD;
import static vn.vneidbridge.it.support.LegacyFixtures.legacyId;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.BruteForce;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;

/**
 * Legacy portal accounts logging in through realm {@code dvc}: what a citizen and an operator notice. Run
 * against a legacy database on H2 (the sandbox) and on PostgreSQL (production) by the two subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LegacyAccountLoginContract {

    KeycloakServer keycloak;
    AdminApi admin;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
    }

    @Nested
    class GivenALegacyAccountNotYetInKeycloak {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {LegacyFixtures.BCRYPT_2A, LegacyFixtures.BCRYPT_2B, LegacyFixtures.BCRYPT_2Y,
                LegacyFixtures.PBKDF2, LegacyFixtures.SHA256, LegacyFixtures.MD5})
        void thenItsLegacyPasswordLogsInAndTheAccountComesInWithItsLegacyId(String username) {
            assertThat(users(username)).as("not in Keycloak before its first login").isEmpty();

            JWTClaimsSet claims = login(username);

            JsonNode user = onlyUser(username);
            assertThat(claims.getSubject()).isEqualTo(user.get("id").asText());
            assertThat(claim(claims, "legacy_account_id")).isEqualTo(legacyId(username));
            assertThat(user.path("federationLink").asText()).as("tied to the legacy provider").isNotBlank();
            assertThat(attribute(user, "legacy_account_id")).isEqualTo(legacyId(username));
            assertThat(passwordAlgorithm(user)).as("password stored again with Keycloak's own hashing")
                    .isEqualTo("argon2");
            assertThat(attribute(user, "legacy_weak_password_hash"))
                    .isEqualTo(username.equals(LegacyFixtures.MD5) ? "md5" : null);
        }

        @Test
        void thenTheSecondLoginIsTheSameUserAndImportsNothingAgain() {
            JWTClaimsSet first = login(LegacyFixtures.REPEAT);
            String importedAt = attribute(onlyUser(LegacyFixtures.REPEAT), "legacy_imported_at");

            JWTClaimsSet second = login(LegacyFixtures.REPEAT);

            assertThat(second.getSubject()).isEqualTo(first.getSubject());
            assertThat(attribute(onlyUser(LegacyFixtures.REPEAT), "legacy_imported_at")).isEqualTo(importedAt);
        }

        @Test
        void thenAWrongPasswordIsRefusedAndImportsNothing() {
            PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal")
                    .submitPassword(LegacyFixtures.WRONG_PASSWORD, "Wrong@123");

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().body()).contains("kc-form-login", "input-error");
            assertThat(users(LegacyFixtures.WRONG_PASSWORD)).isEmpty();
            assertThat(claim(login(LegacyFixtures.WRONG_PASSWORD), "preferred_username"))
                    .as("the right password still works afterwards").isEqualTo(LegacyFixtures.WRONG_PASSWORD);
        }

        @Test
        void thenPortalsGetTheCccdOnlyOnceItIsVerified() {
            assertThat(claim(login(LegacyFixtures.VERIFIED), "cccd")).isEqualTo(LegacyFixtures.VERIFIED_CCCD);
            assertThat(claim(login(LegacyFixtures.UNVERIFIED), "cccd")).as("an unverified CCCD stays inside").isNull();
        }

        @Test
        void thenALockedAccountCannotLogIn() {
            PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal")
                    .submitPassword(LegacyFixtures.LOCKED, PASSWORD);

            assertThat(refused.callback()).isEmpty();
            assertThat(users(LegacyFixtures.LOCKED)).isEmpty();
        }
    }

    @Nested
    class GivenABadLegacyRow {

        @ParameterizedTest(name = "{0} is skipped: {1}")
        @CsvSource({
            LegacyFixtures.UNKNOWN_ALGORITHM + ", unknown-password-algorithm",
            LegacyFixtures.MALFORMED_CCCD + ", malformed-cccd",
            LegacyFixtures.DUPLICATE + ", duplicate-username"})
        void thenNobodyLogsInWithItAndTheOperatorIsTold(String username, String problem) {
            PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal").submitPassword(username, PASSWORD);

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().statusCode()).as("a clear form, not a crash").isEqualTo(200);
            assertThat(refused.page().body()).contains("kc-form-login");
            assertThat(users(username)).isEmpty();
            assertThat(invalidAccountEvents()).anySatisfy(event ->
                    assertThat(event.path("details").path("legacy_problem").asText()).isEqualTo(problem));
        }
    }

    @Nested
    class GivenSomeoneGuessingAPortalAccountsPasswordBeyondTheCaptcha {

        @Test
        void thenTheFifthWrongPasswordLocksTheAccountAndEvenTheRightOneIsRefused() throws Exception {
            String username = LegacyFixtures.LOCKOUT;
            // the captcha off: a guesser who solves every picture
            Runnable captchaBack = BruteForce.captchaOff(admin);
            try {
                for (int attempt = 1; attempt <= 5; attempt++) {
                    if (attempt > 1) {
                        // slower than Keycloak's quick-login check (1 s), so only the number of failures counts
                        Thread.sleep(1_200);
                    }
                    PortalLogin.Outcome wrong = new PortalLogin(keycloak, "dvcqg-portal")
                            .submitPassword(username, "Wrong@" + attempt);
                    assertThat(wrong.callback()).isEmpty();
                    assertThat(wrong.page().body()).as("no captcha asked").doesNotContain("vneid-captcha-image");
                    if (attempt == 4) {
                        JsonNode four = BruteForce.status(admin, failedUserId(username), status -> status.path("numFailures").asInt() >= 4);
                        assertThat(four.path("disabled").asBoolean()).as("not locked after four: " + four).isFalse();
                    }
                }
                String userId = failedUserId(username);
                JsonNode locked = BruteForce.status(admin, userId, status -> status.path("disabled").asBoolean());
                assertThat(locked.path("disabled").asBoolean()).as("locked after five: " + locked).isTrue();

                PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal").submitPassword(username, PASSWORD);

                assertThat(refused.callback()).as("the right password, on a locked account").isEmpty();
                assertThat(refused.page().body()).contains("kc-form-login");
                assertThat(users(username)).as("nor imported").isEmpty();
                assertThat(loginErrors(username)).as("Keycloak's brute-force detection refused it")
                        .anyMatch(event -> "user_temporarily_disabled".equals(event.path("error").asText()));

                // the lock alone refused it: once an operator lifts it, the same password logs in
                HttpResponse<String> lifted = admin.send("DELETE", "/admin/realms/dvc/attack-detection/brute-force/users/"
                        + URLEncoder.encode(userId, StandardCharsets.UTF_8), null);
                assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(204);
                assertThat(claim(login(username), "preferred_username")).isEqualTo(username);
            } finally {
                captchaBack.run();
            }
        }

        /** The user id Keycloak's failed logins of this username were counted for (not imported: the federated id). */
        private String failedUserId(String username) {
            return loginErrors(username).stream().map(event -> event.path("userId").asText(""))
                    .filter(id -> !id.isEmpty()).findFirst()
                    .orElseThrow(() -> new AssertionError("no failed login of " + username + " with a user"));
        }
    }

    @Nested
    class GivenTheAdminConsole {

        @Test
        void thenTheProviderIsAUserFederationProviderOfRealmDvc() {
            JsonNode components = admin.get("/admin/realms/dvc/components?type=org.keycloak.storage.UserStorageProvider");

            assertThat(components.findValuesAsText("providerId")).contains("vneid-legacy-accounts");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({"queryTimeoutMillis, soon", "queryTimeoutMillis, 999999", "persistenceUnit, no-such-datasource",
                "accountTypes, ALIENS"})
        void thenNonsenseSettingsAreRefused(String setting, String value) {
            String realmId = admin.get("/admin/realms/dvc").get("id").asText();
            HttpResponse<String> response = admin.send("POST", "/admin/realms/dvc/components", Map.of(
                    "name", "nonsense", "providerId", "vneid-legacy-accounts",
                    "providerType", "org.keycloak.storage.UserStorageProvider", "parentId", realmId,
                    "config", Map.of(setting, List.of(value))));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        }
    }

    JWTClaimsSet login(String username) {
        return new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(username, PASSWORD);
    }

    List<JsonNode> users(String username) {
        List<JsonNode> found = new ArrayList<>();
        admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username)
                .forEach(found::add);
        return found;
    }

    JsonNode onlyUser(String username) {
        List<JsonNode> found = users(username);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** The failed logins (LOGIN_ERROR events) where this username was typed, newest first. */
    List<JsonNode> loginErrors(String username) {
        return BruteForce.loginErrors(admin, username);
    }

    List<JsonNode> invalidAccountEvents() {
        List<JsonNode> events = new ArrayList<>();
        admin.get("/admin/realms/dvc/events?type=LOGIN_ERROR&max=200").forEach(event -> {
            if ("legacy_account_invalid".equals(event.path("error").asText())) {
                events.add(event);
            }
        });
        return events;
    }

    String passwordAlgorithm(JsonNode user) {
        for (JsonNode credential : admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                String data = credential.path("credentialData").asText();
                return data.replaceAll(".*\"algorithm\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            }
        }
        return null;
    }

    static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }
}
