package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.LegacyFixtures.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
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
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * A legacy account whose name the old portal stored without diacritics ("TO THI NGA") and the CCCD check's setting
 * {@code nameComparison}: {@code exact} (the default) refuses it as a mismatch, {@code unaccented-legacy-names} lets
 * it match its holder's record — the birth date and gender still compared.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyNamesWithoutDiacriticsIT {

    private AdminApi admin;
    private KeycloakServer keycloak;
    private CitizenAccounts accounts;
    private String configId;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.accounts = new CitizenAccounts(admin);
        for (JsonNode execution : admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")) {
            if ("vneid-cccd-check".equals(execution.path("providerId").asText())) {
                configId = execution.path("authenticationConfig").asText();
            }
        }
        assertThat(configId).isNotBlank();
    }

    @AfterEach
    void exactAgain() {
        nameComparison("exact");
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
    }

    private void nameComparison(String value) {
        JsonNode config = admin.get("/admin/realms/dvc/authentication/config/" + configId);
        Map<String, Object> values = new HashMap<>();
        config.path("config").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        values.put("nameComparison", value);
        HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/authentication/config/" + configId,
                Map.of("id", configId, "alias", config.path("alias").asText(), "config", values));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    /** The person's name as a legacy portal stored it: upper case, no diacritics, Đ as D. */
    private static String withoutDiacritics(String name) {
        String stripped = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return stripped.toUpperCase(Locale.ROOT);
    }

    private PortalLogin.Outcome cccdSubmitted(String username, String cccd) {
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin.Outcome form = login.submitPassword(username, PASSWORD);
        assertThat(form.page().body()).contains("vneid-cccd-form");
        return login.submitCccd(form, cccd);
    }

    @Nested
    class GivenTheExactComparison {

        @Test
        void thenTheUnaccentedLegacyNameIsAMismatchAndNothingIsStored() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(170);
            String username = accounts.create("it-ascii", person,
                    Map.of("full_name", withoutDiacritics(person.fullName())));

            PortalLogin.Outcome refused = cccdSubmitted(username, person.cccd());

            assertThat(Jsoup.parse(refused.page().body()).text()).contains("không khớp");
            assertThat(CitizenAccounts.attribute(accounts.user(username), "cccd_verified")).isNull();
        }
    }

    @Nested
    class GivenUnaccentedLegacyNames {

        @Test
        void thenItsHoldersNumberIsVerifiedWhileAnotherBirthDateStillIsAMismatch() {
            nameComparison("unaccented-legacy-names");
            SyntheticPerson person = LegacyFixtures.syntheticPerson(169);
            String username = accounts.create("it-ascii", person,
                    Map.of("full_name", withoutDiacritics(person.fullName())));
            String older = accounts.create("it-ascii-other", person, Map.of(
                    "full_name", withoutDiacritics(person.fullName()),
                    // another day of the same year: the number's birth-year digits still agree
                    "birthdate", (person.birthDate().getDayOfYear() > 1 ? person.birthDate().minusDays(1)
                            : person.birthDate().plusDays(1)).toString()));

            PortalLogin.Outcome verified = cccdSubmitted(username, person.cccd());
            PortalLogin.Outcome namesake = cccdSubmitted(older, person.cccd());

            assertThat(verified.page().body()).doesNotContain("vneid-cccd-form");
            assertThat(CitizenAccounts.attribute(accounts.user(username), "cccd_verified")).isEqualTo("true");
            assertThat(CitizenAccounts.attribute(accounts.user(username), "full_name"))
                    .as("the account keeps its name").isEqualTo(withoutDiacritics(person.fullName()));
            assertThat(Jsoup.parse(namesake.page().body()).text()).contains("không khớp");
            assertThat(CitizenAccounts.attribute(accounts.user(older), "cccd_verified")).isNull();
        }
    }
}
