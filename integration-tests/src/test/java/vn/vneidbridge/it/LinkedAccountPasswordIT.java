package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * A portal account brought into Keycloak by its holder's first VNeID login (linked by its verified CCCD), then used
 * with its portal password, as a migrated citizen may while the cutoff allows: the first password login checks the
 * legacy hash once and stores the password in Keycloak (Argon2id); from then on Keycloak alone checks it — the
 * legacy row's hash (bcrypt here, MD5 on other rows) is never needed again and never checked again.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkedAccountPasswordIT {

    private KeycloakServer keycloak;
    private AdminApi admin;

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        VneidStandIn.account(admin, LegacyFixtures.person(LegacyFixtures.LINKED_PASSWORD), 2);
    }

    private JsonNode user(String username) {
        JsonNode found = admin.get("/admin/realms/dvc/users?exact=true&briefRepresentation=false&username=" + username);
        assertThat(found).as(username).hasSize(1);
        return found.get(0);
    }

    private String passwordAlgorithm(JsonNode user) {
        for (JsonNode credential : admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                return credential.path("credentialData").asText().replaceAll(".*\"algorithm\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            }
        }
        return null;
    }

    /** The rehash events of the legacy storage for this user (one per legacy hash checked and stored again). */
    private List<JsonNode> legacyRehashes(JsonNode user) {
        List<JsonNode> rehashes = new ArrayList<>();
        admin.get("/admin/realms/dvc/events?type=UPDATE_CREDENTIAL&max=500&user=" + user.get("id").asText())
                .forEach(event -> {
                    if ("legacy_rehash".equals(event.path("details").path("reason").asText())) {
                        rehashes.add(event);
                    }
                });
        return rehashes;
    }

    @Nested
    class GivenAPortalAccountLinkedByItsHoldersFirstVneidLogin {

        @Test
        void thenItsFirstPasswordLoginStoresThePasswordInKeycloakAndTheLegacyHashIsNeverCheckedAgain() {
            String cccd = LegacyFixtures.person(LegacyFixtures.LINKED_PASSWORD).cccd();
            PortalLogin vneid = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome shown = vneid.vneidLogin(cccd, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
            assertThat(PortalLogin.isShownAccount(shown)).as("the portal account is shown before it is linked").isTrue();
            vneid.finish(vneid.confirmShownAccount(shown));
            JsonNode user = user(LegacyFixtures.LINKED_PASSWORD);
            assertThat(admin.get("/admin/realms/dvc/users/" + user.get("id").asText() + "/federated-identity")
                    .findValuesAsText("identityProvider")).containsExactly("vneid");
            assertThat(passwordAlgorithm(user)).as("no password stored yet: VNeID brought the account in").isNull();

            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(LegacyFixtures.LINKED_PASSWORD, LegacyFixtures.PASSWORD);
            assertThat(passwordAlgorithm(user)).as("the first password login stores it in Keycloak").isEqualTo("argon2");
            assertThat(legacyRehashes(user)).hasSize(1);

            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(LegacyFixtures.LINKED_PASSWORD, LegacyFixtures.PASSWORD);
            new PortalLogin(keycloak, "dvcqg-portal").passwordLogin(LegacyFixtures.LINKED_PASSWORD, LegacyFixtures.PASSWORD);
            assertThat(legacyRehashes(user)).as("the legacy hash was checked once, never again").hasSize(1);
            assertThat(passwordAlgorithm(user)).isEqualTo("argon2");
        }
    }
}
