package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.LegacyFixtures.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
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
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;

/**
 * An organisation's portal account (type ORGANISATION) that holds its legal representative's CCCD, verified: it is
 * the company's, identified by its tax code, not the representative's. The representative's own (personal) VNeID
 * login is never shown it nor linked to it, by either way a VNeID login links (the first VNeID login, Keycloak's
 * account linking after the portal password); and its portal-account login is not asked for a person's id number.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationAccountsIT {

    private static final String COMPANY = LegacyFixtures.ORGANISATION_OF_REPRESENTATIVE;

    private KeycloakServer keycloak;
    private AdminApi admin;
    private String representative;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        representative = VneidStandIn.account(admin, LegacyFixtures.person(COMPANY), 2);
    }

    @AfterAll
    void forgetTheRepresentativesUser() {
        VneidUsers.deleteCreatedFor(admin, representative);
    }

    private void assertTheCompanyIsLinkedToNoVneid() {
        for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + COMPANY)) {
            assertThat(admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/federated-identity"))
                    .as("the company account's links").isEmpty();
        }
    }

    @Nested
    class GivenItsRepresentativesFirstVneidLogin {

        @Test
        void thenTheCompanyAccountIsNeitherShownNorLinkedAndThePersonGetsTheirOwnUser() {
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome outcome = vneid.vneidLogin(representative, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of());

            assertThat(PortalLogin.isShownAccount(outcome)).as("an account shown to the representative").isFalse();
            assertThat(outcome.page().body()).doesNotContain(COMPANY);
            JWTClaimsSet claims = vneid.finish(outcome);
            assertThat(claims.getClaim("legacy_account_id")).as("a portal account reached").isNull();
            assertThat(claims.getSubject()).isEqualTo(VneidUsers.createdFor(admin, representative).get(0)
                    .get("id").asText());
            assertTheCompanyIsLinkedToNoVneid();
        }
    }

    @Nested
    class GivenTheCompanyAccountAlreadyInKeycloak {

        @Test
        void thenTheRepresentativesVneidLoginStillReachesTheirOwnUser() {
            // a staff member's password login brings the company in, its representative's CCCD verified on it
            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(COMPANY, PASSWORD);
            String company = admin.get("/admin/realms/dvc/users?exact=true&username=" + COMPANY).get(0).get("id")
                    .asText();

            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = vneid.vneidLogin(representative, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of());

            assertThat(PortalLogin.isShownAccount(outcome)).isFalse();
            JWTClaimsSet claims = vneid.finish(outcome);
            assertThat(claims.getSubject()).as("not refused as 'verified on another account', not the company")
                    .isNotEqualTo(company)
                    .isEqualTo(VneidUsers.createdFor(admin, representative).get(0).get("id").asText());
            assertTheCompanyIsLinkedToNoVneid();
        }
    }

    @Nested
    class GivenItsStaffLoggingInWithThePortalPassword {

        @Test
        void thenNoFormAsksForAPersonsIdNumberAndNoNoticeSendsThemToAPersonalVneid() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome outcome = login.submitPassword(COMPANY, PASSWORD);

            // the organisation is asked for its tax code (it has none verified), never for a person's id number
            assertThat(PortalLogin.isTaxCodeForm(outcome)).as("the tax-code form; Keycloak showed:\n"
                    + outcome.page().body()).isTrue();
            assertThat(outcome.page().body()).doesNotContain("vneid-cccd-form");
            PortalLogin.Outcome skipped = login.skipTaxCodeFormIfShown(outcome);
            assertThat(skipped.callback()).as("back to the portal, with no notice; Keycloak showed:\n"
                    + skipped.page().body()).isPresent();
        }

        @Test
        void thenKeycloaksAccountLinkingRefusesTheRepresentativesPersonalVneid() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            HttpResponse<String> form = login.open(Map.of("kc_action", "idp_link:vneid"));
            PortalLogin.Outcome notice = login.skipTaxCodeFormIfShown(login.submitPasswordOn(form, COMPANY, PASSWORD));

            PortalLogin.Outcome refused = login.linkWithVneid(notice, representative, VneidStandIn.PASSWORD,
                    VneidStandIn.OTP);

            assertThat(refused.callback()).as("linked and back at the portal").isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("đây là tài khoản của tổ chức, doanh nghiệp");
            assertTheCompanyIsLinkedToNoVneid();
        }
    }
}
