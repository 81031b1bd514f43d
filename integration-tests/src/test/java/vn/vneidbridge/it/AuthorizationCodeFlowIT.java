package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;

/**
 * The portals' authorization-code + PKCE flow against realm {@code dvc}, done as a portal's back end would
 * with a plain HTTP client: login form posted, code exchanged with the client secret, ID token checked
 * against the realm's published keys.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationCodeFlowIT {

    private static final String PASSWORD = "Sandbox@123";

    private KeycloakServer keycloak;
    private String username;
    private String userId;

    @BeforeAll
    void createUser(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.username = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        this.userId = admin.createUser("dvc", username, PASSWORD,
                Map.of("firstName", "Thị Nga", "lastName", "Tô", "email", username + "@example.vn",
                        "emailVerified", true));
    }

    @Nested
    class GivenAPortalClientOfRealmDvc {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"dvcqg-portal", "dvc-hatinh-web"})
        void thenTheCitizenLogsInAndThePortalGetsAValidIdToken(String clientId) throws Exception {
            PortalLogin login = new PortalLogin(keycloak, clientId);
            URI callback = login.skipCccdFormIfShown(login.submitPassword(username, PASSWORD)).callback().orElseThrow();

            Map<String, String> answer = WebClient.query(callback);
            assertThat(answer.get("state")).isEqualTo(login.state);
            assertThat(answer.get("iss")).isEqualTo(login.issuer());
            JsonNode tokens = login.exchange(answer.get("code"), login.verifier);
            JWTClaimsSet claims = login.validIdToken(tokens.get("id_token").asText());
            assertThat(claims.getAudience()).containsExactly(clientId);
            assertThat(claims.getSubject()).isEqualTo(userId);
            assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
            assertThat(claims.getExpirationTime()).isAfter(new Date());
        }

        @Test
        void thenACodeExchangedWithTheWrongVerifierIsRefused() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            String code = WebClient.query(login.skipCccdFormIfShown(login.submitPassword(username, PASSWORD))
                    .callback().orElseThrow()).get("code");

            JsonNode refused = login.exchange(code, PortalLogin.random(48));
            assertThat(refused.path("error").asText()).isEqualTo("invalid_grant");
            assertThat(refused.has("id_token")).isFalse();
        }

        @Test
        void thenACodeCannotBeUsedTwice() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            String code = WebClient.query(login.skipCccdFormIfShown(login.submitPassword(username, PASSWORD))
                    .callback().orElseThrow()).get("code");

            assertThat(login.exchange(code, login.verifier).has("id_token")).isTrue();
            assertThat(login.exchange(code, login.verifier).path("error").asText()).isEqualTo("invalid_grant");
        }

        @Test
        void thenALoginWithoutPkceIsRefused() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            Map<String, String> params = login.parameters();
            params.remove("code_challenge");
            params.remove("code_challenge_method");
            HttpResponse<String> response = login.web.get(login.authorizationUri(params));

            assertThat(WebClient.isRedirect(response)).isTrue();
            Map<String, String> error = WebClient.query(WebClient.location(response));
            assertThat(error.get("error")).isEqualTo("invalid_request");
            assertThat(error).doesNotContainKey("code");
        }

        @Test
        void thenAnUnregisteredRedirectUriGetsNoRedirectAtAll() {
            PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
            Map<String, String> params = login.parameters();
            params.put("redirect_uri", "https://attacker.example/callback");
            HttpResponse<String> response = login.web.get(login.authorizationUri(params));

            assertThat(WebClient.isRedirect(response)).isFalse();
            assertThat(response.statusCode()).isEqualTo(400);
        }

        @Test
        void thenAWrongPasswordShowsTheFormAgainAndIssuesNoCode() {
            PortalLogin.Outcome outcome = new PortalLogin(keycloak, "dvcqg-portal")
                    .submitPassword(username, "wrong-" + PASSWORD);

            assertThat(outcome.callback()).isEmpty();
            assertThat(outcome.page().statusCode()).isEqualTo(200);
            assertThat(outcome.page().body()).contains("kc-form-login");
        }
    }
}
