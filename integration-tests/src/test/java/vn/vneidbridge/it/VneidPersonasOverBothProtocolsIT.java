package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * One VNeID login of each persona of the stand-in VNeID (realm {@code vneid-sandbox}), over OpenID Connect and over
 * the partner API: what each one gets is the same over both. Each test leaves realm dvc as it found it (users created
 * from VNeID and imported legacy accounts deleted), so the other protocol meets the persona new. Prints the protocol
 * and the persona's role only, nothing personal.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidPersonasOverBothProtocolsIT {

    private static final String NGA = "052189000123";
    private static final String AN = "001090001234";
    private static final String HOA = "079195004567";
    private static final String BINH = "042085007890";
    private static final String DUC = "036088002468";

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void pointTheProviderAtThisServersStandIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    @AfterEach
    void forgetThePersonas() {
        VneidUsers.deleteCreatedFor(admin, NGA, AN, HOA, BINH, DUC);
        VneidUsers.deleteAccounts(admin, LegacyPersonas.TOTHINGA, LegacyPersonas.NGUYENVANAN);
    }

    @AfterAll
    void speakOidcAgain() {
        VneidProtocol.use(admin, VneidProtocol.OIDC);
    }

    private PortalLogin.Outcome vneidLogin(PortalLogin login, String protocol, String idNumber) {
        VneidProtocol.use(admin, protocol);
        return login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
    }

    private static void record(String protocol, String role, String outcome) {
        System.out.printf("persona over %s: %s -> %s%n", protocol, role, outcome);
    }

    private java.util.List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    @Nested
    class GivenEachPersona {

        @ParameterizedTest(name = "over {0}")
        @ValueSource(strings = {VneidProtocol.OIDC, VneidProtocol.PARTNER_API})
        void thenANewCitizenAtLevel1GetsAUserOfHerOwnAtLevel1(String protocol) {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet claims = login.finish(vneidLogin(login, protocol, HOA));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, HOA));
            assertThat(claims.getClaim("cccd")).isEqualTo(HOA);
            assertThat(claims.getClaim("acr")).isEqualTo("1");
            assertThat(claims.getClaim("vneid_level")).isEqualTo("1");
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            record(protocol, "new citizen, VNeID level 1", "logged in at the portal, new user, acr 1");
        }

        @ParameterizedTest(name = "over {0}")
        @ValueSource(strings = {VneidProtocol.OIDC, VneidProtocol.PARTNER_API})
        void thenANewCitizenAtLevel2WhoseOldAccountHasNoCccdGetsAUserOfHisOwnAtLevel2(String protocol) {
            // Another test may have imported his legacy account by a password login already; what matters is
            // that this VNeID login neither imports it nor links it.
            String legacyAccount = "/admin/realms/dvc/users?exact=true&username=" + LegacyPersonas.PHAMMINHDUC;
            int importedBefore = admin.get(legacyAccount).size();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            JWTClaimsSet claims = login.finish(vneidLogin(login, protocol, DUC));

            assertThat(claims.getClaim("preferred_username")).isEqualTo(VneidUsers.usernameOf(admin, DUC));
            assertThat(claims.getClaim("acr")).isEqualTo("2");
            assertThat(claims.getClaim("vneid_level")).isEqualTo("2");
            JsonNode imported = admin.get(legacyAccount);
            assertThat(imported.size()).as("his legacy account (CMND only, not his) is not imported").isEqualTo(importedBefore);
            for (JsonNode account : imported) {
                assertThat(account.path("id").asText()).as("not logged into his legacy account")
                        .isNotEqualTo(claims.getSubject());
                assertThat(links(account.path("id").asText())).as("his legacy account is not linked").isEmpty();
            }
            record(protocol, "citizen whose legacy account holds no CCCD, level 2",
                    "logged in at the portal, new user, acr 2");
        }

        @ParameterizedTest(name = "over {0}")
        @ValueSource(strings = {VneidProtocol.OIDC, VneidProtocol.PARTNER_API})
        void thenTheHolderOfALegacyAccountWithHisVerifiedCccdIsShownItAndLandsInItOnceHeSaysItIsHis(String protocol) {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneidLogin(login, protocol, AN);
            assertThat(PortalLogin.isShownAccount(shown)).as("shown before it is linked").isTrue();
            JWTClaimsSet claims = login.finish(login.confirmShownAccount(shown));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.NGUYENVANAN_ID);
            assertThat(claims.getClaim("preferred_username")).isEqualTo(LegacyPersonas.NGUYENVANAN);
            assertThat(claims.getClaim("acr")).isEqualTo("2");
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            assertThat(VneidUsers.createdFor(admin, AN)).as("no second user").isEmpty();
            record(protocol, "holder of a legacy account with a verified CCCD, level 2",
                    "shown the account, confirmed, linked, logged in at the portal, acr 2");
        }

        @ParameterizedTest(name = "over {0}")
        @ValueSource(strings = {VneidProtocol.OIDC, VneidProtocol.PARTNER_API})
        void thenTheHolderOfALegacyAccountKnownByHerOldCmndLinksItWithItsPassword(String protocol) {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome form = vneidLogin(login, protocol, NGA);
            assertThat(form.page().body()).as("asked for the account's password").contains("vneid-link-confirm-form");
            assertThat(Jsoup.parse(form.page().body()).select("#username").attr("value"))
                    .isEqualTo(LegacyPersonas.TOTHINGA);
            JWTClaimsSet claims = login.finish(login.follow(login.web.submit(form.page(), "#vneid-link-confirm-form",
                    Map.of("action", "confirm", "password", LegacyPersonas.PASSWORD))));

            assertThat(claims.getClaim("legacy_account_id")).isEqualTo(LegacyPersonas.TOTHINGA_ID);
            assertThat(claims.getClaim("cccd")).isEqualTo(NGA);
            assertThat(claims.getClaim("acr")).isEqualTo("2");
            assertThat(links(claims.getSubject())).containsExactly("vneid");
            assertThat(VneidUsers.createdFor(admin, NGA)).as("no second user").isEmpty();
            record(protocol, "holder of a legacy account known by her old CMND, level 2",
                    "asked the account's password, linked, logged in at the portal, acr 2");
        }

        @ParameterizedTest(name = "over {0}")
        @ValueSource(strings = {VneidProtocol.OIDC, VneidProtocol.PARTNER_API})
        void thenACitizenWhoseCccdIsOnTwoLegacyAccountsIsSentToSupportAndNothingIsLinkedOrCreated(String protocol) {
            long since = System.currentTimeMillis();
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome refused = vneidLogin(login, protocol, BINH);

            assertThat(refused.callback()).isEmpty();
            assertThat(Jsoup.parse(refused.page().body()).text()).contains("nhiều tài khoản", "hỗ trợ");
            assertThat(VneidUsers.createdFor(admin, BINH)).isEmpty();
            for (String username : new String[] {LegacyPersonas.TRANVANBINH, LegacyPersonas.TRANVANBINH_HCM}) {
                assertThat(admin.get("/admin/realms/dvc/users?exact=true&username=" + username).size())
                        .as("neither imported nor linked").isZero();
            }
            boolean recorded = false;
            for (JsonNode event : admin.get("/admin/realms/dvc/events?max=200")) {
                recorded |= event.path("time").asLong() >= since - 1000
                        && "vneid_link_conflict".equals(event.path("error").asText());
            }
            assertThat(recorded).as("an event for the operators").isTrue();
            record(protocol, "citizen whose CCCD is verified on two legacy accounts, level 2",
                    "refused, sent to support, conflict event, nothing linked or created");
        }
    }
}
