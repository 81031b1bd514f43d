package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.LegacyPostgres;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloakOnPostgres;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * Legacy portal accounts with the legacy database on PostgreSQL, the operator's production case — and what
 * happens while that database is down.
 */
@ExtendWith(TestKeycloakOnPostgres.class)
class LegacyAccountLoginOnPostgresIT extends LegacyAccountLoginContract {

    @Nested
    class GivenTheLegacyDatabaseIsDown {

        @Test
        void thenLegacyLoginSaysSoAndImportedAccountsStillLogIn() throws Exception {
            login(LegacyFixtures.IMPORTED_BEFORE_DOWN);
            LegacyPostgres.stop();
            try {
                PortalLogin.Outcome refused = new PortalLogin(keycloak, "dvcqg-portal")
                        .submitPassword(LegacyFixtures.NOT_IMPORTED_WHILE_DOWN, LegacyFixtures.PASSWORD);

                assertThat(refused.callback()).isEmpty();
                assertThat(refused.page().statusCode()).isEqualTo(200);
                assertThat(refused.page().body()).contains("tạm thời không truy cập được", "VNeID");
                assertThat(users(LegacyFixtures.NOT_IMPORTED_WHILE_DOWN)).isEmpty();

                assertThat(claim(login(LegacyFixtures.IMPORTED_BEFORE_DOWN), "legacy_account_id"))
                        .as("an imported account does not need the legacy database")
                        .isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.IMPORTED_BEFORE_DOWN));
            } finally {
                LegacyPostgres.restart();
            }
            assertThat(claim(login(LegacyFixtures.NOT_IMPORTED_WHILE_DOWN), "preferred_username"))
                    .as("legacy login works again once the database is back")
                    .isEqualTo(LegacyFixtures.NOT_IMPORTED_WHILE_DOWN);
        }

        @Test
        void thenAFirstVneidLoginIsRefusedWith503AndNoUserIsCreatedBesideTheLegacyAccount() throws Exception {
            VneidStandIn.pointDvcAt(keycloak, admin);
            SyntheticPerson holder = LegacyFixtures.person(LegacyFixtures.VERIFIED_WHILE_DOWN);
            String idNumber = VneidStandIn.account(admin, holder, 2);
            LegacyPostgres.stop();
            try {
                PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
                PortalLogin.Outcome refused = login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());

                assertThat(refused.callback()).isEmpty();
                assertThat(refused.page().statusCode()).as(refused.page().body()).isEqualTo(503);
                assertThat(Jsoup.parse(refused.page().body()).text()).contains("tạm thời không truy cập được");
                assertThat(VneidUsers.createdFor(admin, idNumber)).as("no user from VNeID beside the legacy account").isEmpty();
            } finally {
                LegacyPostgres.restart();
            }

            PortalLogin later = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = later.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(PortalLogin.isShownAccount(shown)).as("the legacy account, once the database is back:\n"
                    + shown.page().body()).isTrue();
            JWTClaimsSet claims = later.finish(later.confirmShownAccount(shown));
            assertThat(claim(claims, "legacy_account_id"))
                    .isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.VERIFIED_WHILE_DOWN));
            assertThat(VneidUsers.createdFor(admin, idNumber)).isEmpty();
        }
    }
}
