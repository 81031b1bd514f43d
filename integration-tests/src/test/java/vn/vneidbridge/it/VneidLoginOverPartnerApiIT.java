package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PartnerApiRelyingParty;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;

/**
 * {@link VneidLoginIT} with realm dvc's {@code vneid} provider speaking VNeID's partner API to the stand-in's
 * partner-API face (encrypted code, token and userinfo envelopes, no ID token). Its {@code @BeforeAll} runs after the
 * base class's, which pointed dvc at the stand-in; its {@code @AfterAll} before the base class's cleanup. The base
 * class's {@code @Nested} classes run here too; the few that need an ID token from VNeID are skipped with the reason.
 */
class VneidLoginOverPartnerApiIT extends VneidLoginIT {

    @Override
    protected String protocol() {
        return VneidProtocol.PARTNER_API;
    }

    @BeforeAll
    void speakThePartnerApi(AdminApi admin) {
        VneidProtocol.use(admin, VneidProtocol.PARTNER_API);
    }

    @AfterAll
    void speakOidcAgain(AdminApi admin) {
        VneidProtocol.use(admin, VneidProtocol.OIDC);
        VneidUsers.deleteCreatedFor(admin, LegacyFixtures.syntheticPerson(183).cccd(),
                LegacyFixtures.syntheticPerson(117).cccd());
        // the partner API has no logout, so the stand-in's own sessions of this run are still there: end them, as a
        // run over OIDC counts them (VneidLoginIT's GivenALogoutAskingToRedirectElsewhere)
        assertThat(admin.send("POST", "/admin/realms/vneid-sandbox/logout-all", null).statusCode()).isEqualTo(200);
    }

    @Nested
    class GivenTheStandInEncryptsToAKeyThatIsNotRealmDvcs {

        private static final String REASON = "vneid-partner-code_refused";

        @Test
        void thenTheCitizenIsToldInHerLanguageAnEventGivesTheReasonAndNothingIsCreatedOrLinked(KeycloakServer keycloak,
                                                                                               AdminApi admin) {
            String idNumber = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(117), 2);
            VneidUsers.deleteCreatedFor(admin, idNumber);
            try (PartnerApiRelyingParty someoneElse = PartnerApiRelyingParty.start()) {
                String registered = VneidStandIn.brokerAttribute(admin, "partner.api.public.key.url",
                        someoneElse.publicKeyUrl().toString());
                try {
                    long since = System.currentTimeMillis();
                    PortalLogin vi = new PortalLogin(keycloak, "dvcqg-portal");
                    PortalLogin.Outcome refused = vi.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                            Map.of());
                    assertThat(refused.callback()).as("no way back to the portal with a code").isEmpty();
                    assertThat(refused.page().statusCode()).isEqualTo(502);
                    assertThat(Jsoup.parse(refused.page().body()).text())
                            .contains("Không dùng được mã đăng nhập VNeID trả về", "VNeID-P1");

                    PortalLogin en = new PortalLogin(keycloak, "dvcqg-portal");
                    PortalLogin.Outcome refusedEn = en.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP,
                            Map.of("ui_locales", "en"));
                    assertThat(refusedEn.callback()).isEmpty();
                    assertThat(Jsoup.parse(refusedEn.page().body()).text())
                            .contains("The login code VNeID returned could not be used", "VNeID-P1");

                    int recorded = 0;
                    for (JsonNode event : admin.get("/admin/realms/dvc/events?type=IDENTITY_PROVIDER_LOGIN_ERROR"
                            + "&max=50&dateFrom=" + java.time.LocalDate.now().minusDays(1))) {
                        if (event.path("time").asLong() >= since - 1000
                                && REASON.equals(event.path("details").path("reason").asText())) {
                            recorded++;
                            assertThat(event.toString()).as("nothing personal in the event").doesNotContain(idNumber);
                            assertThat(event.path("details").path("identity_provider").asText()).isEqualTo("vneid");
                        }
                    }
                    assertThat(recorded).as("an event with the reason for each refused login").isGreaterThanOrEqualTo(2);
                    assertThat(VneidUsers.createdFor(admin, idNumber)).as("no user created").isEmpty();
                    assertThat(admin.get("/admin/realms/dvc/users?briefRepresentation=false&q=cccd:" + idNumber))
                            .as("no account holds or was linked to the number").isEmpty();
                } finally {
                    VneidStandIn.brokerAttribute(admin, "partner.api.public.key.url", registered);
                }
            }
            PortalLogin after = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(after.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of()).callback())
                    .as("with realm dvc's key registered again the same citizen gets in (the refusal could pass)")
                    .isPresent();
        }
    }
}
