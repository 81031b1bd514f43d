package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.it.support.LegacyFixtures.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.CutoffSettings;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.sandbox.BusinessRegistryConnection;

/**
 * The tax-code check after an organisation's portal-account login ("Xác thực mã số thuế của tổ chức"): the code is
 * checked by its own rules, then against the business registry (the sandbox's simulator) under the account's name,
 * before it is stored as verified; what is refused changes nothing and tells nobody whose code it is.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationTaxCodeCheckIT {

    /** Active in the simulator, registered as "CÔNG TY CỔ PHẦN DỊCH VỤ DEF". */
    private static final String DEF = "0100112437";
    private static final String DEF_NAME = "Công ty Cổ phần Dịch vụ DEF";
    /** Active, "CÔNG TY TNHH ABC" (congtyabc's). */
    private static final String ABC = "0312345673";
    /** Registered as "CÔNG TY TNHH XYZ", no longer active (TAM_NGUNG). */
    private static final String XYZ = "0100233488";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private BusinessRegistryConnection registry;
    private final List<String> created = new ArrayList<>();

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, BusinessRegistryConnection registry) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.registry = registry;
    }

    /** Each test's accounts go with it: a code one test verified must not be "taken" in the next. */
    @AfterEach
    void deleteTheAccounts() {
        created.forEach(id -> admin.send("DELETE", "/admin/realms/dvc/users/" + id, null));
        created.clear();
    }

    /** An organisation's portal account (type ORGANISATION) with this name, and the code its old portal held. */
    private String organisation(String name, String heldCode) {
        String username = "it-org-" + PortalLogin.random(6).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("full_name", List.of(name));
        attributes.put("legacy_account_type", List.of("ORGANISATION"));
        if (heldCode != null) {
            attributes.put("tax_code", List.of(heldCode));
        }
        created.add(admin.createUser("dvc", username, PASSWORD, Map.of("firstName", name, "attributes", attributes)));
        return username;
    }

    private JsonNode user(String username) {
        return admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username).get(0);
    }

    private static String text(PortalLogin.Outcome outcome) {
        return Jsoup.parse(outcome.page().body()).text();
    }

    @Nested
    class GivenAnOrganisationAccountWithoutAVerifiedTaxCode {

        @Test
        void thenItsPasswordLoginAsksForTheTaxCodeItsOldPortalHeldAndNeverForAPersonsNumber() {
            String company = organisation(DEF_NAME, DEF);

            PortalLogin.Outcome form = new PortalLogin(keycloak, "dvcqg-portal").submitPassword(company, PASSWORD);

            assertThat(PortalLogin.isTaxCodeForm(form)).as(form.page().body()).isTrue();
            Document page = Jsoup.parse(form.page().body());
            assertThat(page.selectFirst("#tax_code").attr("value")).isEqualTo(DEF);
            assertThat(page.selectFirst("#vneid-organisation-name").attr("value")).isEqualTo(DEF_NAME);
            assertThat(page.text()).contains("Xác thực mã số thuế của tổ chức", "Bỏ qua");
            assertThat(page.selectFirst("#vneid-cccd-form")).isNull();
        }

        @Test
        void thenItsOwnCodeIsMatchedAndTheNoticeOffersVneidButNoPortalGetsTheCodeBeforeVneidVouchesForIt() {
            String company = organisation(DEF_NAME, DEF);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome matched = login.submitTaxCode(login.submitPassword(company, PASSWORD), DEF);

            // matched, not linked: the notice sends the organisation to its VNeID account; it skips it for now
            assertThat(PortalLogin.isLinkNotice(matched)).as(matched.page().body()).isTrue();
            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(matched));
            assertThat(claims.getClaim("account_type")).isEqualTo("ORGANISATION");
            // a code and a registered name are public: the registry's match proves nothing a portal may rely on
            assertThat(claims.getClaim("tax_code")).isNull();
            assertThat(claims.getClaim("organisation_name")).isNull();
            assertThat(claims.getClaim("cccd")).isNull();
            JsonNode account = user(company);
            assertThat(CitizenAccounts.attribute(account, "tax_code")).isEqualTo(DEF);
            assertThat(CitizenAccounts.attribute(account, "tax_code_registry_matched_at")).isNotNull();
            assertThat(CitizenAccounts.attribute(account, "tax_code_verified")).isNull();
            assertThat(admin.get("/admin/realms/dvc/events?type=UPDATE_PROFILE&user=" + account.get("id").asText()))
                    .anySatisfy(event -> assertThat(event.path("details").path("tax_code_registry_match").asText())
                            .isEqualTo("true"));
            // the next login is not asked again
            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(PortalLogin.isTaxCodeForm(next.submitPassword(company, PASSWORD))).isFalse();
        }

        @Test
        void thenAWrongCheckDigitIsExplainedWithoutAskingTheRegistryAndNothingIsStored() {
            String company = organisation(DEF_NAME, null);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(company, PASSWORD);
            long before = registry.simulator().verifications();

            PortalLogin.Outcome refused = login.submitTaxCode(form, "0100112438");

            assertThat(PortalLogin.isTaxCodeForm(refused)).isTrue();
            assertThat(text(refused)).contains("chữ số kiểm tra");
            assertThat(registry.simulator().verifications()).as("calls to the business registry").isEqualTo(before);
            assertThat(CitizenAccounts.attribute(user(company), "tax_code_registry_matched_at")).isNull();
            assertThat(CitizenAccounts.attribute(user(company), "tax_code")).isNull();
        }

        @Test
        void thenAnotherEnterprisesCodeAndAnInactiveEnterpriseGetOneAnswerAndNothingIsStored() {
            String company = organisation(DEF_NAME, DEF);
            String closed = organisation("Công ty TNHH XYZ", null);

            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome someoneElses = login.submitTaxCode(login.submitPassword(company, PASSWORD), ABC);
            PortalLogin other = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome inactive = other.submitTaxCode(other.submitPassword(closed, PASSWORD), XYZ);

            for (PortalLogin.Outcome refused : List.of(someoneElses, inactive)) {
                assertThat(PortalLogin.isTaxCodeForm(refused)).isTrue();
                assertThat(text(refused)).contains("không khớp với Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp")
                        .doesNotContain("CÔNG TY TNHH ABC", "Công ty TNHH ABC", "TAM_NGUNG", "Phạm Minh Đức");
            }
            assertThat(CitizenAccounts.attribute(user(company), "tax_code")).as("the code it held, as it was")
                    .isEqualTo(DEF);
            assertThat(CitizenAccounts.attribute(user(company), "tax_code_registry_matched_at")).isNull();
            assertThat(CitizenAccounts.attribute(user(closed), "tax_code_registry_matched_at")).isNull();
        }

        @Test
        void thenHostileTextIsRefusedAsNoTaxCodeAndShownEscaped() {
            String company = organisation(DEF_NAME, null);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome refused = login.submitTaxCode(login.submitPassword(company, PASSWORD),
                    "<script>alert(1)</script>" + "9".repeat(10_000));

            assertThat(PortalLogin.isTaxCodeForm(refused)).isTrue();
            assertThat(refused.page().body()).doesNotContain("<script>alert(1)</script>");
            assertThat(text(refused)).contains("Mã số thuế chỉ gồm các chữ số");
            assertThat(CitizenAccounts.attribute(user(company), "tax_code_registry_matched_at")).isNull();
        }

        @Test
        void thenSkipGoesOnToThePortalWithNoCodeInTheToken() {
            String company = organisation(DEF_NAME, DEF);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            JWTClaimsSet claims = login.finish(login.skipTaxCodeFormIfShown(login.submitPassword(company, PASSWORD)));

            assertThat(claims.getClaim("account_type")).isEqualTo("ORGANISATION");
            assertThat(claims.getClaim("tax_code")).as("an unverified code is never given").isNull();
        }
    }

    @Nested
    class GivenTheBusinessRegistryNotAnswering {

        @AfterEach
        void answerAgain() {
            registry.simulator().mode("normal");
        }

        @Test
        void thenTheOrganisationIsToldToTryAgainLaterAndNothingIsStored() {
            String company = organisation(DEF_NAME, DEF);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(company, PASSWORD);
            registry.simulator().mode("down");

            PortalLogin.Outcome refused = login.submitTaxCode(form, DEF);

            assertThat(PortalLogin.isTaxCodeForm(refused)).isTrue();
            assertThat(text(refused)).contains("tạm thời không phản hồi");
            assertThat(CitizenAccounts.attribute(user(company), "tax_code_registry_matched_at")).isNull();

            registry.simulator().mode("normal");
            PortalLogin.Outcome later = login.submitTaxCode(refused, DEF);
            assertThat(PortalLogin.isLinkNotice(later)).as("verified on the next try:\n" + later.page().body())
                    .isTrue();
        }
    }

    @Nested
    class GivenACodeTheOrganisationsVneidAccountVerifiedOnAnotherAccount {

        @Test
        void thenASecondAccountUnderTheSameNameIsRefusedAsTaken() {
            String first = organisation(DEF_NAME, null);
            verifiedByVneid(first, DEF);
            String second = organisation(DEF_NAME, null);

            PortalLogin two = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome refused = two.submitTaxCode(two.submitPassword(second, PASSWORD), DEF);

            assertThat(text(refused)).contains("đã được xác thực cho một tài khoản khác");
            assertThat(CitizenAccounts.attribute(user(second), "tax_code_registry_matched_at")).isNull();
        }
    }

    @Nested
    class GivenAnImpostorAccountUnderTheOrganisationsName {

        @Test
        void thenItsMatchNeitherBlocksTheOrganisationsOwnAccountNorGivesThePortalTheCode() {
            // a code and a registered name are public: anyone who registered an account under the name can match it
            String impostor = organisation(DEF_NAME, null);
            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet impostors = first.finish(first.skipLinkNoticeIfShown(
                    first.submitTaxCode(first.submitPassword(impostor, PASSWORD), DEF)));
            assertThat(impostors.getClaim("tax_code")).isNull();

            String own = organisation(DEF_NAME, DEF);
            PortalLogin second = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome matched = second.submitTaxCode(second.submitPassword(own, PASSWORD), DEF);

            assertThat(PortalLogin.isLinkNotice(matched)).as("not taken by the impostor:\n" + matched.page().body())
                    .isTrue();
        }
    }

    /** What the organisation's VNeID account leaves on an account it linked to: its code, verified. */
    @SuppressWarnings("unchecked")
    private void verifiedByVneid(String username, String code) {
        JsonNode account = user(username);
        Map<String, Object> representation = new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(account, Map.class);
        Map<String, Object> attributes = (Map<String, Object>) representation.get("attributes");
        attributes.put("tax_code", List.of(code));
        attributes.put("tax_code_verified", List.of("true"));
        attributes.put("tax_code_verified_source", List.of("vneid"));
        var saved = admin.send("PUT", "/admin/realms/dvc/users/" + account.get("id").asText(), representation);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    }

    @Nested
    class GivenTooManyAttempts {

        @Test
        void thenEvenTheRightCodeIsRefusedUntilTheWindowEndsAndTheRegistryIsNotAsked() {
            String company = organisation(DEF_NAME, null);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = login.submitPassword(company, PASSWORD);
            for (int attempt = 0; attempt < 5; attempt++) {
                form = login.submitTaxCode(form, ABC);
                assertThat(text(form)).contains("không khớp");
            }
            long before = registry.simulator().verifications();

            PortalLogin.Outcome refused = login.submitTaxCode(form, DEF);

            assertThat(text(refused)).contains("Bạn đã thử quá nhiều lần");
            assertThat(registry.simulator().verifications()).isEqualTo(before);
            assertThat(CitizenAccounts.attribute(user(company), "tax_code_registry_matched_at")).isNull();
        }
    }

    @Nested
    class GivenOrganisationsInLinkOnlyMode {

        @AfterEach
        void backToTheSandboxPolicy() {
            CutoffSettings.sandbox(admin);
        }

        @Test
        void thenTheTaxCodeFormOffersNoSkipAndAForgedSkipIsRefused() {
            CutoffSettings.set(admin, "01/07/2024", "notice", "30/06/2025", "link-only");
            String company = organisation(DEF_NAME, DEF);
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");

            PortalLogin.Outcome form = login.submitPassword(company, PASSWORD);

            assertThat(PortalLogin.isTaxCodeForm(form)).as(form.page().body()).isTrue();
            assertThat(Jsoup.parse(form.page().body()).selectFirst("#vneid-tax-code-skip")).isNull();
            PortalLogin.Outcome skipped = login.follow(login.web.submit(form.page(), "#vneid-tax-code-form",
                    Map.of("action", "skip")));
            assertThat(skipped.callback()).as("no portal session in link-only mode").isEmpty();
            assertThat(text(skipped)).contains("Vui lòng nhập mã số thuế để tiếp tục");
        }
    }
}
