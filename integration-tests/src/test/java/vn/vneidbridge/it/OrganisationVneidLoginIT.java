package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * VNeID's organisation account of Công ty TNHH ABC (the stand-in's user {@code 0312345673}: the tax code, the OTP to
 * its legal representative's phone) and the portal account {@code congtyabc}: the organisation's VNeID account links
 * only to the one organisation account holding its tax code verified, after that account proved the code against
 * the business registry, shown before it is linked; a person's VNeID never links to it, nor it to a person's account.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationVneidLoginIT {

    private static final String ABC = "0312345673";
    private static final String COMPANY = LegacyPersonas.CONGTYABC;
    private static final String IDP = "/admin/realms/dvc/identity-provider/instances/vneid";
    private static final String CONFIRM_FORM = "#vneid-link-confirm-form";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private CitizenAccounts citizens;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.citizens = new CitizenAccounts(admin);
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    /**
     * The test's own organisation account under Công ty TNHH ABC's name, holding its code as an old portal would: the
     * tax-code check allows 5 attempts per account in 15 minutes, and congtyabc keeps its id when brought in again.
     */
    private String account;
    private final List<String> accounts = new java.util.ArrayList<>();

    @BeforeEach
    void freshAccounts() {
        congtyabcAsSeeded();
        account = organisationNamedAbc();
    }

    @AfterEach
    void congtyabcAsSeeded() {
        VneidUsers.deleteAccounts(admin, COMPANY);
        VneidUsers.deleteCreatedForOrganisation(admin, ABC);
        citizens.deleteAll();
        accounts.forEach(id -> admin.send("DELETE", "/admin/realms/dvc/users/" + id, null));
        accounts.clear();
    }

    /** A new organisation account named "Công ty TNHH ABC", holding 0312345673 unverified; its username. */
    private String organisationNamedAbc() {
        String username = "it-org-abc-" + PortalLogin.random(4).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]", "x");
        accounts.add(admin.createUser("dvc", username, LegacyFixtures.PASSWORD, Map.of(
                "firstName", "Công ty TNHH ABC", "attributes", Map.of(
                        "full_name", List.of("Công ty TNHH ABC"), "legacy_account_type", List.of("ORGANISATION"),
                        "tax_code", List.of(ABC)))));
        return username;
    }

    private JsonNode user(String username) {
        return admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username).get(0);
    }

    private JsonNode company() {
        return admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + COMPANY).get(0);
    }

    private List<String> links(JsonNode user) {
        return admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/federated-identity")
                .findValuesAsText("identityProvider");
    }

    /** The account's portal password and its tax code, matched by the business registry; where it lands. */
    private PortalLogin.Outcome matchedByItsPortalPassword(PortalLogin login, String username) {
        PortalLogin.Outcome form = login.submitPassword(username, LegacyFixtures.PASSWORD);
        assertThat(PortalLogin.isTaxCodeForm(form)).as(form.page().body()).isTrue();
        assertThat(Jsoup.parse(form.page().body()).selectFirst("#tax_code").attr("value"))
                .as("the code the legacy portal held").isEqualTo(ABC);
        return login.submitTaxCode(form, ABC);
    }

    @Nested
    class GivenAnOrganisationAccountAfterTheRegistryMatchedItsTaxCode {

        @Test
        void thenTheNoticeLinksItsVneidOrganisationAccountAndVneidThenLogsIntoTheSameAccount() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = matchedByItsPortalPassword(login, account);

            JWTClaimsSet linked = login.finish(login.linkWithVneid(notice, ABC, VneidStandIn.PASSWORD,
                    VneidStandIn.OTP));

            assertThat(linked.getClaim("preferred_username")).isEqualTo(account);
            assertThat(links(user(account))).containsExactly("vneid");
            assertThat(CitizenAccounts.attribute(user(account), "tax_code_verified")).isEqualTo("true");
            assertThat(CitizenAccounts.attribute(user(account), "tax_code_verified_source")).isEqualTo("vneid");
            assertThat(CitizenAccounts.attribute(user(account), "phone_number")).as("not the representative's phone")
                    .isNotEqualTo("0986050588");
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet again = vneid.finish(vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()));
            assertThat(again.getSubject()).as("the same account through VNeID").isEqualTo(linked.getSubject());
            assertThat(again.getClaim("tax_code")).isEqualTo(ABC);
            assertThat(again.getClaim("account_type")).isEqualTo("ORGANISATION");
            assertThat(again.getClaim("vneid_level")).isEqualTo("2");
            assertThat(again.getClaim("cccd")).isNull();
            assertThat(VneidUsers.createdForOrganisation(admin, ABC)).isEmpty();
        }

        @Test
        void thenItsFirstVneidLoginAsksTheAccountsPasswordBeforeLinkingIt() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            String subject = login.finish(login.skipLinkNoticeIfShown(matchedByItsPortalPassword(login, account)))
                    .getSubject();

            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

            // a registry match proves nothing (a code and a name are public): never shown as the organisation's
            assertThat(PortalLogin.isShownAccount(asked)).isFalse();
            assertThat(asked.page().body()).as(asked.page().body()).contains(CONFIRM_FORM.substring(1));
            assertThat(links(user(account))).as("nothing linked before the password").isEmpty();
            JWTClaimsSet claims = vneid.finish(vneid.follow(vneid.web.submit(asked.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "username", account, "password", LegacyFixtures.PASSWORD))));
            assertThat(claims.getSubject()).isEqualTo(subject);
            assertThat(links(user(account))).containsExactly("vneid");
            assertThat(admin.get("/admin/realms/dvc/events?type=FEDERATED_IDENTITY_LINK&user=" + subject))
                    .anySatisfy(event -> assertThat(event.path("details").path("link_method").asText())
                            .isEqualTo("password_and_registry"));
        }

        @Test
        void thenNotOursCreatesTheOrganisationsOwnUserAndLinksNothingElse() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            login.finish(login.skipLinkNoticeIfShown(matchedByItsPortalPassword(login, account)));

            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            JWTClaimsSet claims = vneid.finish(vneid.follow(vneid.web.submit(asked.page(), CONFIRM_FORM,
                    Map.of("action", "decline"))));

            List<JsonNode> own = VneidUsers.createdForOrganisation(admin, ABC);
            assertThat(own).hasSize(1);
            assertThat(claims.getSubject()).isEqualTo(own.get(0).get("id").asText());
            assertThat(CitizenAccounts.attribute(own.get(0), "tax_code_verified_source")).isEqualTo("vneid");
            assertThat(links(user(account))).isEmpty();
            assertThat(CitizenAccounts.attribute(user(account), "tax_code_verified")).isNull();
        }
    }

    @Nested
    class GivenAnImpostorAccountUnderTheOrganisationsNameThatMatchedTheRegistryToo {

        private final List<String> impostors = new java.util.ArrayList<>();

        @AfterEach
        void deleteIt() {
            impostors.forEach(id -> admin.send("DELETE", "/admin/realms/dvc/users/" + id, null));
        }

        @Test
        void thenTheOrganisationsVneidLoginLinksOnlyTheAccountWhosePasswordItGives() {
            String impostor = "it-org-abc-" + PortalLogin.random(4).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]", "x");
            impostors.add(admin.createUser("dvc", impostor, LegacyFixtures.PASSWORD, Map.of(
                    "firstName", "Công ty TNHH ABC", "attributes", Map.of(
                            "full_name", List.of("Công ty TNHH ABC"), "legacy_account_type", List.of("ORGANISATION")))));
            PortalLogin theirs = new PortalLogin(keycloak, "dvcqg-portal");
            theirs.finish(theirs.skipLinkNoticeIfShown(theirs.submitTaxCode(
                    theirs.submitPassword(impostor, LegacyFixtures.PASSWORD), ABC)));
            PortalLogin ours = new PortalLogin(keycloak, "dvcqg-portal");
            String subject = ours.finish(ours.skipLinkNoticeIfShown(matchedByItsPortalPassword(ours, account)))
                    .getSubject();

            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

            assertThat(PortalLogin.isShownAccount(asked)).as("no account shown on a match alone").isFalse();
            JWTClaimsSet claims = vneid.finish(vneid.follow(vneid.web.submit(asked.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "username", account, "password", LegacyFixtures.PASSWORD))));
            assertThat(claims.getSubject()).isEqualTo(subject);
            assertThat(admin.get("/admin/realms/dvc/users/" + impostors.get(0) + "/federated-identity")).isEmpty();
        }
    }

    @Nested
    class GivenCongtyabcHoldingTheCodeOnlyAsItsOldPortalHadIt {

        @Test
        void thenTheOrganisationsVneidLoginAsksItsPasswordChecksTheRegistryAndLinksIt() {
            // a staff member skipped the tax-code form: the code is the old portal's word, nobody proved it
            String company = new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(COMPANY, LegacyPersonas.PASSWORD)
                    .getSubject();
            assertThat(CitizenAccounts.attribute(company(), "tax_code")).isEqualTo(ABC);

            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

            assertThat(PortalLogin.isShownAccount(asked)).as("an unproven code is never shown as verified").isFalse();
            assertThat(asked.page().body()).as(asked.page().body()).contains(CONFIRM_FORM.substring(1));
            assertThat(links(company())).isEmpty();
            PortalLogin.Outcome wrong = vneid.follow(vneid.web.submit(asked.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "username", COMPANY, "password", "not-" + LegacyPersonas.PASSWORD)));
            assertThat(links(company())).as("a wrong password links nothing").isEmpty();
            JWTClaimsSet claims = vneid.finish(vneid.follow(vneid.web.submit(wrong.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "username", COMPANY, "password", LegacyPersonas.PASSWORD))));
            assertThat(claims.getSubject()).isEqualTo(company);
            assertThat(links(company())).containsExactly("vneid");
            assertThat(CitizenAccounts.attribute(company(), "tax_code_verified")).isEqualTo("true");
            assertThat(VneidUsers.createdForOrganisation(admin, ABC)).isEmpty();
        }
    }

    @Nested
    class GivenCongtyabcNotLoggedIntoSinceTheMigration {

        @Test
        void thenTheOrganisationsVneidLoginFindsItsLegacyRowByTheCodeAndLinksItAfterItsPassword() {
            // nothing of congtyabc in Keycloak: only the legacy row, with the code its old portal held
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome asked = vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

            assertThat(asked.page().body()).as(asked.page().body()).contains(CONFIRM_FORM.substring(1));
            JWTClaimsSet claims = vneid.finish(vneid.follow(vneid.web.submit(asked.page(), CONFIRM_FORM,
                    Map.of("action", "confirm", "username", COMPANY, "password", LegacyPersonas.PASSWORD))));
            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.CONGTYABC_ID);
            assertThat(claims.getClaim("tax_code")).isEqualTo(ABC);
            assertThat(links(company())).containsExactly("vneid");
            assertThat(VneidUsers.createdForOrganisation(admin, ABC)).as("no second organisation user").isEmpty();
        }
    }

    @Nested
    class GivenAnOrganisationNoPortalAccountHolds {

        private static final String DEF = "0100112437";

        @AfterEach
        void forgetIt() {
            VneidUsers.deleteCreatedForOrganisation(admin, DEF);
        }

        @Test
        void thenItsFirstVneidLoginCreatesItsOwnUserNamedByNoNumber() {
            VneidStandIn.organisation(admin, DEF, "Công ty Cổ phần Dịch vụ DEF", "0912000111");
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");

            JWTClaimsSet claims = vneid.finish(vneid.vneidLogin(DEF, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                    Map.of()));

            List<JsonNode> own = VneidUsers.createdForOrganisation(admin, DEF);
            assertThat(own).hasSize(1);
            assertThat(claims.getSubject()).isEqualTo(own.get(0).get("id").asText());
            assertThat(claims.getClaim("account_type")).isEqualTo("ORGANISATION");
            assertThat(claims.getClaim("tax_code")).isEqualTo(DEF);
            assertThat(claims.getClaim("organisation_name")).isEqualTo("Công ty Cổ phần Dịch vụ DEF");
            assertThat(claims.getClaim("cccd")).isNull();
            assertThat(own.get(0).path("username").asText()).startsWith("vneid-").doesNotContain(DEF);
            assertThat(CitizenAccounts.attribute(own.get(0), "tax_code_verified_source")).isEqualTo("vneid");

            PortalLogin again = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(again.finish(again.vneidLogin(DEF, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()))
                    .getSubject()).as("the next login lands on the same user").isEqualTo(claims.getSubject());
        }
    }

    @Nested
    class GivenThePartnerApi {

        @AfterEach
        void backToOidc() {
            VneidProtocol.use(admin, VneidProtocol.OIDC);
        }

        @Test
        void thenTheOrganisationsAccountTypeComesThroughTheEncryptedUserinfoAndTheNoticeLinksIt() {
            VneidProtocol.use(admin, VneidProtocol.PARTNER_API);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = matchedByItsPortalPassword(login, account);

            JWTClaimsSet linked = login.finish(login.linkWithVneid(notice, ABC, VneidStandIn.PASSWORD,
                    VneidStandIn.OTP));

            assertThat(links(user(account))).containsExactly("vneid");
            JsonNode link = admin.get("/admin/realms/dvc/users/" + user(account).get("id").asText()
                    + "/federated-identity").get(0);
            assertThat(link.path("userId").asText()).as("the partner subject: a keyed digest, not the code")
                    .startsWith("pid-").doesNotContain(ABC);
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet again = vneid.finish(vneid.vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()));
            assertThat(again.getSubject()).isEqualTo(linked.getSubject());
            assertThat(again.getClaim("tax_code")).isEqualTo(ABC);
        }
    }

    @Nested
    class GivenAPersonsAccountWithAVerifiedCccd {

        @Test
        void thenTheOrganisationsVneidAccountIsRefusedOnItsNoticeAndNothingIsLinked() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(174);
            String citizen = citizens.create("it-orgvneid", person,
                    Map.of("cccd", person.cccd(), "cccd_verified", "true"));
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome notice = login.submitPassword(citizen, LegacyFixtures.PASSWORD);

            PortalLogin.Outcome refused = login.linkWithVneid(notice, ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP);

            assertThat(refused.callback()).isEmpty();
            assertThat(citizens.links(citizen)).isEmpty();
            assertThat(VneidUsers.createdForOrganisation(admin, ABC)).isEmpty();
        }
    }

    @Nested
    class GivenARealmThatDoesNotAcceptOrganisations {

        @AfterEach
        void acceptAgain() {
            acceptOrganisations("true");
        }

        @SuppressWarnings("unchecked")
        private void acceptOrganisations(String value) {
            JsonNode idp = admin.get(IDP);
            ((ObjectNode) idp.get("config")).put("acceptOrganisations", value);
            HttpResponse<String> saved = admin.send("PUT", IDP, new ObjectMapper().convertValue(idp, Map.class));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        }

        @Test
        void thenTheOrganisationsVneidLoginIsRefusedWithCheckO0AndNothingIsCreated() {
            acceptOrganisations("false");

            PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal")
                    .vneidLogin(ABC, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("VNeID-O0");
            assertThat(VneidUsers.createdForOrganisation(admin, ABC)).isEmpty();
        }
    }
}
