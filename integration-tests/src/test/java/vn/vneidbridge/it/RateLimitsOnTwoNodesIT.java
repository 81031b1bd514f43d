package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.TestKeycloakCluster;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;
import vn.vneidbridge.sandbox.registry.SimulatorMode;

/**
 * The CCCD attempt limit on a cluster: ten submissions of one account at once, half of them to each node (a
 * balancer spreading one attacker's requests), still get no more than the limit to the population database —
 * the count lives in the cluster's shared single-use store, not in either node.
 */
@ExtendWith(TestKeycloakCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsOnTwoNodesIT {

    private TestKeycloakCluster.Cluster cluster;
    private AdminApi admin;
    private String userId;

    @BeforeAll
    void cluster(TestKeycloakCluster.Cluster cluster) {
        this.cluster = cluster;
        this.admin = cluster.admin();
    }

    @AfterEach
    void cleanUp() {
        cluster.registry().simulator().reset();
        if (userId != null) {
            admin.deleteUser("dvc", userId);
            userId = null;
        }
    }

    @Nested
    class GivenTenCccdSubmissionsOfOneAccountSplitAcrossBothNodes {

        @Test
        void thenAtMostTheLimitReachThePopulationDatabase() throws Exception {
            int limit = RateLimitsIT.cccdLimitPerAccount(admin);
            SyntheticPerson person = SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(173)
                    .findFirst().orElseThrow();
            String username = "rl2-" + PortalLogin.random(6).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]", "x");
            userId = admin.createUser("dvc", username, "Sandbox@123", Map.of("firstName", "Thử", "lastName", "Nghiệm",
                    "email", username + "@example.vn", "emailVerified", true, "attributes", Map.of(
                            "full_name", List.of(person.fullName()),
                            "birthdate", List.of(person.birthDate().toString()),
                            "gender", List.of(person.gender().name().toLowerCase(java.util.Locale.ROOT)))));
            List<PortalLogin> logins = new ArrayList<>();
            List<PortalLogin.Outcome> forms = new ArrayList<>();
            for (int i = 0; i < RateLimitsIT.PARALLEL; i++) {
                KeycloakServer node = i % 2 == 0 ? cluster.first() : cluster.second();
                PortalLogin login = new PortalLogin(node, "dvcqg-portal");
                PortalLogin.Outcome form = login.submitPassword(username, "Sandbox@123");
                assertThat(form.page().body()).as("login %d reaches the CCCD form", i).contains("vneid-cccd-form");
                logins.add(login);
                forms.add(form);
            }
            cluster.registry().simulator().setMode(new SimulatorMode(400, 0, false));
            long before = cluster.registry().simulator().requestCount();

            List<String> pages = RateLimitsIT.submitCccdAtOnce(logins, forms, person);

            long calls = cluster.registry().simulator().requestCount() - before;
            assertThat(calls).as("population database calls for %d submissions on two nodes", RateLimitsIT.PARALLEL)
                    .isLessThanOrEqualTo(limit).isPositive();
            assertThat(pages.stream().filter(text -> text.contains(RateLimitsIT.TOO_MANY_CCCD_ATTEMPTS)).count())
                    .as("refused on either node without asking the population database")
                    .isEqualTo(RateLimitsIT.PARALLEL - calls);
        }
    }
}
