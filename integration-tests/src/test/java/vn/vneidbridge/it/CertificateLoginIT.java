package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.CitizenAccounts;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.TokenBrowsers;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.CertificateLoginConnection;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * "Usb ký số" (issue 20): a real TLS client presents a token's certificate to Keycloak's HTTPS listener, which asks for
 * one ({@code https-client-auth=request}); realm {@code dvc}'s step {@code vneid-certificate-login} logs in the one
 * account holding the certificate's id verified, after the citizen confirms. Certificates come from the sandbox's test
 * CA: its persona files, and certificates it issues for this test's own accounts (synthetic people 135-149).
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateLoginIT {

    private static final String PORTAL = "dvcqg-portal";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private CertificateLoginConnection certificates;
    private SandboxCertificateAuthority ca;
    private CitizenAccounts accounts;
    private URI https;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin, CertificateLoginConnection certificates) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.certificates = certificates;
        this.ca = certificates.authority();
        this.accounts = new CitizenAccounts(admin);
        this.https = URI.create("https://localhost:" + keycloak.config().runtimeOptions().get("https-port"));
    }

    @AfterAll
    void cleanUp() {
        accounts.deleteAll();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private PortalLogin login(WebClient browser) {
        return new PortalLogin(https, PORTAL, browser, TokenBrowsers.withoutToken(ca));
    }

    /** A citizen's account holding {@code person}'s CCCD verified (a VNeID link or the registry made it so). */
    private String verifiedCitizen(String prefix, SyntheticPerson person, Map<String, String> more) {
        Map<String, String> attributes = new HashMap<>(Map.of("cccd", person.cccd(), "cccd_verified", "true",
                "cccd_verified_source", "vneid"));
        attributes.putAll(more);
        return accounts.create(prefix, person, attributes);
    }

    private KeyStore token(SyntheticPerson person) {
        return ca.issue(person.fullName().toUpperCase(java.util.Locale.ROOT), "CCCD:" + person.cccd());
    }

    /** Opens the portal's login with {@code browser}: the page the certificate step answers with. */
    private static HttpResponse<String> open(PortalLogin login) {
        return login.open(Map.of());
    }

    private static String text(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).text();
    }

    private static boolean isConfirmation(HttpResponse<String> page) {
        return page.body().contains("id=\"vneid-cert-login\"");
    }

    private static String refusal(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("#vneid-cert-refused").text();
    }

    private PortalLogin.Outcome confirm(PortalLogin login, HttpResponse<String> confirmation) {
        assertThat(isConfirmation(confirmation)).as(confirmation.body()).isTrue();
        return login.follow(login.web.submit(confirmation, "#vneid-cert-form", Map.of("vneidCertificate", "login")));
    }

    private JWTClaimsSet loggedIn(PortalLogin login, PortalLogin.Outcome outcome) {
        return login.finish(login.skipLinkNoticeIfShown(outcome));
    }

    private List<JsonNode> openReviewEntries(String number) {
        List<JsonNode> open = new java.util.ArrayList<>();
        for (JsonNode entry : admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN")) {
            if (number.equals(entry.path("idNumber").asText())) {
                open.add(entry);
            }
        }
        return open;
    }

    private static String validTaxCode() {
        while (true) {
            String nine = "0" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
            nine = nine.substring(0, 9);
            OptionalInt digit = TaxCode.checkDigit(nine);
            if (digit.isPresent()) {
                return nine + digit.getAsInt();
            }
        }
    }

    // ---- journeys --------------------------------------------------------------------------------------------

    @Nested
    class GivenOneAccountHoldingTheCertificatesCccdVerified {

        @Test
        void thenTheCitizenConfirmsOnAPageNamingTheCertificateAndLandsAtThePortalAsThatAccount() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(140);
            String username = verifiedCitizen("cert-an", person, Map.of());
            PortalLogin login = login(TokenBrowsers.withToken(token(person), ca));

            HttpResponse<String> confirmation = open(login);

            assertThat(confirmation.statusCode()).isEqualTo(200);
            assertThat(isConfirmation(confirmation)).as("no login without the citizen's word:\n" + confirmation.body())
                    .isTrue();
            assertThat(Jsoup.parse(confirmation.body()).select("#vneid-cert-holder").text())
                    .isEqualTo(person.fullName().toUpperCase(java.util.Locale.ROOT));
            assertThat(Jsoup.parse(confirmation.body()).select("#vneid-cert-issuer").text())
                    .isEqualTo("VNeID Bridge sandbox CA ký số");
            assertThat(confirmation.body()).doesNotContain(person.cccd());

            JWTClaimsSet claims = loggedIn(login, confirm(login, confirmation));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
            assertThat(claims.getClaim("acr")).as("not a VNeID level: docs/levels-of-assurance.md").isEqualTo("0");
            assertThat(claims.getClaim("amr")).as("RFC 8176: a key in hardware").isEqualTo(List.of("hwk"));
        }

        @Test
        void thenALegacyAccountWithAVerifiedCccdIsImportedAndLoggedInAsThePersonaAn() {
            PortalLogin login = login(TokenBrowsers.withToken("an.p12", ca));

            HttpResponse<String> confirmation = open(login);
            assertThat(Jsoup.parse(confirmation.body()).select("#vneid-cert-account").text()).isEqualTo("ng***n");
            JWTClaimsSet claims = loggedIn(login, confirm(login, confirmation));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(LegacyPersonas.NGUYENVANAN);
            // imported, by its own row, only after the confirmation: the token's subject is the Keycloak user's id
            JsonNode imported = admin.get("/admin/realms/dvc/users/" + claims.getSubject());
            assertThat(imported.path("username").asText()).isEqualTo(LegacyPersonas.NGUYENVANAN);
            assertThat(claims.getSubject()).doesNotStartWith("f:");
        }

        @Test
        void thenAnAccountChangedBetweenThePageAndTheAnswerIsAskedAboutAgainNotLoggedIn() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(137);
            String first = verifiedCitizen("cert-first", person, Map.of());
            PortalLogin login = login(TokenBrowsers.withToken(token(person), ca));
            HttpResponse<String> confirmation = open(login);
            // meanwhile the number moves to another account (the first one is gone)
            admin.deleteUser("dvc", accounts.id(first));
            String second = verifiedCitizen("cert-second", person, Map.of());

            PortalLogin.Outcome answer = login.follow(login.web.submit(confirmation, "#vneid-cert-form",
                    Map.of("vneidCertificate", "login")));

            assertThat(answer.callback()).as("no login into an account the page did not name").isEmpty();
            assertThat(isConfirmation(answer.page())).isTrue();
            assertThat(Jsoup.parse(answer.page().body()).select("#vneid-cert-account").text())
                    .isEqualTo(second.substring(0, 2) + "***" + second.substring(second.length() - 1));
        }

        @Test
        void thenTheConfirmationPostedAgainAfterTheLoginLogsNobodyInASecondTime() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(141);
            verifiedCitizen("cert-replay", person, Map.of());
            PortalLogin login = login(TokenBrowsers.withToken(token(person), ca));
            HttpResponse<String> confirmation = open(login);
            loggedIn(login, confirm(login, confirmation));

            PortalLogin.Outcome replayed = login.follow(login.web.submit(confirmation, "#vneid-cert-form",
                    Map.of("vneidCertificate", "login")));

            assertThat(replayed.callback().map(WebClient::query).map(q -> q.get("code")).orElse(null))
                    .as("a second code from a replayed confirmation").isNull();
        }

        @Test
        void thenAnotherBrowserPostingTheConfirmationWithItsOwnCertificateIsAskedToConfirmItsOwn() {
            SyntheticPerson victim = LegacyFixtures.syntheticPerson(142);
            SyntheticPerson attacker = LegacyFixtures.syntheticPerson(143);
            String victimName = verifiedCitizen("cert-victim", victim, Map.of());
            verifiedCitizen("cert-attacker", attacker, Map.of());
            PortalLogin victims = login(TokenBrowsers.withToken(token(victim), ca));
            HttpResponse<String> victimsPage = open(victims);
            // the attacker's browser, holding the victim's cookies, posts the victim's confirmation
            WebClient attackers = TokenBrowsers.withToken(token(attacker), ca);
            for (String name : List.of("AUTH_SESSION_ID", "KC_RESTART", "KC_AUTH_SESSION_HASH")) {
                victims.web.cookie(https, name).ifPresent(value -> attackers.setCookie(https, name, value));
            }

            HttpResponse<String> answer = attackers.followWithin(attackers.submit(victimsPage, "#vneid-cert-form",
                    Map.of("vneidCertificate", "login")), https);

            assertThat(WebClient.isRedirect(answer)).as("no code for anyone:\n" + answer.body()).isFalse();
            assertThat(answer.body()).doesNotContain(victim.fullName().toUpperCase(java.util.Locale.ROOT));
            assertThat(accounts.id(victimName)).isNotNull();
        }

        @Test
        void thenChoosingAnotherWayShowsThePasswordFormAndThePasswordStillWorks() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(144);
            String username = verifiedCitizen("cert-other", person, Map.of());
            PortalLogin login = login(TokenBrowsers.withToken(token(person), ca));

            HttpResponse<String> form = login.web.followWithin(login.web.submit(open(login), "#vneid-cert-form",
                    Map.of("vneidCertificate", "other")), https);

            assertThat(PortalLogin.atThePortalsLoginPage(form)).as(form.body()).isTrue();
            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(login.submitPasswordOn(form, username,
                    LegacyFixtures.PASSWORD)));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
            assertThat(String.valueOf(claims.getClaim("amr"))).as("a password login is no token's").doesNotContain("hwk");
        }
    }

    @Nested
    class GivenABrowserWithoutAToken {

        @Test
        void thenThePortalAccountFormHasTheUsbKySoTabWhichSaysHowAndThePasswordStillWorksOverHttps() {
            PortalLogin login = login(TokenBrowsers.withoutToken(ca));

            HttpResponse<String> page = open(login);
            assertThat(PortalLogin.atThePortalsLoginPage(page)).as(page.body()).isTrue();
            assertThat(Jsoup.parse(page.body()).select("#dvc-login-tab-certificate").text()).isEqualTo("Usb ký số");
            HttpResponse<String> tab = login.web.submit(page, "#dvc-login-tabs", Map.of("vneidLoginTab", "certificate"));

            assertThat(Jsoup.parse(tab.body()).select("#dvc-login-tab-certificate").attr("aria-pressed")).isEqualTo("true");
            assertThat(Jsoup.parse(tab.body()).select("#dvc-usb-steps li")).hasSize(3);
            assertThat(tab.body()).doesNotContain("id=\"kc-form-login\"");
            HttpResponse<String> back = login.web.submit(tab, "#dvc-login-tabs", Map.of("vneidLoginTab", "username"));
            String username = verifiedCitizen("cert-no-token", LegacyFixtures.syntheticPerson(139), Map.of());
            assertThat(login.finish(login.skipLinkNoticeIfShown(login.submitPasswordOn(back, username,
                    LegacyFixtures.PASSWORD))).getSubject()).isEqualTo(accounts.id(username));
        }
    }

    @Nested
    class GivenCertificatesThatMustNotLogAnyoneIn {

        private HttpResponse<String> refused(WebClient browser) {
            HttpResponse<String> page = open(login(browser));
            assertThat(isConfirmation(page)).as(page.body()).isFalse();
            assertThat(page.body()).contains("id=\"vneid-cert-other\"");
            return page;
        }

        @Test
        void thenARevokedCertificateIsToldItIsRevoked() {
            HttpResponse<String> page = refused(TokenBrowsers.withToken("an-revoked.p12", ca));
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(refusal(page)).contains("đã bị thu hồi");
        }

        @Test
        void thenACertificateOfACaTheRootRevokedIsToldItIsRevoked() {
            HttpResponse<String> page = refused(TokenBrowsers.withToken("an-revoked-ca.p12", ca));
            assertThat(refusal(page)).contains("đã bị thu hồi");
        }

        @Test
        void thenACertificateOfAnotherRootIsToldItsIssuerIsNotALicensedCa() {
            HttpResponse<String> page = refused(TokenBrowsers.withToken("an-foreign.p12", ca));
            assertThat(refusal(page)).contains("không do tổ chức cung cấp dịch vụ chứng thực");
        }

        @Test
        void thenACertificateWithoutAnIdIsToldSo() {
            assertThat(refusal(refused(TokenBrowsers.withToken("an-no-id.p12", ca))))
                    .contains("không ghi số định danh");
        }

        @Test
        void thenAnExpiredCertificateIsRefusedAlreadyInTheHandshake() {
            // JSSE checks the client chain's dates in the handshake (https-client-auth=request): the request fails
            // before Keycloak; CertificateCheckTest covers the page an expired certificate gets behind a proxy
            PortalLogin login = login(TokenBrowsers.withToken("an-expired.p12", ca));
            assertThatThrownBy(() -> open(login)).hasRootCauseInstanceOf(javax.net.ssl.SSLException.class);
        }

        @Test
        void thenANumberHeldVerifiedByTwoAccountsNamesNoneAndSendsToSupport() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(145);
            verifiedCitizen("cert-twin-a", person, Map.of());
            verifiedCitizen("cert-twin-b", person, Map.of());

            HttpResponse<String> page = refused(TokenBrowsers.withToken(token(person), ca));

            assertThat(page.statusCode()).isEqualTo(409);
            assertThat(refusal(page)).contains("18001096");
        }

        @Test
        void thenANumberUnderReviewIsNobodysHereAndSendsToSupport() {
            // a VNeID login found two accounts holding the number: a review entry is open (BV-12); one account is
            // then deleted, and the other is still not the certificate's until an operator settles the entry
            SyntheticPerson person = LegacyFixtures.syntheticPerson(138);
            String kept = verifiedCitizen("cert-review-a", person, Map.of());
            String dropped = verifiedCitizen("cert-review-b", person, Map.of());
            VneidStandIn.pointDvcAt(keycloak, admin);
            VneidStandIn.account(admin, person, 2);
            PortalLogin.Outcome refusedAtVneid = new PortalLogin(keycloak, PORTAL).vneidLogin(person.cccd(),
                    VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(refusedAtVneid.callback()).as("two holders: VNeID's login is refused").isEmpty();
            List<JsonNode> entries = openReviewEntries(person.cccd());
            assertThat(entries).as("the review entry").hasSize(1);
            admin.deleteUser("dvc", accounts.id(dropped));
            try {
                HttpResponse<String> page = refused(TokenBrowsers.withToken(token(person), ca));

                assertThat(page.statusCode()).isEqualTo(409);
                assertThat(refusal(page)).contains("18001096");
                assertThat(accounts.id(kept)).isNotNull();
            } finally {
                for (JsonNode entry : openReviewEntries(person.cccd())) {
                    admin.send("POST", "/admin/realms/dvc/vneid-bridge/review-entries/" + entry.path("id").asText()
                            + "/resolve", Map.of("action", "dismiss", "note", "test clean-up"));
                }
            }
        }

        @Test
        void thenANumberHeldOnlyUnverifiedNamesNoAccount() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(146);
            accounts.create("cert-unverified", person, Map.of("cccd", person.cccd()));

            assertThat(refusal(refused(TokenBrowsers.withToken(token(person), ca))))
                    .contains("Không có tài khoản nào có số định danh đã xác thực");
        }

        @Test
        void thenAnAdministratorsAccountIsRefusedAndLogsInWithItsPasswordOnly() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(147);
            String username = verifiedCitizen("cert-admin", person, Map.of());
            JsonNode role = admin.get("/admin/realms/dvc/roles/portal-admin");
            admin.send("POST", "/admin/realms/dvc/users/" + accounts.id(username) + "/role-mappings/realm",
                    List.of(Map.of("id", role.get("id").asText(), "name", "portal-admin")));

            HttpResponse<String> page = refused(TokenBrowsers.withToken(token(person), ca));

            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(refusal(page)).contains("quản trị");
        }

        @Test
        void thenADisabledAccountIsRefused() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(148);
            String username = verifiedCitizen("cert-disabled", person, Map.of());
            JsonNode user = accounts.user(username);
            admin.send("PUT", "/admin/realms/dvc/users/" + user.get("id").asText(), Map.of("enabled", false));

            assertThat(refused(TokenBrowsers.withToken(token(person), ca)).statusCode()).isEqualTo(403);
        }

        @Test
        void thenAnOrganisationsCertificateThatAlsoNamesAPersonNamesNoOne() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(149);
            verifiedCitizen("cert-representative", person, Map.of());
            KeyStore both = ca.issue("CÔNG TY TNHH THỬ NGHIỆM", "MST:" + validTaxCode());
            // a second UID is not offered by issue(): the subject names the company only; the person's number in a
            // second UID is CertificateIdsTest's (F2); here the company has no verified account
            assertThat(refusal(refused(TokenBrowsers.withToken(both, ca))))
                    .contains("Không có tài khoản nào có số định danh đã xác thực");
        }

        @Test
        void thenWhileTheCasListDoesNotAnswerNobodyLogsInAndTheCitizenIsToldToTryLater() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(140);
            certificates.crlServer().outage(true);
            try {
                HttpResponse<String> page = refused(TokenBrowsers.withToken(token(person), ca));
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(refusal(page)).contains("thử lại sau");
            } finally {
                certificates.crlServer().outage(false);
            }
        }

        @Test
        void thenNoRefusalEventNamesTheCertificatesSubjectOrNumber() {
            SyntheticPerson person = LegacyFixtures.syntheticPerson(146);
            refused(TokenBrowsers.withToken(token(person), ca));

            JsonNode events = admin.get("/admin/realms/dvc/events?type=LOGIN_ERROR&max=200");
            List<JsonNode> ours = new java.util.ArrayList<>();
            events.forEach(event -> {
                if ("certificate".equals(event.path("details").path("sign_in_means").asText())) {
                    ours.add(event);
                }
            });
            assertThat(ours).isNotEmpty();
            assertThat(ours).allSatisfy(event -> assertThat(event.toString()).doesNotContain(person.cccd())
                    .doesNotContain("CCCD:").doesNotContain(person.fullName().toUpperCase(java.util.Locale.ROOT)));
        }
    }

    @Nested
    class GivenAStepThatAlsoAcceptsTheOldCmnd {

        /** Adds CMND to the step's accepted ids; what puts the settings back. */
        @SuppressWarnings("unchecked")
        private Runnable acceptCmnd() {
            String configId = null;
            for (JsonNode execution : admin.get("/admin/realms/dvc/authentication/flows/dvc%20browser%20forms/executions")) {
                if ("vneid-certificate-login".equals(execution.path("providerId").asText())) {
                    configId = execution.path("authenticationConfig").asText();
                }
            }
            assertThat(configId).as("the step's settings in the realm file").isNotBlank();
            String path = "/admin/realms/dvc/authentication/config/" + configId;
            Map<String, Object> before = new com.fasterxml.jackson.databind.ObjectMapper()
                    .convertValue(admin.get(path), Map.class);
            Map<String, Object> changed = new HashMap<>(before);
            Map<String, Object> values = new HashMap<>((Map<String, Object>) before.get("config"));
            values.put("acceptedIds", "CCCD##MST##CMND");
            changed.put("config", values);
            assertThat(admin.send("PUT", path, changed).statusCode()).isEqualTo(204);
            return () -> admin.send("PUT", path, before);
        }

        @Test
        void thenACmndBesideAVerifiedCccdLogsInOnlyWhereThePopulationDatabaseComparedIt() {
            SyntheticPerson unchecked = LegacyFixtures.syntheticPerson(136);
            SyntheticPerson compared = LegacyFixtures.syntheticPerson(135);
            // old 9-digit numbers of this test's own (no other account holds them)
            String uncheckedCmnd = String.valueOf(900_000_000 + ThreadLocalRandom.current().nextInt(99_999_999));
            String comparedCmnd = String.valueOf(900_000_000 + ThreadLocalRandom.current().nextInt(99_999_999));
            verifiedCitizen("cert-cmnd-unchecked", unchecked, Map.of("cmnd", uncheckedCmnd));
            String comparedAccount = verifiedCitizen("cert-cmnd-compared", compared, Map.of("cmnd", comparedCmnd,
                    "identity_verified_fields", "CMND"));
            Runnable restore = acceptCmnd();
            try {
                // review F1: the old portal's CMND beside a CCCD verified by VNeID was never checked by anyone
                HttpResponse<String> page = open(login(TokenBrowsers.withToken(
                        ca.issue(unchecked.fullName(), "CMND:" + uncheckedCmnd), ca)));
                assertThat(isConfirmation(page)).as(page.body()).isFalse();
                assertThat(refusal(page)).contains("Không có tài khoản nào có số định danh đã xác thực");

                PortalLogin login = login(TokenBrowsers.withToken(ca.issue(compared.fullName(),
                        "CMND:" + comparedCmnd), ca));
                assertThat(loggedIn(login, confirm(login, open(login))).getSubject())
                        .isEqualTo(accounts.id(comparedAccount));
            } finally {
                restore.run();
            }
        }
    }

    @Nested
    class GivenAnOrganisationsAccountWithItsTaxCodeVerifiedByVneid {

        @Test
        void thenTheCompanysCertificateLogsInTheCompanysAccount() {
            String code = validTaxCode();
            String username = accounts.create("cert-company", LegacyFixtures.syntheticPerson(149),
                    Map.of("tax_code", code, "tax_code_verified", "true", "legacy_account_type", "ORGANISATION"));
            PortalLogin login = login(TokenBrowsers.withToken(ca.issue("CÔNG TY TNHH THỬ NGHIỆM", "MST:" + code), ca));

            PortalLogin.Outcome outcome = confirm(login, open(login));

            JWTClaimsSet claims = login.finish(login.skipLinkNoticeIfShown(login.skipTaxCodeFormIfShown(outcome)));
            assertThat(claims.getSubject()).isEqualTo(accounts.id(username));
        }
    }
}
