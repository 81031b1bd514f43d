package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.FirstLoginRace;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The same citizen's first VNeID login in two browsers at once on one node (two tabs; for two nodes see
 * {@link ConcurrentFirstLoginOnTwoNodesIT}): both are taken to the SMS-code page, then both codes are sent together. Whatever order the server takes them in,
 * there is one user and one link at the end, and every login that succeeded landed on it.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentFirstLoginIT {

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    /** Two logins raced to the end; the subjects of those that reached the portal. */
    private List<String> race(String idNumber) throws Exception {
        PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin second = new PortalLogin(keycloak, "dvcqg-portal");
        return FirstLoginRace.run(first, first.vneidUpToOtp(idNumber, VneidStandIn.PASSWORD),
                second, second.vneidUpToOtp(idNumber, VneidStandIn.PASSWORD),
                (login, otp) -> login.submitOtp(otp, VneidStandIn.OTP));
    }

    /**
     * Two logins brought to the page that shows the legacy account, then both "Đây là tài khoản của tôi" raced;
     * the subjects of those that reached the portal.
     */
    private List<String> raceOnTheShownAccount(String idNumber) throws Exception {
        PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin second = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin.Outcome firstShown = first.submitOtp(first.vneidUpToOtp(idNumber, VneidStandIn.PASSWORD),
                VneidStandIn.OTP);
        PortalLogin.Outcome secondShown = second.submitOtp(second.vneidUpToOtp(idNumber, VneidStandIn.PASSWORD),
                VneidStandIn.OTP);
        assertThat(PortalLogin.isShownAccount(firstShown) && PortalLogin.isShownAccount(secondShown))
                .as("both logins are shown the account before anything is linked").isTrue();
        return FirstLoginRace.run(first, firstShown.page(), second, secondShown.page(),
                (login, shown) -> login.answerShownAccount(new PortalLogin.Outcome(java.util.Optional.empty(), shown),
                        true));
    }

    private List<String> vneidLinks(String idNumber) {
        return FirstLoginRace.vneidLinks(admin, idNumber);
    }

    @Nested
    class GivenALegacyAccountWithTheVerifiedCccd {

        @Test
        void thenBothRacersEndOnThatOneAccountWithOneLink() throws Exception {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.LINK_RACE);
            String idNumber = VneidStandIn.account(admin, person, 2);

            List<String> subjects = raceOnTheShownAccount(idNumber);

            List<String> linked = vneidLinks(idNumber);
            assertThat(linked).as("one link").hasSize(1);
            assertThat(subjects).as("every success is the legacy account").containsOnly(linked.get(0));
            assertThat(VneidUsers.createdFor(admin, idNumber).size())
                    .as("no user created from VNeID beside the account").isZero();
            assertThat(admin.get("/admin/realms/dvc/users/" + linked.get(0)).path("attributes")
                    .path("legacy_account_id").get(0).asText()).isEqualTo(LegacyFixtures.legacyId(LegacyFixtures.LINK_RACE));
        }
    }

    @Nested
    class GivenACitizenWithNoPortalAccount {

        @Test
        void thenBothRacersEndOnOneNewUser() throws Exception {
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(150)
                    .findFirst().orElseThrow();
            String idNumber = VneidStandIn.account(admin, person, 2);

            List<String> subjects = race(idNumber);

            List<JsonNode> users = VneidUsers.createdFor(admin, idNumber);
            assertThat(users.size()).as("one user").isEqualTo(1);
            assertThat(subjects).containsOnly(users.get(0).get("id").asText());
            assertThat(vneidLinks(idNumber)).containsExactly(users.get(0).get("id").asText());
        }
    }
}
