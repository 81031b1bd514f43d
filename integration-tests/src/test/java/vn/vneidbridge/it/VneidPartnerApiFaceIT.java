package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.PartnerApiRelyingParty;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;

/**
 * The stand-in VNeID's partner-API face ({@code /realms/vneid-sandbox/partner-api/...}) as a relying party meets
 * it: authorization through the stand-in's own login pages (password, then the SMS code), an encrypted code with
 * its {@code encrypt_key} in the raw query string, a form-encoded token request answered by an encrypted envelope,
 * userinfo as an encrypted envelope, all encrypted to the key the relying party registered — and the refusals.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VneidPartnerApiFaceIT {

    private static final String AN = "001090001234";
    private static final String HOA = "079195004567";
    private static final String CLIENT = "dvc-broker";
    private static final String SECRET = "sandbox-vneid-secret";
    private static final String KEY_URL = "partner.api.public.key.url";
    private static final String MODE = "partner.api.aes.mode";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KeycloakServer keycloak;
    private AdminApi admin;
    private PartnerApiRelyingParty rp;
    private String registeredKeyUrl;
    private String registeredMode;
    private String redirectUri;

    @BeforeAll
    void registerThisTestsKeyAtTheStandIn(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.rp = PartnerApiRelyingParty.start();
        this.registeredKeyUrl = VneidStandIn.brokerAttribute(admin, KEY_URL, rp.publicKeyUrl().toString());
        this.registeredMode = VneidStandIn.brokerAttribute(admin, MODE, "ECB");
        this.redirectUri = keycloak.realmUri("dvc") + "/broker/vneid/endpoint";
    }

    @AfterAll
    void restoreTheRegistration() {
        VneidStandIn.brokerAttribute(admin, KEY_URL, registeredKeyUrl);
        VneidStandIn.brokerAttribute(admin, MODE, registeredMode);
        rp.close();
    }

    @Nested
    class GivenNguyenVanAnAtLevel2 {

        @Test
        void thenTheRedirectCarriesTheEncryptedCodeAndKeyWithTheirPlusSignsUnescaped() {
            String location = null;
            // base64 of a 256-byte RSA block holds a '+' in all but about 0.4 % of cases: a few logins make it sure
            for (int attempt = 0; attempt < 4 && (location == null || !rawCodeAndKey(location).contains("+")); attempt++) {
                location = login(AN, "s-" + attempt, Map.of());
                assertThat(location).doesNotContain("%2B").doesNotContain("%2b");
            }

            Map<String, String> query = PartnerApiRelyingParty.rawQuery(location);
            assertThat(rawCodeAndKey(location)).contains("+");
            assertThat(query.get("code")).matches("[A-Za-z0-9+/]+=*");
            assertThat(query.get("encrypt_key")).matches("[A-Za-z0-9+/]+=*");
            assertThat(rp.open(query.get("code"), query.get("encrypt_key"), "ECB")).matches("[A-Za-z0-9]{20,}");
        }

        @Test
        void thenTheTokenAndUserinfoEnvelopesGiveHisClaimsAndTheLevelOfThisLogin() {
            String code = code(login(AN, "state-an", Map.of()), "ECB");

            HttpResponse<String> token = postForm("token", tokenRequest(code, redirectUri));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            JsonNode tokens = rp.openEnvelope(token.body(), "ECB");
            assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(tokens.get("expires_in").asInt()).isEqualTo(300);
            assertThat(tokens.has("id_token")).isFalse();

            HttpResponse<String> userinfo = userinfo("Bearer " + tokens.get("access_token").asText());
            assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
            JsonNode claims = rp.openEnvelope(userinfo.body(), "ECB");
            assertThat(claims.get("citizenPid").asText()).isEqualTo(AN);
            assertThat(claims.get("fullName").asText()).isEqualTo("Nguyễn Văn An");
            assertThat(claims.get("birthDate").asText()).isEqualTo("02/09/1990");
            assertThat(claims.get("gender").asText()).isEqualTo("Nam");
            assertThat(claims.get("phoneNumber").asText()).isEqualTo("0903112233");
            assertThat(claims.get("accountType").asText()).isEqualTo("1");
            assertThat(claims.get("accountLevel").asText()).isEqualTo("2");
        }

        @Test
        void thenTheStateComesBackAsSent() {
            String location = login(AN, "a state/with+signs", Map.of());

            assertThat(WebClient.query(URI.create(location)).get("state")).isEqualTo("a state/with+signs");
        }
    }

    @Nested
    class GivenLeThiHoaAtLevel1 {

        @Test
        void thenHerUserinfoSaysLevel1AndNu() {
            String code = code(login(HOA, "state-hoa", Map.of("acr_values", "1")), "ECB");

            JsonNode claims = rp.openEnvelope(userinfo("Bearer " + accessToken(code, "ECB")).body(), "ECB");

            assertThat(claims.get("citizenPid").asText()).isEqualTo(HOA);
            assertThat(claims.get("gender").asText()).isEqualTo("Nữ");
            assertThat(claims.get("accountLevel").asText()).isEqualTo("1");
        }
    }

    @Nested
    class GivenABadTokenRequest {

        @Test
        void thenAJsonBodyIs415() {
            String code = code(login(AN, "s", Map.of()), "ECB");

            HttpResponse<String> response = send(HttpRequest.newBuilder(face("token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"authorization_code\",\"client_id\":\""
                            + CLIENT + "\",\"client_secret\":\"" + SECRET + "\",\"code\":\"" + code
                            + "\",\"redirect_uri\":\"" + redirectUri + "\"}")));

            assertThat(response.statusCode()).isEqualTo(415);
        }

        @Test
        void thenAWrongSecretIs401InvalidClient() {
            String code = code(login(AN, "s", Map.of()), "ECB");
            Map<String, String> request = tokenRequest(code, redirectUri);
            request.put("client_secret", "not-the-secret");

            HttpResponse<String> response = postForm("token", request);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"invalid_client\"");
        }

        @Test
        void thenACodeRedeemedOnceIsRefusedTheSecondTime() {
            String code = code(login(AN, "s", Map.of()), "ECB");
            assertThat(postForm("token", tokenRequest(code, redirectUri)).statusCode()).isEqualTo(200);

            HttpResponse<String> again = postForm("token", tokenRequest(code, redirectUri));

            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("\"invalid_grant\"");
        }

        @Test
        void thenAnotherRedirectUriIs400AndBurnsTheCode() {
            String code = code(login(AN, "s", Map.of()), "ECB");

            HttpResponse<String> response = postForm("token", tokenRequest(code, redirectUri + "/elsewhere"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"invalid_grant\"");
            assertThat(postForm("token", tokenRequest(code, redirectUri)).statusCode()).isEqualTo(400);
        }

        @Test
        void thenWithPkceTheVerifierIsRequiredAndChecked() throws Exception {
            String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
            Map<String, String> pkce = Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                    "code_challenge_method", "S256");
            String without = code(login(AN, "s", pkce), "ECB");
            String wrong = code(login(AN, "s", pkce), "ECB");
            String right = code(login(AN, "s", pkce), "ECB");

            Map<String, String> wrongRequest = tokenRequest(wrong, redirectUri);
            wrongRequest.put("code_verifier", verifier.replace('d', 'e'));
            Map<String, String> rightRequest = tokenRequest(right, redirectUri);
            rightRequest.put("code_verifier", verifier);

            assertThat(postForm("token", tokenRequest(without, redirectUri)).statusCode()).isEqualTo(400);
            assertThat(postForm("token", wrongRequest).statusCode()).isEqualTo(400);
            assertThat(postForm("token", rightRequest).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class GivenABadAuthorizationRequest {

        @Test
        void thenARedirectUriNotRegisteredGetsAnErrorPageAndNoRedirect() {
            HttpResponse<String> response = new WebClient().get(authorize("state", "https://attacker.example/cb", Map.of()));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.body()).doesNotContain("attacker.example");
        }

        @Test
        void thenAnUnknownClientGetsAnErrorPageAndNoRedirect() {
            URI uri = URI.create(authorize("state", redirectUri, Map.of()).toString()
                    .replace("client_id=" + CLIENT, "client_id=no-such-client"));

            HttpResponse<String> response = new WebClient().get(uri);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }

        @Test
        void thenARefusalAtTheStandInReachesTheRelyingPartyAsAccessDenied() {
            WebClient web = new WebClient();

            String location = untilTheRelyingParty(web, web.get(authorize("state-r", redirectUri, Map.of("prompt", "none"))));

            Map<String, String> query = WebClient.query(URI.create(location));
            assertThat(query).containsEntry("error", "access_denied").containsEntry("state", "state-r")
                    .doesNotContainKeys("code", "encrypt_key");
        }
    }

    @Nested
    class GivenABadBearerToken {

        @Test
        void thenUserinfoIs401InvalidToken() {
            HttpResponse<String> response = userinfo("Bearer not-a-token");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"invalid_token\"");
            assertThat(userinfo(null).statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class GivenCbcRegistered {

        @Test
        void thenCodeTokenAndUserinfoOpenWithTheIvFirst() {
            String before = VneidStandIn.brokerAttribute(admin, MODE, "CBC");
            try {
                String code = code(login(AN, "s-cbc", Map.of()), "CBC");

                JsonNode claims = rp.openEnvelope(userinfo("Bearer " + accessToken(code, "CBC")).body(), "CBC");

                assertThat(claims.get("citizenPid").asText()).isEqualTo(AN);
                assertThat(claims.get("accountLevel").asText()).isEqualTo("2");
            } finally {
                VneidStandIn.brokerAttribute(admin, MODE, before);
            }
        }
    }

    /** A whole login at the stand-in through its pages; the raw Location the face sends the browser to. */
    private String login(String idNumber, String state, Map<String, String> extra) {
        WebClient web = new WebClient();
        HttpResponse<String> page = web.followWithin(web.get(authorize(state, redirectUri, extra)), keycloak.baseUri());
        assertThat(page.body()).as(page.uri().toString()).contains("kc-form-login");
        HttpResponse<String> otp = web.followWithin(web.submit(page, "#kc-form-login",
                Map.of("username", idNumber, "password", VneidStandIn.PASSWORD)), keycloak.baseUri());
        return untilTheRelyingParty(web, web.submit(otp, "#vneid-sandbox-otp-form", Map.of("otp", VneidStandIn.OTP)));
    }

    private String untilTheRelyingParty(WebClient web, HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10; hops++) {
            assertThat(WebClient.isRedirect(current)).as("a redirect, got " + current.statusCode() + ":\n" + current.body())
                    .isTrue();
            String location = current.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(redirectUri)) {
                return location;
            }
            current = web.get(WebClient.location(current));
        }
        throw new AssertionError("never redirected to the relying party");
    }

    private URI authorize(String state, String redirect, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", redirect);
        params.put("scope", "openid");
        params.put("state", state);
        params.putAll(extra);
        return URI.create(face("authorize") + "?" + WebClient.form(params));
    }

    private String code(String location, String mode) {
        Map<String, String> query = PartnerApiRelyingParty.rawQuery(location);
        assertThat(query).as(location).containsKeys("code", "encrypt_key");
        return rp.open(query.get("code"), query.get("encrypt_key"), mode);
    }

    private String accessToken(String code, String mode) {
        HttpResponse<String> token = postForm("token", tokenRequest(code, redirectUri));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return rp.openEnvelope(token.body(), mode).get("access_token").asText();
    }

    private Map<String, String> tokenRequest(String code, String redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", CLIENT);
        form.put("client_secret", SECRET);
        form.put("redirect_uri", redirect);
        form.put("code", code);
        return form;
    }

    private static String rawCodeAndKey(String location) {
        String query = URI.create(location).getRawQuery();
        return query.replaceAll("(^|&)state=[^&]*", "");
    }

    private URI face(String endpoint) {
        return URI.create(keycloak.realmUri("vneid-sandbox") + "/partner-api/" + endpoint);
    }

    private HttpResponse<String> postForm(String endpoint, Map<String, String> form) {
        return send(HttpRequest.newBuilder(face(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.form(form))));
    }

    private HttpResponse<String> userinfo(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(face("userinfo")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
