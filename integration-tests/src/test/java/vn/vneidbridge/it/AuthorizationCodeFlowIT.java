package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
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
            Login login = new Login(clientId);
            URI callback = login.passwordLogin(username, PASSWORD);

            Map<String, String> answer = WebClient.query(callback);
            assertThat(answer.get("state")).isEqualTo(login.state);
            assertThat(answer.get("iss")).isEqualTo(issuer());
            JsonNode tokens = login.exchange(answer.get("code"), login.verifier);
            assertThat(tokens.has("error")).as(tokens.toString()).isFalse();

            SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asText());
            assertThat(idToken.verify(new RSASSAVerifier(realmKey(idToken.getHeader().getKeyID()))))
                    .as("ID token signed with the realm's published key").isTrue();
            JWTClaimsSet claims = idToken.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(issuer());
            assertThat(claims.getAudience()).containsExactly(clientId);
            assertThat(claims.getStringClaim("azp")).isEqualTo(clientId);
            assertThat(claims.getStringClaim("nonce")).isEqualTo(login.nonce);
            assertThat(claims.getSubject()).isEqualTo(userId);
            assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
            assertThat(claims.getExpirationTime()).isAfter(new Date());
        }

        @Test
        void thenACodeExchangedWithTheWrongVerifierIsRefused() throws Exception {
            Login login = new Login("dvcqg-portal");
            URI callback = login.passwordLogin(username, PASSWORD);
            String code = WebClient.query(callback).get("code");

            JsonNode refused = login.exchange(code, randomToken(48));
            assertThat(refused.path("error").asText()).isEqualTo("invalid_grant");
            assertThat(refused.has("id_token")).isFalse();
        }

        @Test
        void thenACodeCannotBeUsedTwice() throws Exception {
            Login login = new Login("dvcqg-portal");
            String code = WebClient.query(login.passwordLogin(username, PASSWORD)).get("code");

            assertThat(login.exchange(code, login.verifier).has("id_token")).isTrue();
            assertThat(login.exchange(code, login.verifier).path("error").asText()).isEqualTo("invalid_grant");
        }

        @Test
        void thenALoginWithoutPkceIsRefused() {
            Login login = new Login("dvcqg-portal");
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
            Login login = new Login("dvcqg-portal");
            Map<String, String> params = login.parameters();
            params.put("redirect_uri", "https://attacker.example/callback");
            HttpResponse<String> response = login.web.get(login.authorizationUri(params));

            assertThat(WebClient.isRedirect(response)).isFalse();
            assertThat(response.statusCode()).isEqualTo(400);
        }

        @Test
        void thenAWrongPasswordShowsTheFormAgainAndIssuesNoCode() {
            Login login = new Login("dvcqg-portal");
            HttpResponse<String> form = login.web.get(login.authorizationUri(login.parameters()));
            HttpResponse<String> again = login.web.submit(form, "#kc-form-login",
                    Map.of("username", username, "password", "wrong-" + PASSWORD));

            assertThat(WebClient.isRedirect(again)).isFalse();
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("kc-form-login");
        }
    }

    private String issuer() {
        return keycloak.realmUri("dvc").toString();
    }

    private RSAKey realmKey(String kid) throws Exception {
        JWKSet keys = JWKSet.load(URI.create(issuer() + "/protocol/openid-connect/certs").toURL());
        return keys.getKeyByKeyId(kid).toRSAKey();
    }

    private static String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** One login as a portal back end does it. */
    private final class Login {
        final WebClient web = new WebClient();
        final String clientId;
        final String state = randomToken(16);
        final String nonce = randomToken(16);
        final String verifier = randomToken(48);
        final String redirectUri = "http://127.0.0.1:" + (20000 + RANDOM.nextInt(40000)) + "/callback";

        Login(String clientId) {
            this.clientId = clientId;
        }

        Map<String, String> parameters() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client_id", clientId);
            params.put("redirect_uri", redirectUri);
            params.put("response_type", "code");
            params.put("scope", "openid");
            params.put("state", state);
            params.put("nonce", nonce);
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
            return params;
        }

        URI authorizationUri(Map<String, String> params) {
            return URI.create(issuer() + "/protocol/openid-connect/auth?" + WebClient.form(params));
        }

        /** Posts the login form and returns the redirect back to the portal. */
        URI passwordLogin(String user, String password) {
            HttpResponse<String> form = web.get(authorizationUri(parameters()));
            assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
            HttpResponse<String> done = web.followWithin(
                    web.submit(form, "#kc-form-login", Map.of("username", user, "password", password)),
                    keycloak.baseUri());
            assertThat(WebClient.isRedirect(done)).as("redirect back to the portal; got:\n" + done.body()).isTrue();
            URI callback = WebClient.location(done);
            assertThat(callback.toString()).startsWith(redirectUri);
            return callback;
        }

        JsonNode exchange(String code, String codeVerifier) throws Exception {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("grant_type", "authorization_code");
            body.put("code", code);
            body.put("redirect_uri", redirectUri);
            body.put("code_verifier", codeVerifier);
            body.put("client_id", clientId);
            body.put("client_secret", "sandbox-secret");
            HttpResponse<String> response = new WebClient().postForm(
                    URI.create(issuer() + "/protocol/openid-connect/token"), body);
            return JSON.readTree(response.body());
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
