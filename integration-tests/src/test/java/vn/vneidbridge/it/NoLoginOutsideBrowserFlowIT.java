package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;

/**
 * A citizen of realm {@code dvc} logs in only through the browser flow — the legacy password form with its
 * captcha, cutoff and CCCD step, or VNeID. Every client of the imported realm, listed through the admin API (so
 * a client added to the realm file tomorrow is walked too), is tried with each other way Keycloak 26.7 has of
 * issuing a token for a user: the password grant, the device authorization grant, CIBA, token exchange (standard
 * and the legacy one), the JWT authorization grant, the client-credentials grant and the implicit flow. Each
 * must be refused, the legacy account {@code tothinga} must not be imported by the attempts, and no
 * brute-force failure may be counted on the already-imported {@code nguyenvanan}. A client an operator creates
 * later with the password grant on, or a SAML client with ECP on, meets the realm's flows that deny.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoLoginOutsideBrowserFlowIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A legacy account nobody has logged in with yet: a password check would import it. */
    private static final String NOT_IMPORTED = LegacyPersonas.TOTHINGA;
    /** A legacy account already in Keycloak (logged in through the portal before the attempts). */
    private static final String IMPORTED = LegacyPersonas.NGUYENVANAN;
    private static final String PASSWORD = LegacyPersonas.PASSWORD;
    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /** Keycloak's answers to a client that cannot authenticate at all (bearer-only clients have no usable secret). */
    /** The clients Keycloak 26.7's realm import creates unless the realm file declares them (RealmManager). */
    private static final List<String> BUILT_IN_CLIENTS = List.of("admin-cli", "account", "account-console", "broker",
            "realm-management", "security-admin-console");
    private static final List<String> CLIENT_CANNOT_AUTHENTICATE = List.of(
            "Invalid client or Invalid client credentials", "Bearer-only not allowed");

    private KeycloakServer keycloak;
    private AdminApi admin;
    private LinkFixtures fixtures;
    private final WebClient web = new WebClient();
    private String portalAccessToken;
    private String importedUserId;

    @BeforeAll
    void server(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.fixtures = new LinkFixtures(admin);
        fixtures.forget(NOT_IMPORTED);
        fixtures.forget(IMPORTED);
        portalAccessToken = browserLogin(IMPORTED);
        importedUserId = fixtures.user(IMPORTED).path("id").asText();
    }

    @AfterAll
    void putThePersonasBack() {
        fixtures.forget(NOT_IMPORTED);
        fixtures.forget(IMPORTED);
    }

    @BeforeEach
    void notImportedAndNoFailureCounted() {
        fixtures.forget(NOT_IMPORTED);
        admin.send("DELETE", "/admin/realms/dvc/attack-detection/brute-force/users/" + importedUserId, null);
    }

    @Nested
    class GivenEveryClientOfTheImportedRealm {

        @Test
        void thenEachHasEveryGrantButTheBrowserLoginSwitchedOff() {
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode client : clients()) {
                String id = client.path("clientId").asText();
                soft.assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + " direct access grants").isFalse();
                soft.assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id + " implicit flow").isFalse();
                soft.assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(id + " service account").isFalse();
                JsonNode attributes = client.path("attributes");
                for (String attribute : List.of("standard.token.exchange.enabled",
                        "oauth2.device.authorization.grant.enabled", "oidc.ciba.grant.enabled",
                        "oauth2.jwt.authorization.grant.enabled")) {
                    soft.assertThat(attributes.path(attribute).asText("false")).as(id + " " + attribute).isEqualTo("false");
                }
                soft.assertThat(client.path("authenticationFlowBindingOverrides").size())
                        .as(id + " binds no flow of its own").isZero();
            }
            soft.assertAll();
        }

        @Test
        void thenNoneChecksACitizensPasswordAtTheTokenEndpoint() {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                answers.add(token(client, "password of a legacy account not yet imported",
                        Map.of("grant_type", "password", "username", NOT_IMPORTED, "password", PASSWORD, "scope", "openid")));
                answers.add(token(client, "password of an imported account",
                        Map.of("grant_type", "password", "username", IMPORTED, "password", PASSWORD, "scope", "openid")));
                answers.add(token(client, "wrong password of an imported account",
                        Map.of("grant_type", "password", "username", IMPORTED, "password", "Wrong@123", "scope", "openid")));
            }

            assertRefused(answers, Set.of("unauthorized_client", "invalid_client"));
            assertNothingHappenedToTheCitizens();
        }

        @Test
        void thenNoneStartsADeviceLogin() {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                answers.add(post(client, "device authorization request", "/protocol/openid-connect/auth/device",
                        Map.of("scope", "openid")));
            }

            assertRefused(answers, Set.of("unauthorized_client", "invalid_client"));
            assertNothingHappenedToTheCitizens();
        }

        @Test
        void thenNoneStartsABackchannelLogin() {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                for (String user : List.of(NOT_IMPORTED, IMPORTED)) {
                    answers.add(post(client, "CIBA request for " + user, "/protocol/openid-connect/ext/ciba/auth",
                            Map.of("scope", "openid", "login_hint", user, "binding_message", "it")));
                }
            }

            assertRefusedBecause(answers, "Client not allowed OIDC CIBA Grant");
            assertNothingHappenedToTheCitizens();
        }

        @Test
        void thenNoneExchangesTheTokenOfAPortalLogin() {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                answers.add(token(client, "standard token exchange", Map.of("grant_type", TOKEN_EXCHANGE,
                        "subject_token", portalAccessToken, "subject_token_type", ACCESS_TOKEN_TYPE)));
            }

            assertRefusedBecause(answers, "Standard token exchange is not enabled for the requested client");
            assertNothingHappenedToTheCitizens();
        }

        @Test
        void thenNoneImpersonatesACitizenWithTheLegacyTokenExchange() {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                answers.add(token(client, "legacy token exchange (impersonation)", Map.of("grant_type", TOKEN_EXCHANGE,
                        "subject_token", portalAccessToken, "subject_token_type", ACCESS_TOKEN_TYPE,
                        "requested_subject", NOT_IMPORTED)));
                answers.add(token(client, "legacy token exchange (external token)", Map.of("grant_type", TOKEN_EXCHANGE,
                        "subject_token", portalAccessToken, "subject_token_type", ACCESS_TOKEN_TYPE,
                        "subject_issuer", "vneid")));
            }

            assertRefusedBecause(answers, "is not supported for standard token exchange");
            assertNothingHappenedToTheCitizens();
        }

        @Test
        void thenNoneTakesAnAssertionForAToken() {
            String assertion = unsignedJwt(Map.of("iss", keycloak.realmUri("vneid-sandbox").toString(),
                    "sub", LegacyPersonas.NGUYENVANAN, "aud", keycloak.realmUri("dvc").toString(),
                    "iat", Instant.now().getEpochSecond(), "exp", Instant.now().getEpochSecond() + 60,
                    "jti", PortalLogin.random(8)));
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                answers.add(token(client, "JWT authorization grant",
                        Map.of("grant_type", JWT_BEARER, "assertion", assertion, "scope", "openid")));
            }

            assertRefusedBecause(answers, "JWT Authorization Grant is not supported for the requested client",
                    "Public client not allowed to use authorization grant");
            assertNothingHappenedToTheCitizens();
        }

        @Test
        void thenNoneGetsATokenForItsOwnServiceAccount() {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode client : clients()) {
                answers.add(token(client, "client credentials", Map.of("grant_type", "client_credentials")));
            }

            assertRefused(answers, Set.of("unauthorized_client", "invalid_client"));
        }

        @Test
        void thenNoneGetsATokenStraightFromTheAuthorizationEndpoint() {
            SoftAssertions soft = new SoftAssertions();
            for (JsonNode client : clients()) {
                String id = client.path("clientId").asText();
                Map<String, String> params = new LinkedHashMap<>();
                params.put("client_id", id);
                params.put("response_type", "token");
                params.put("redirect_uri", redirectUri(client));
                params.put("scope", "openid");
                params.put("state", PortalLogin.random(8));
                params.put("nonce", PortalLogin.random(8));
                HttpResponse<String> response = new WebClient().get(URI.create(
                        keycloak.realmUri("dvc") + "/protocol/openid-connect/auth?" + WebClient.form(params)));

                soft.assertThat(response.statusCode()).as(id + ": implicit flow, no login page shown").isNotEqualTo(200);
                if (WebClient.isRedirect(response)) {
                    String location = WebClient.location(response).toString();
                    soft.assertThat(location).as(id + ": implicit flow refused to the client")
                            .contains("error=unauthorized_client").doesNotContain("access_token").doesNotContain("id_token");
                } else {
                    soft.assertThat(response.statusCode()).as(id + ": implicit flow refused").isBetween(400, 403);
                }
            }
            soft.assertAll();
            assertNothingHappenedToTheCitizens();
        }
    }

    @Nested
    class GivenAnOperatorCreatesAClientWithDirectGrantsOn {

        @Test
        void thenTheRealmsDirectGrantFlowStillRefusesTheCitizensPassword() {
            String clientId = "it-operator-ropc-" + PortalLogin.random(4).toLowerCase().replaceAll("[^a-z0-9]", "x");
            Map<String, Object> representation = new LinkedHashMap<>();
            representation.put("clientId", clientId);
            representation.put("protocol", "openid-connect");
            representation.put("publicClient", false);
            representation.put("secret", "operator-secret");
            representation.put("standardFlowEnabled", false);
            representation.put("directAccessGrantsEnabled", true);
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/clients", representation);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            try {
                JsonNode client = admin.get("/admin/realms/dvc/clients/" + id);
                assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("the operator's switch holds").isTrue();

                List<Answer> answers = List.of(
                        token(client, "password of a legacy account not yet imported",
                                Map.of("grant_type", "password", "username", NOT_IMPORTED, "password", PASSWORD)),
                        token(client, "password of an imported account",
                                Map.of("grant_type", "password", "username", IMPORTED, "password", PASSWORD)),
                        token(client, "wrong password of an imported account",
                                Map.of("grant_type", "password", "username", IMPORTED, "password", "Wrong@123")));

                SoftAssertions soft = new SoftAssertions();
                for (Answer answer : answers) {
                    soft.assertThat(answer.status()).as(answer + " refused by the flow").isEqualTo(401);
                    soft.assertThat(answer.body()).as(answer + " no token").doesNotContain("access_token");
                }
                soft.assertAll();
                assertThat(loginErrors(clientId)).as("each attempt denied by the realm's direct grant flow")
                        .containsExactly("access_denied", "access_denied", "access_denied");
                assertNothingHappenedToTheCitizens();
            } finally {
                admin.send("DELETE", "/admin/realms/dvc/clients/" + id, null);
            }
        }
    }

    @Nested
    class GivenAnOperatorCreatesASamlClientThatAllowsEcp {

        /** SAML's ECP profile sends the password with HTTP Basic to the realm's {@code saml ecp} flow. */
        @Test
        void thenTheRealmsEcpFlowStillRefusesTheCitizensPassword() {
            String clientId = "it-operator-ecp-" + PortalLogin.random(4).toLowerCase().replaceAll("[^a-z0-9]", "x");
            String acs = "http://127.0.0.1:9/saml/acs";
            Map<String, Object> representation = new LinkedHashMap<>();
            representation.put("clientId", clientId);
            representation.put("protocol", "saml");
            representation.put("redirectUris", List.of(acs));
            representation.put("attributes", Map.of("saml.allow.ecp.flow", "true", "saml.client.signature", "false"));
            HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/clients", representation);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            try {
                SoftAssertions soft = new SoftAssertions();
                for (String[] credentials : List.of(new String[] {NOT_IMPORTED, PASSWORD},
                        new String[] {IMPORTED, PASSWORD}, new String[] {IMPORTED, "Wrong@123"})) {
                    HttpResponse<String> answer = ecpLogin(clientId, acs, credentials[0], credentials[1]);
                    soft.assertThat(answer.body()).as("ECP login of " + credentials[0] + " issues no assertion")
                            .doesNotContain(":Assertion").doesNotContain("urn:oasis:names:tc:SAML:2.0:status:Success");
                }
                soft.assertAll();
                assertThat(loginErrors(clientId)).as("each attempt denied by the realm's saml ecp flow")
                        .containsExactly("access_denied", "access_denied", "access_denied");
                assertNothingHappenedToTheCitizens();
            } finally {
                admin.send("DELETE", "/admin/realms/dvc/clients/" + id, null);
            }
        }
    }

    @Nested
    class GivenTheBuiltInClientsTheRealmFileDeclares {

        /** Realm vneid-sandbox declares none of them: Keycloak creates them there as it would in realm dvc. */
        @Test
        void thenTheyAreAsKeycloakCreatesThemSaveForTheGrantsSwitchedOff() {
            SoftAssertions soft = new SoftAssertions();
            for (String clientId : BUILT_IN_CLIENTS) {
                JsonNode declared = client("dvc", clientId);
                JsonNode created = read(client("vneid-sandbox", clientId).toString().replace("vneid-sandbox", "dvc"));
                for (String field : List.of("enabled", "publicClient", "bearerOnly", "fullScopeAllowed",
                        "consentRequired", "protocol", "rootUrl", "baseUrl", "redirectUris", "webOrigins")) {
                    soft.assertThat(declared.path(field)).as(clientId + " " + field).isEqualTo(created.path(field));
                }
                if (declared.path("standardFlowEnabled").asBoolean()) {
                    soft.assertThat(created.path("standardFlowEnabled").asBoolean())
                            .as(clientId + " browser login only where Keycloak has it").isTrue();
                }
                for (String attribute : List.of("pkce.code.challenge.method",
                        "client.use.lightweight.access.token.enabled")) {
                    soft.assertThat(declared.path("attributes").path(attribute))
                            .as(clientId + " " + attribute).isEqualTo(created.path("attributes").path(attribute));
                }
                soft.assertThat(mappers(declared)).as(clientId + " protocol mappers").isEqualTo(mappers(created));
                soft.assertThat(roles("dvc", clientId)).as(clientId + " roles").isEqualTo(roles("vneid-sandbox", clientId));
            }
            soft.assertAll();
        }

        @Test
        void thenTheRealmBindsItsDirectGrantToAFlowThatDenies() {
            JsonNode realm = admin.get("/admin/realms/dvc");
            String flow = realm.path("directGrantFlow").asText();
            List<String> authenticators = new ArrayList<>();
            for (JsonNode execution : admin.get("/admin/realms/dvc/authentication/flows/"
                    + flow.replace(" ", "%20") + "/executions")) {
                authenticators.add(execution.path("providerId").asText() + " " + execution.path("requirement").asText());
            }
            assertThat(authenticators).containsExactly("deny-access-authenticator REQUIRED");
        }
    }

    /** What one attempt answered. */
    record Answer(String client, String attempt, int status, String error, String description, String body) {
        @Override
        public String toString() {
            return client + " / " + attempt + " -> " + status + " " + error + " (" + description + ")";
        }
    }

    private void assertRefused(List<Answer> answers, Set<String> errors) {
        SoftAssertions soft = new SoftAssertions();
        for (Answer answer : answers) {
            soft.assertThat(answer.status()).as(answer + ": refused").isBetween(400, 403);
            soft.assertThat(answer.error()).as(answer + ": OAuth error").isIn(errors);
            soft.assertThat(answer.body()).as(answer + ": no token").doesNotContain("access_token")
                    .doesNotContain("device_code").doesNotContain("auth_req_id");
        }
        soft.assertAll();
    }

    /**
     * Refused because the client does not have the grant on (one of these descriptions), or before that because
     * it cannot authenticate at the endpoint at all (bearer-only, no usable secret).
     */
    private void assertRefusedBecause(List<Answer> answers, String... descriptions) {
        List<String> reasons = new ArrayList<>(List.of(descriptions));
        reasons.addAll(CLIENT_CANNOT_AUTHENTICATE);
        SoftAssertions soft = new SoftAssertions();
        for (Answer answer : answers) {
            soft.assertThat(answer.status()).as(answer + ": refused").isBetween(400, 403);
            soft.assertThat(answer.body()).as(answer + ": no token").doesNotContain("access_token")
                    .doesNotContain("auth_req_id");
            soft.assertThat(answer.description()).as(answer + ": refused because the grant is off")
                    .isNotNull().containsAnyOf(reasons.toArray(String[]::new));
        }
        soft.assertAll();
    }

    private void assertNothingHappenedToTheCitizens() {
        assertThat(fixtures.user(NOT_IMPORTED)).as(NOT_IMPORTED + " not imported by the attempts").isNull();
        JsonNode failures = admin.get("/admin/realms/dvc/attack-detection/brute-force/users/" + importedUserId);
        assertThat(failures.path("numFailures").asInt()).as("no password checked for " + IMPORTED).isZero();
    }

    private List<JsonNode> clients() {
        List<JsonNode> clients = new ArrayList<>();
        admin.get("/admin/realms/dvc/clients").forEach(clients::add);
        assertThat(clients).extracting(c -> c.path("clientId").asText())
                .as("the portals and Keycloak's own clients")
                .contains("dvcqg-portal").containsAll(BUILT_IN_CLIENTS);
        return clients;
    }

    private JsonNode client(String realm, String clientId) {
        JsonNode found = admin.get("/admin/realms/" + realm + "/clients?clientId=" + clientId);
        assertThat(found).as(clientId + " in realm " + realm).hasSize(1);
        return found.get(0);
    }

    private static Set<String> mappers(JsonNode client) {
        Set<String> names = new TreeSet<>();
        client.path("protocolMappers").forEach(m -> names.add(m.path("name").asText() + " " + m.path("protocolMapper").asText()));
        return names;
    }

    private Set<String> roles(String realm, String clientId) {
        String id = client(realm, clientId).path("id").asText();
        Set<String> names = new TreeSet<>();
        admin.get("/admin/realms/" + realm + "/clients/" + id + "/roles").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    private List<String> loginErrors(String clientId) {
        List<String> errors = new ArrayList<>();
        admin.get("/admin/realms/dvc/events?type=LOGIN_ERROR&client=" + clientId + "&max=50")
                .forEach(event -> errors.add(event.path("error").asText()));
        return errors;
    }

    /** A token request as the client makes it: with its secret from the admin API when it is confidential. */
    private Answer token(JsonNode client, String attempt, Map<String, String> fields) {
        return post(client, attempt, "/protocol/openid-connect/token", fields);
    }

    private Answer post(JsonNode client, String attempt, String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("client_id", client.path("clientId").asText());
        secret(client).ifPresent(secret -> form.put("client_secret", secret));
        HttpResponse<String> response = web.postForm(URI.create(keycloak.realmUri("dvc") + path), form);
        JsonNode json = read(response.body());
        return new Answer(client.path("clientId").asText(), attempt, response.statusCode(),
                json.path("error").asText(null), json.path("error_description").asText(null), response.body());
    }

    private Optional<String> secret(JsonNode client) {
        if (client.path("publicClient").asBoolean()) {
            return Optional.empty();
        }
        HttpResponse<String> secret = admin.send("GET", "/admin/realms/dvc/clients/" + client.path("id").asText()
                + "/client-secret", null);
        return secret.statusCode() == 200
                ? Optional.ofNullable(read(secret.body()).path("value").asText(null))
                : Optional.empty();
    }

    /** A redirect URI the client accepts (its first, made concrete), or a loopback one when it has none. */
    private String redirectUri(JsonNode client) {
        JsonNode uris = client.path("redirectUris");
        if (uris.isEmpty()) {
            return "http://127.0.0.1:9/callback";
        }
        String uri = uris.get(0).asText().replace("*", "callback");
        return uri.startsWith("/") ? keycloak.baseUri() + uri : uri;
    }

    /** Logs in through the national portal's browser flow; the access token of that login. */
    private String browserLogin(String username) {
        PortalLogin login = new PortalLogin(keycloak, "dvcqg-portal");
        PortalLogin.Outcome done = login.skipLinkNoticeIfShown(login.skipCccdFormIfShown(
                login.submitPassword(username, PASSWORD)));
        URI callback = done.callback().orElseThrow(() -> new AssertionError(
                "the browser login of " + username + " did not finish: " + done.page().body()));
        JsonNode tokens = login.exchange(WebClient.query(callback).get("code"), login.verifier);
        assertThat(tokens.has("access_token")).as(tokens.toString()).isTrue();
        return tokens.get("access_token").asText();
    }

    /** A login by SAML's ECP profile: an AuthnRequest in a SOAP envelope, the credentials in HTTP Basic. */
    private HttpResponse<String> ecpLogin(String clientId, String acs, String username, String password) {
        String envelope = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + PortalLogin.random(12)
                + "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\" AssertionConsumerServiceURL=\"" + acs
                + "\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:PAOS\">"
                + "<saml:Issuer>" + clientId + "</saml:Issuer></samlp:AuthnRequest></S:Body></S:Envelope>";
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(keycloak.realmUri("dvc") + "/protocol/saml"))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unsignedJwt(Map<String, Object> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        try {
            return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + base64.encodeToString(JSON.writeValueAsBytes(claims)) + "."
                    + base64.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
