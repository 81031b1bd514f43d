package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        HttpResponse<String> firstOtp = first.vneidUpToOtp(idNumber, VneidStandIn.PASSWORD);
        HttpResponse<String> secondOtp = second.vneidUpToOtp(idNumber, VneidStandIn.PASSWORD);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<PortalLogin.Outcome> a = CompletableFuture.supplyAsync(() -> {
            await(start);
            return first.submitOtp(firstOtp, VneidStandIn.OTP);
        });
        CompletableFuture<PortalLogin.Outcome> b = CompletableFuture.supplyAsync(() -> {
            await(start);
            return second.submitOtp(secondOtp, VneidStandIn.OTP);
        });
        start.countDown();
        PortalLogin.Outcome outcomeA = a.get(60, TimeUnit.SECONDS);
        PortalLogin.Outcome outcomeB = b.get(60, TimeUnit.SECONDS);
        List<String> subjects = new java.util.ArrayList<>();
        if (outcomeA.callback().isPresent()) {
            subjects.add(first.finish(outcomeA).getSubject());
        }
        if (outcomeB.callback().isPresent()) {
            subjects.add(second.finish(outcomeB).getSubject());
        }
        assertThat(subjects).as("at least one of the two logins succeeds").isNotEmpty();
        return subjects;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the race never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> vneidLinks(String idNumber) {
        List<String> linked = new java.util.ArrayList<>();
        for (JsonNode user : admin.get("/admin/realms/dvc/users?max=1000&briefRepresentation=true")) {
            for (JsonNode link : admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/federated-identity")) {
                if ("vneid".equals(link.path("identityProvider").asText())
                        && idNumber.equals(link.path("userName").asText())) {
                    linked.add(user.get("id").asText());
                }
            }
        }
        return linked;
    }

    @Nested
    class GivenALegacyAccountWithTheVerifiedCccd {

        @Test
        void thenBothRacersEndOnThatOneAccountWithOneLink() throws Exception {
            SyntheticPerson person = LegacyFixtures.person(LegacyFixtures.LINK_RACE);
            String idNumber = VneidStandIn.account(admin, person, 2);

            List<String> subjects = race(idNumber);

            List<String> linked = vneidLinks(idNumber);
            assertThat(linked).as("one link").hasSize(1);
            assertThat(subjects).as("every success is the legacy account").containsOnly(linked.get(0));
            assertThat(admin.get("/admin/realms/dvc/users?exact=true&username=" + idNumber).size())
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

            JsonNode users = admin.get("/admin/realms/dvc/users?exact=true&username=" + idNumber);
            assertThat(users.size()).as("one user").isEqualTo(1);
            assertThat(subjects).containsOnly(users.get(0).get("id").asText());
            assertThat(vneidLinks(idNumber)).containsExactly(users.get(0).get("id").asText());
        }
    }
}
