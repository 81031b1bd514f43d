package vn.vneidbridge.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Realm {@code dvc} as the file declares it: a citizen gets a token only through the browser flow. Every client
 * says so itself (a switch left out takes Keycloak's default, and {@code admin-cli}'s default is direct access
 * grants on), every client Keycloak would otherwise create is declared, and the flows that take a password
 * without the login page (the realm's direct grant flow, SAML ECP's "saml ecp") refuse whatever client an
 * operator adds later.
 */
class DvcRealmLoginOnlyThroughBrowserTest {

    /** The clients Keycloak 26.7's import creates in a realm whose file does not declare them (RealmManager). */
    static final List<String> BUILT_IN_CLIENTS = List.of("admin-cli", "account", "account-console", "broker",
            "realm-management", "security-admin-console");
    /** Client attributes that turn on a grant issuing tokens for users outside the browser flow. */
    static final List<String> GRANT_ATTRIBUTES = List.of("standard.token.exchange.enabled",
            "oauth2.device.authorization.grant.enabled", "oidc.ciba.grant.enabled",
            "oauth2.jwt.authorization.grant.enabled");

    private static JsonNode realm;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = DvcRealmLoginOnlyThroughBrowserTest.class.getResourceAsStream("/realms/dvc-realm.json")) {
            assertThat(in).as("realms/dvc-realm.json on the class path").isNotNull();
            realm = new ObjectMapper().readTree(in);
        }
    }

    @Nested
    class GivenEveryClientTheFileDeclares {

        @Test
        void thenKeycloaksOwnClientsAreAllAmongThem() {
            assertThat(clientIds()).containsAll(BUILT_IN_CLIENTS);
        }

        @Test
        void thenEachSwitchesOffThePasswordGrantTheImplicitFlowAndServiceAccounts() {
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                for (String field : List.of("directAccessGrantsEnabled", "implicitFlowEnabled", "serviceAccountsEnabled")) {
                    soft.assertThat(client.path(field).isBoolean()).as(id + " states " + field).isTrue();
                    soft.assertThat(client.path(field).asBoolean(true)).as(id + " " + field).isFalse();
                }
            }
            soft.assertAll();
        }

        @Test
        void thenEachSwitchesOffTokenExchangeTheDeviceGrantCibaAndTheJwtGrant() {
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                for (String attribute : GRANT_ATTRIBUTES) {
                    soft.assertThat(client.path("attributes").path(attribute).asText(null)).as(id + " " + attribute)
                            .isEqualTo("false");
                }
            }
            soft.assertAll();
        }

        @Test
        void thenNoneBindsAFlowOfItsOwn() {
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode client : realm.path("clients")) {
                soft.assertThat(client.path("authenticationFlowBindingOverrides").size())
                        .as(client.path("clientId").asText() + " authenticationFlowBindingOverrides").isZero();
            }
            soft.assertAll();
        }
    }

    @Nested
    class GivenTheFlowsThatTakeAPasswordWithoutTheLoginPage {

        @Test
        void thenTheRealmsDirectGrantFlowIsAFlowOfTheFileWhoseOnlyStepDeniesAccess() {
            String alias = realm.path("directGrantFlow").asText(null);
            assertThat(alias).as("directGrantFlow").isNotNull();

            assertThat(steps(flow(alias))).containsExactly("deny-access-authenticator REQUIRED");
        }

        /** Keycloak's SAML ECP profile runs the realm's flow named "saml ecp" (HTTP Basic) for any SAML client. */
        @Test
        void thenTheSamlEcpFlowIsOneOfTheFileWhoseOnlyStepDeniesAccess() {
            assertThat(steps(flow("saml ecp"))).containsExactly("deny-access-authenticator REQUIRED");
        }
    }

    private static List<String> clientIds() {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(client -> ids.add(client.path("clientId").asText()));
        return ids;
    }

    private static List<String> steps(JsonNode flow) {
        assertThat(flow.path("topLevel").asBoolean()).as(flow.path("alias").asText() + " is a top-level flow").isTrue();
        List<String> steps = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(execution -> steps.add(
                execution.path("authenticator").asText() + " " + execution.path("requirement").asText()));
        return steps;
    }

    private static JsonNode flow(String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias + " in the realm file");
    }
}
