package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.LegacyFixtures.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * "Sửa" on the identity page "Thông tin định danh": the citizen changes what the realm's user profile lets them
 * change — the e-mail and the phone, each checked — and nothing verified, whatever a forged form says; the profile
 * decides, not the page.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityPageEditIT {

    private static final String FORM = "#vneid-identity-edit-form";

    private KeycloakServer keycloak;
    private CitizenAccounts accounts;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.accounts = new CitizenAccounts(admin);
    }

    @AfterAll
    void deleteAccounts() {
        accounts.deleteAll();
    }

    /** A citizen whose CCCD VNeID verified, and whose phone is the one VNeID vouched for. */
    private String citizen(SyntheticPerson person) {
        return accounts.create("it-edit", person, Map.of("cccd", person.cccd(), "cccd_verified", "true",
                "phone_number", person.phone(), "phone_number_vneid", person.phone()));
    }

    /** The identity page after the account's password login, with its "Sửa" form opened. */
    private HttpResponse<String> editForm(PortalLogin login, String username) {
        login.finish(login.skipLinkNoticeIfShown(login.submitPassword(username, PASSWORD)));
        PortalLogin identity = new PortalLogin(keycloak, "dvcqg-portal", login.web);
        Map<String, String> params = identity.parameters();
        params.put("kc_action", "vneid-identity-info");
        HttpResponse<String> page = identity.web.followWithin(identity.web.get(identity.authorizationUri(params)),
                keycloak.baseUri());
        assertThat(Jsoup.parse(page.body()).selectFirst("#vneid-identity-edit")).as(page.body()).isNotNull();
        HttpResponse<String> edit = identity.web.followWithin(identity.web.submit(page, "#vneid-identity-form",
                Map.of("action", "edit")), keycloak.baseUri());
        assertThat(Jsoup.parse(edit.body()).selectFirst(FORM)).as(edit.body()).isNotNull();
        return edit;
    }

    private static String cell(Document page, String field, String column) {
        return page.select("#vneid-identity tr[data-field=" + field + "] ." + column).text();
    }

    @Nested
    class GivenACitizenEditingHerContactDetails {

        @Test
        void thenTheEmailAndPhoneChangeAndThePhoneIsNoLongerMarkedAsVneids() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(173);
            String username = citizen(person);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> edit = editForm(login, username);
            assertThat(cell(Jsoup.parse(edit.body()), "vneidIdentityPhone", "vneid-verified")).isEqualTo("✓");

            HttpResponse<String> saved = login.web.followWithin(login.web.submit(edit, FORM, Map.of(
                    "action", "edit-save", "email", username + "@moi.example.vn", "phone_number", "0912000222")),
                    keycloak.baseUri());

            Document page = Jsoup.parse(saved.body());
            assertThat(page.text()).contains("Đã lưu thông tin liên hệ");
            assertThat(cell(page, "vneidIdentityPhone", "vneid-value")).isEqualTo("0912000222");
            assertThat(cell(page, "vneidIdentityPhone", "vneid-verified")).as("not the number VNeID vouched for")
                    .isEqualTo("✗");
            assertThat(cell(page, "vneidIdentityEmail", "vneid-value")).isEqualTo(username + "@moi.example.vn");
            JsonNode user = accounts.user(username);
            assertThat(CitizenAccounts.attribute(user, "phone_number")).isEqualTo("0912000222");
            assertThat(user.path("email").asText()).isEqualTo(username + "@moi.example.vn");
        }

        @Test
        void thenAPhoneThatIsNoPhoneNumberIsRefusedInVietnameseAndNothingChanges() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(172);
            String username = citizen(person);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> edit = editForm(login, username);

            HttpResponse<String> refused = login.web.followWithin(login.web.submit(edit, FORM, Map.of(
                    "action", "edit-save", "phone_number", "<b>12345</b>")), keycloak.baseUri());

            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst(FORM)).as("the form again").isNotNull();
            assertThat(page.text()).contains("Số điện thoại không hợp lệ");
            assertThat(refused.body()).doesNotContain("<b>12345</b>");
            assertThat(CitizenAccounts.attribute(accounts.user(username), "phone_number")).isEqualTo(person.phone());
        }
    }

    @Nested
    class GivenAForgedEditForm {

        @Test
        void thenNoVerifiedFieldChangesWhateverItSays() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(171);
            String username = citizen(person);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> edit = editForm(login, username);
            Map<String, String> forged = new LinkedHashMap<>();
            forged.put("action", "edit-save");
            forged.put("phone_number", "0912000333");
            forged.put("cccd", LegacyFixtures.stranger().cccd());
            forged.put("cccd_verified", "false");
            forged.put("full_name", "Kẻ Mạo Danh");
            forged.put("birthdate", "2000-01-01");
            forged.put("gender", "male".equals(CitizenAccounts.attribute(accounts.user(username), "gender"))
                    ? "female" : "male");
            forged.put("tax_code_verified", "true");
            forged.put("username", "someone-else");

            HttpResponse<String> refused = login.web.followWithin(login.web.submit(edit, FORM, forged),
                    keycloak.baseUri());

            // the user profile refuses a form that changes what the citizen may not change: nothing is written
            assertThat(Jsoup.parse(refused.body()).selectFirst(FORM)).as(refused.body()).isNotNull();
            JsonNode user = accounts.user(username);
            assertThat(CitizenAccounts.attribute(user, "phone_number")).as("not even what the citizen may change")
                    .isEqualTo(person.phone());
            assertThat(CitizenAccounts.attribute(user, "cccd")).isEqualTo(person.cccd());
            assertThat(CitizenAccounts.attribute(user, "cccd_verified")).isEqualTo("true");
            assertThat(CitizenAccounts.attribute(user, "full_name")).isEqualTo(person.fullName());
            assertThat(CitizenAccounts.attribute(user, "birthdate")).isEqualTo(person.birthDate().toString());
            assertThat(CitizenAccounts.attribute(user, "tax_code_verified")).isNull();
            assertThat(user.path("username").asText()).isEqualTo(username);
        }
    }
}
