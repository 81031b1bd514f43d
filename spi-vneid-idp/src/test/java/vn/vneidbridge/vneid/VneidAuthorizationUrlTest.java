package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.util.IdentityBrokerState;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The authorization request sent to VNeID, built by Keycloak's broker plus the VNeID {@code acr_values}. */
class VneidAuthorizationUrlTest {

    private static final String REDIRECT = "http://localhost:8080/realms/dvc/broker/vneid/endpoint";

    private final Map<String, String> clientNotes = new HashMap<>();
    private final Map<String, String> authNotes = new HashMap<>();

    private AuthenticationSessionModel authSession() {
        ClientModel client = Stub.of(ClientModel.class).returning("getAttribute", null)
                .returning("getClientId", "dvcqg-portal").build();
        return Stub.of(AuthenticationSessionModel.class)
                .on("getClientNote", args -> clientNotes.get((String) args[0]))
                .on("setClientNote", args -> clientNotes.put((String) args[0], (String) args[1]))
                .on("getAuthNote", args -> authNotes.get((String) args[0]))
                .returning("getClient", client)
                .build();
    }

    private Map<String, List<String>> authorizationUrl(String... keyValues) {
        IdentityProviderModel model = VneidIdentityProviderConfig.withDefaults();
        model.setAlias("vneid");
        model.getConfig().put("clientId", "dvc-broker");
        for (int i = 0; i < keyValues.length; i += 2) {
            model.getConfig().put(keyValues[i], keyValues[i + 1]);
        }
        KeycloakSession session = Stub.of(KeycloakSession.class).build();
        RealmModel realm = Stub.of(RealmModel.class).build();
        VneidIdentityProvider provider = new VneidIdentityProviderFactory().create(session, model);
        AuthenticationRequest request = new AuthenticationRequest(session, realm, authSession(), null, null,
                IdentityBrokerState.decoded("relay", "client-uuid", "dvcqg-portal", "tab", null), REDIRECT);

        URI uri = provider.createAuthorizationUrl(request).build();

        assertThat(uri.toString()).startsWith("http://localhost:8080/realms/vneid-sandbox/protocol/openid-connect/auth?");
        return query(uri);
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.computeIfAbsent(nameValue[0], name -> new ArrayList<>())
                    .add(URLDecoder.decode(nameValue.length > 1 ? nameValue[1] : "", StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Nested
    class GivenNoLevelAskedByTheClient {

        @Test
        void thenTheConfiguredMinimumIsRequested() {
            assertThat(authorizationUrl()).containsEntry("acr_values", List.of("1"));
        }

        @Test
        void thenAMinimumOfTwoIsRequested() {
            assertThat(authorizationUrl("minimumLevel", "2")).containsEntry("acr_values", List.of("2"));
        }

        @Test
        void thenKeycloaksOwnParametersAreThere() {
            Map<String, List<String>> query = authorizationUrl();

            assertThat(query).containsEntry("client_id", List.of("dvc-broker"))
                    .containsEntry("response_type", List.of("code"))
                    .containsEntry("scope", List.of("openid"))
                    .containsEntry("redirect_uri", List.of(REDIRECT))
                    .containsEntry("code_challenge_method", List.of("S256"))
                    .containsKeys("state", "nonce", "code_challenge");
        }
    }

    /**
     * Keycloak's authorization endpoint turns the portal's {@code acr_values} / {@code claims} into the requested
     * level of authentication (the realm's acr-to-LoA map: "0" password, "1"/"LoA1" VNeID level 1, "2"/"LoA2"
     * level 2; an unknown name is level 0, an unknown number is that number).
     */
    @Nested
    class GivenTheClientAsksForALevel {

        @Test
        void thenLevelTwoIsAskedOfVneid() {
            clientNotes.put("requested-level-of-authentication", "2");

            assertThat(authorizationUrl()).containsEntry("acr_values", List.of("2"));
        }

        @Test
        void thenAnEssentialLevelTwoIsAskedOfVneid() {
            clientNotes.put("requested-level-of-authentication", "2");
            clientNotes.put("force-level-of-authentication", "true");

            assertThat(authorizationUrl()).containsEntry("acr_values", List.of("2"));
        }

        @Test
        void thenALowerLevelThanTheMinimumIsNotRequested() {
            clientNotes.put("requested-level-of-authentication", "1");

            assertThat(authorizationUrl("minimumLevel", "2")).containsEntry("acr_values", List.of("2"));
        }

        @Test
        void thenAPasswordLevelOrARealmNameAsksForTheMinimum() {
            clientNotes.put("requested-level-of-authentication", "0");

            assertThat(authorizationUrl()).containsEntry("acr_values", List.of("1"));
        }

        @Test
        void thenALevelAboveEveryVneidLevelAsksForTheHighest() {
            clientNotes.put("requested-level-of-authentication", "3");

            assertThat(authorizationUrl()).containsEntry("acr_values", List.of("2"));
        }
    }

    @Nested
    class GivenTheIdentityPageAsksTheCitizenToLogInAgain {

        @Test
        void thenVneidIsAskedToPromptForALogin() {
            authNotes.put("vneid.reauthenticate", "true");

            assertThat(authorizationUrl()).containsEntry("prompt", List.of("login"));
        }

        @Test
        void thenAnOrdinaryLoginSendsNoPrompt() {
            assertThat(authorizationUrl()).doesNotContainKey("prompt");
        }
    }
}
