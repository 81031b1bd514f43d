package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;

/**
 * A wrong password on the portal-account form costs the same password hashing whoever the username is — unknown,
 * a legacy row of any hash format, a locked or unusable row, an imported account, a Keycloak user without a
 * password — so that the time of the answer tells an attacker neither that the username exists nor how its row was
 * hashed. The work is counted, never timed: from outside, on Keycloak's {@code /metrics}, as the bridge's
 * {@code vneid_bridge_password_hash_work_total{kind}} plus Keycloak's own
 * {@code keycloak_credentials_password_hashing_validations_total} (its check of a password stored in Keycloak).
 * Every one of them must be exactly one hash at the realm's password policy and one slow legacy hash.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordHashWorkIT {

    private static final String WRONG = "Wrong@123";
    private static final String UNKNOWN = "it.hashwork.nobody";
    private static final String WITHOUT_PASSWORD = "it.hashwork.nopassword";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private String withoutPasswordId;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(LegacyFixtures.HASHWORK_IMPORTED, LegacyFixtures.PASSWORD);
        HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/users",
                Map.of("username", WITHOUT_PASSWORD, "enabled", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        withoutPasswordId = location.substring(location.lastIndexOf('/') + 1);
    }

    @AfterAll
    void removeTheUserWithoutPassword() {
        admin.deleteUser("dvc", withoutPasswordId);
    }

    @Nested
    class GivenAWrongPassword {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {UNKNOWN, LegacyFixtures.HASHWORK_BCRYPT, LegacyFixtures.HASHWORK_PBKDF2,
                LegacyFixtures.HASHWORK_SHA256, LegacyFixtures.HASHWORK_MD5, LegacyFixtures.HASHWORK_LOCKED,
                LegacyFixtures.HASHWORK_UNKNOWN_FORMAT, LegacyFixtures.HASHWORK_IMPORTED, WITHOUT_PASSWORD})
        void thenItCostsOneRealmPolicyHashAndOneSlowLegacyHash(String username) {
            Map<String, Double> before = metrics();
            PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal").submitPassword(username, WRONG);
            Map<String, Double> after = metrics();

            assertThat(refused.callback()).isEmpty();
            assertThat(refused.page().body()).as("the password form again, no captcha asked yet")
                    .contains("kc-form-login", "input-error").doesNotContain("name=\"captcha\"");
            long realmPolicy = delta(before, after, hashWork("realm-policy"))
                    + delta(before, after, key -> key.startsWith("keycloak_credentials_password_hashing_validations_total{")
                            && key.contains("realm=\"dvc\""));
            long slowLegacy = delta(before, after, hashWork("bcrypt")) + delta(before, after, hashWork("pbkdf2-sha256"))
                    + delta(before, after, hashWork("legacy-dummy"));
            assertThat(Map.of("realm-policy", realmPolicy, "slow legacy", slowLegacy))
                    .as("hash work of a wrong password for %s", username)
                    .isEqualTo(Map.of("realm-policy", 1L, "slow legacy", 1L));
        }
    }

    @Nested
    class GivenTheRightPassword {

        @Test
        void thenTheImportedAccountStillLogsIn() {
            assertThat(new PortalLogin(keycloak, "dvcqg-portal")
                    .passwordLogin(LegacyFixtures.HASHWORK_IMPORTED, LegacyFixtures.PASSWORD).getClaim("preferred_username"))
                    .isEqualTo(LegacyFixtures.HASHWORK_IMPORTED);
        }
    }

    private static Predicate<String> hashWork(String kind) {
        return key -> key.startsWith("vneid_bridge_password_hash_work_total{") && key.contains("kind=\"" + kind + "\"");
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, Predicate<String> series) {
        double sum = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            if (series.test(entry.getKey())) {
                sum += entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            }
        }
        return Math.round(sum);
    }

    /** The management port's {@code /metrics}: series (name and labels) to value. */
    private Map<String, Double> metrics() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak.managementUri() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Double> series = new HashMap<>();
            for (String line : response.body().split("\n")) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
            return series;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
