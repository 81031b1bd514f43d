package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.FirstLoginRace;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.TestKeycloakCluster;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * The same citizen's first VNeID login on two Keycloak nodes of one cluster at once (two browsers behind a
 * balancer that sent them to different nodes): both reach VNeID's SMS-code page, then both codes are sent
 * together, and each node finishes its own first login against the shared database. There is one user and one
 * link at the end, and every login that succeeded landed on it. Also: a session made on one node is seen on the
 * other.
 */
@ExtendWith(TestKeycloakCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentFirstLoginOnTwoNodesIT {

    private TestKeycloakCluster.Cluster cluster;
    private AdminApi admin;

    @BeforeAll
    void cluster(TestKeycloakCluster.Cluster cluster) {
        this.cluster = cluster;
        this.admin = cluster.admin();
        // the stand-in VNeID lives on the first node; both nodes broker to it
        VneidStandIn.pointDvcAt(cluster.first(), admin);
    }

    /** Follows redirects across both nodes until the portal's callback, or the page shown. */
    private static PortalLogin.Outcome follow(PortalLogin login, HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 15 && WebClient.isRedirect(current); hops++) {
            URI next = WebClient.location(current);
            if (next.toString().startsWith(login.redirectUri)) {
                return new PortalLogin.Outcome(Optional.of(next), current);
            }
            current = login.web.get(next);
        }
        return new PortalLogin.Outcome(Optional.empty(), current);
    }

    /** A VNeID login on this node up to the stand-in's SMS-code page. */
    private static HttpResponse<String> upToOtp(PortalLogin login, String idNumber) {
        Map<String, String> params = login.parameters();
        params.put("kc_idp_hint", "vneid");
        PortalLogin.Outcome vneid = follow(login, login.web.get(login.authorizationUri(params)));
        PortalLogin.Outcome otp = follow(login, login.web.submit(vneid.page(), "#kc-form-login",
                Map.of("username", idNumber, "password", VneidStandIn.PASSWORD)));
        assertThat(otp.page().body()).as("the SMS-code page").contains("vneid-sandbox-otp-form");
        return otp.page();
    }

    /** Two logins, one per node, raced to the end; the subjects of those that reached the portal. */
    private List<String> race(String idNumber) throws Exception {
        PortalLogin onFirst = new PortalLogin(cluster.first(), "dvcqg-portal");
        PortalLogin onSecond = new PortalLogin(cluster.second(), "dvcqg-portal");
        return FirstLoginRace.run(onFirst, upToOtp(onFirst, idNumber), onSecond, upToOtp(onSecond, idNumber),
                (login, otp) -> follow(login, login.web.submit(otp, "#vneid-sandbox-otp-form",
                        Map.of("otp", VneidStandIn.OTP))));
    }

    /**
     * Two logins, one per node, brought to the page that shows the legacy account, then both "Đây là tài khoản của
     * tôi" raced; the subjects of those that reached the portal.
     */
    private List<String> raceOnTheShownAccount(String idNumber) throws Exception {
        PortalLogin onFirst = new PortalLogin(cluster.first(), "dvcqg-portal");
        PortalLogin onSecond = new PortalLogin(cluster.second(), "dvcqg-portal");
        HttpResponse<String> firstShown = shown(onFirst, idNumber);
        HttpResponse<String> secondShown = shown(onSecond, idNumber);
        return FirstLoginRace.run(onFirst, firstShown, onSecond, secondShown,
                (login, shown) -> follow(login, login.web.submit(shown, "#vneid-shown-account-form",
                        Map.of("action", "mine"))));
    }

    private static HttpResponse<String> shown(PortalLogin login, String idNumber) {
        PortalLogin.Outcome shown = follow(login, login.web.submit(upToOtp(login, idNumber), "#vneid-sandbox-otp-form",
                Map.of("otp", VneidStandIn.OTP)));
        assertThat(PortalLogin.isShownAccount(shown)).as("the account is shown before anything is linked:\n"
                + shown.page().body()).isTrue();
        return shown.page();
    }

    private List<String> vneidLinks(String idNumber) {
        return FirstLoginRace.vneidLinks(admin, idNumber);
    }

    @Nested
    class GivenALegacyAccountWithTheVerifiedCccd {

        @Test
        void thenBothNodesEndOnThatOneAccountWithOneLink() throws Exception {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.LINK_RACE);
            String idNumber = VneidStandIn.account(admin, person, 2);

            List<String> subjects = raceOnTheShownAccount(idNumber);

            List<String> linked = vneidLinks(idNumber);
            assertThat(linked).as("one link").hasSize(1);
            assertThat(subjects).as("every success is the legacy account").containsOnly(linked.get(0));
            assertThat(VneidUsers.createdFor(admin, idNumber).size())
                    .as("no user created from VNeID beside the account").isZero();
        }
    }

    @Nested
    class GivenACitizenWithNoPortalAccount {

        @Test
        void thenBothNodesEndOnOneNewUserAndItsSessionIsSeenOnBoth() throws Exception {
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(155)
                    .findFirst().orElseThrow();
            String idNumber = VneidStandIn.account(admin, person, 2);

            List<String> subjects = race(idNumber);

            List<JsonNode> users = VneidUsers.createdFor(admin, idNumber);
            assertThat(users.size()).as("one user").isEqualTo(1);
            String userId = users.get(0).get("id").asText();
            assertThat(subjects).containsOnly(userId);
            assertThat(vneidLinks(idNumber)).containsExactly(userId);
            assertThat(cluster.adminOnSecond().get("/admin/realms/dvc/users/" + userId + "/sessions").size())
                    .as("the second node sees the sessions made on both").isEqualTo(subjects.size());
        }
    }
}
