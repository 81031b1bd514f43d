package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.OpenReviewEntries;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

/**
 * A security review of the first VNeID login: the holder's own answers, given in an order or a state the page did
 * not expect, must still end with one user linked to the VNeID identity and no user left without a link (an
 * orphan user named by the number blocks the holder's later logins). Synthetic people 181 and 186 (seed 42).
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstVneidLoginAttacksIT {

    private static final String SHOWN_FORM = "#vneid-shown-account-form";
    private static final String PASSWORD = "Sandbox@123";

    private KeycloakServer keycloak;
    private AdminApi admin;
    private final List<String> created = new ArrayList<>();

    @BeforeAll
    void standIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
    }

    @AfterAll
    void forget() {
        // the numbers' entries this class opened ("not mine", several accounts), so later classes meet them afresh
        OpenReviewEntries.dismiss(admin, created, "test clean-up");
        for (String username : created) {
            for (JsonNode user : admin.get("/admin/realms/dvc/users?exact=true&username=" + username)) {
                admin.deleteUser("dvc", user.get("id").asText());
            }
            for (JsonNode user : VneidUsers.createdFor(admin, username)) {
                admin.deleteUser("dvc", user.get("id").asText());
            }
        }
    }

    private static SyntheticPerson person(int index) {
        return SyntheticAccountGenerator.people(TestKeycloak.SYNTHETIC_PEOPLE, 42).skip(index).findFirst()
                .orElseThrow();
    }

    /** A portal account (made by an operator) holding the number verified, with these further attributes. */
    private String accountHolding(String username, String idNumber, Map<String, List<String>> more) {
        created.add(username);
        Map<String, List<String>> attributes = new java.util.LinkedHashMap<>(more);
        attributes.put("cccd", List.of(idNumber));
        attributes.put("cccd_verified", List.of("true"));
        attributes.put("cccd_verified_source", List.of("population-registry"));
        return admin.createUser("dvc", username, PASSWORD, Map.of("attributes", attributes));
    }

    private PortalLogin.Outcome vneid(PortalLogin login, String idNumber) {
        return login.vneidLogin(idNumber, VneidStandIn.PASSWORD, VneidStandIn.OTP, Map.of());
    }

    private List<String> links(String userId) {
        return admin.get("/admin/realms/dvc/users/" + userId + "/federated-identity").findValuesAsText("identityProvider");
    }

    /** The users created from VNeID for the number (their usernames are not the number, {@link VneidUsers}). */
    private JsonNode usersNamed(String idNumber) {
        com.fasterxml.jackson.databind.node.ArrayNode users = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.arrayNode();
        VneidUsers.createdFor(admin, idNumber).forEach(users::add);
        return users;
    }

    private static String attribute(JsonNode user, String name) {
        JsonNode values = user.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    @Nested
    class GivenAnAccountTheHolderUnlinkedThatThePopulationDatabaseNoLongerConfirms {

        @Test
        void thenTheFirstVneidLoginCreatesTheHoldersOwnLinkedUserAndLeavesNoOrphan() {
            SyntheticPerson person = person(181);
            String idNumber = VneidStandIn.account(admin, person, 2);
            created.add(idNumber);
            // linked to this number's VNeID once and unlinked by its holder; its name is no longer the registry's
            // (a correction of the civil record), so it is not offered for its password
            String unlinked = accountHolding("it.attack.unlinked", idNumber, Map.of(
                    "full_name", List.of("Tên Đã Cải Chính"),
                    "birthdate", List.of(person.birthDate().toString()),
                    "vneid_unlinked_at", List.of(Instant.now().minusSeconds(86_400).toString())));

            PortalLogin holder = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome first = vneid(holder, idNumber);

            JsonNode own = usersNamed(idNumber);
            assertThat(own.size()).as("the holder's own user").isEqualTo(1);
            assertThat(links(own.get(0).get("id").asText()))
                    .as("linked: no user named by the number is left without a link").containsExactly("vneid");
            assertThat(holder.finish(first).getSubject()).isEqualTo(own.get(0).get("id").asText());
            JsonNode account = admin.get("/admin/realms/dvc/users/" + unlinked);
            assertThat(attribute(account, "cccd_verified")).as("no longer verified for a number its holder left")
                    .isEqualTo("false");
            assertThat(attribute(account, "cccd_disputed_at")).isNotBlank();
            assertThat(admin.get("/admin/realms/dvc/vneid-bridge/review-entries?status=OPEN").toString())
                    .as("operators review it").contains(unlinked);

            PortalLogin next = new PortalLogin(keycloak, "dvcqg-portal");
            assertThat(next.finish(vneid(next, idNumber)).getSubject()).as("the next login lands there")
                    .isEqualTo(own.get(0).get("id").asText());
        }
    }

    @Nested
    class GivenTheHolderAnsweringMineInOneLoginAndNotMineInAnother {

        @Test
        void thenOneUserIsLinkedAndNoUserIsLeftWithoutALink() {
            SyntheticPerson person = person(186);
            String idNumber = VneidStandIn.account(admin, person, 2);
            created.add(idNumber);
            String shownId = accountHolding("it.attack.shown", idNumber, Map.of());

            PortalLogin first = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin second = new PortalLogin(keycloak, "dvcqg-portal");
            PortalLogin.Outcome firstShown = vneid(first, idNumber);
            PortalLogin.Outcome secondShown = vneid(second, idNumber);
            assertThat(PortalLogin.isShownAccount(firstShown) && PortalLogin.isShownAccount(secondShown))
                    .as("both logins are shown the account").isTrue();

            // "mine" in the first; its browser has not yet followed Keycloak's redirect that stores the link
            HttpResponse<String> mine = first.web.submit(firstShown.page(), SHOWN_FORM, Map.of("action", "mine"));
            assertThat(WebClient.isRedirect(mine)).as(mine.body()).isTrue();
            // "not mine" in the second
            HttpResponse<String> notMine = second.web.submit(secondShown.page(), SHOWN_FORM,
                    Map.of("action", "not-mine"));
            PortalLogin.Outcome firstEnd = first.follow(mine);
            PortalLogin.Outcome secondEnd = second.follow(notMine);

            List<String> linked = new ArrayList<>();
            if (links(shownId).contains("vneid")) {
                linked.add(shownId);
            }
            JsonNode own = usersNamed(idNumber);
            for (JsonNode user : own) {
                assertThat(links(user.get("id").asText()))
                        .as("a user named by the number is linked, never left without a link").containsExactly("vneid");
                linked.add(user.get("id").asText());
            }
            assertThat(linked).as("one user linked to the VNeID identity").hasSize(1);
            JsonNode shown = admin.get("/admin/realms/dvc/users/" + shownId);
            if (linked.contains(shownId)) {
                assertThat(attribute(shown, "cccd_disputed_at")).as("not linked and disowned at once").isNull();
            }
            List<String> subjects = new ArrayList<>();
            if (firstEnd.callback().isPresent()) {
                subjects.add(first.finish(firstEnd).getSubject());
            }
            if (secondEnd.callback().isPresent()) {
                subjects.add(second.finish(secondEnd).getSubject());
            }
            assertThat(subjects).as("every login that reached the portal is on the linked user")
                    .isNotEmpty().containsOnly(linked.get(0));
        }
    }
}
