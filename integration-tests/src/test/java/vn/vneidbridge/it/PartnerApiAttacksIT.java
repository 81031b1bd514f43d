package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
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
import vn.vneidbridge.it.support.VneidProtocol;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.WebClient;

/**
 * Attacks on realm dvc's {@code vneid} provider speaking VNeID's partner API (threat model PA-20 onwards), as a
 * stranger or a citizen would make them: real HTTP against a real Keycloak and the stand-in VNeID's partner-API face.
 * The partner API has no ID token and so no nonce: what binds VNeID's answer to this browser's login is the
 * {@code state} (Keycloak's authentication session), PKCE, and the single-use code redeemed with the relying
 * party's secret.
 */
@ExtendWith(TestKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerApiAttacksIT {

    private static final String PORTAL = "dvcqg-portal";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakServer keycloak;
    private AdminApi admin;
    private String protocolBefore;
    private String victim;
    private String attacker;
    private String csrfAttacker;
    private String replayed;
    private String plusCitizen;

    @BeforeAll
    void partnerApi(KeycloakServer keycloak, AdminApi admin) {
        this.keycloak = keycloak;
        this.admin = admin;
        VneidStandIn.pointDvcAt(keycloak, admin);
        protocolBefore = VneidProtocol.use(admin, VneidProtocol.PARTNER_API);
        // synthetic people 115-119: no other test uses them
        victim = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(115), 2);
        attacker = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(116), 2);
        csrfAttacker = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(117), 2);
        replayed = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(118), 2);
        plusCitizen = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(119), 2);
    }

    @AfterAll
    void backToTheProtocolBefore() {
        VneidProtocol.use(admin, protocolBefore == null ? VneidProtocol.OIDC : protocolBefore);
    }

    // ---- the browser's hops, stopped where an attacker would stop them ----

    private URI callbackEndpoint() {
        return URI.create(keycloak.realmUri("dvc") + "/broker/vneid/endpoint");
    }

    private static boolean toTheCallback(HttpResponse<String> response) {
        return WebClient.isRedirect(response)
                && WebClient.location(response).getPath().endsWith("/realms/dvc/broker/vneid/endpoint");
    }

    /** Follows redirects until the one that would take the browser back to realm dvc's broker endpoint. */
    private HttpResponse<String> untilTheCallback(WebClient web, HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 12 && WebClient.isRedirect(current) && !toTheCallback(current); hops++) {
            current = web.get(WebClient.location(current));
        }
        return current;
    }

    /**
     * A VNeID login of {@code idNumber} started at the portal, taken through the stand-in's password and SMS-code
     * pages, up to VNeID's redirect to realm dvc: the callback URL (encrypted code, encrypt_key, state), not opened.
     */
    private URI callbackOf(PortalLogin login, String idNumber) {
        Map<String, String> params = login.parameters();
        params.put("kc_idp_hint", "vneid");
        HttpResponse<String> vneid = untilTheCallback(login.web, login.web.get(login.authorizationUri(params)));
        assertThat(PortalLogin.atVneid(vneid)).as("the stand-in's login page: " + vneid.uri() + "\n" + vneid.body())
                .isTrue();
        HttpResponse<String> next = untilTheCallback(login.web, login.web.submit(vneid, "#kc-form-login",
                Map.of("username", idNumber, "password", VneidStandIn.PASSWORD)));
        if (!toTheCallback(next)) {
            assertThat(next.body()).as("the SMS-code page").contains("vneid-sandbox-otp-form");
            next = untilTheCallback(login.web, login.web.submit(next, "#vneid-sandbox-otp-form",
                    Map.of("otp", VneidStandIn.OTP)));
        }
        assertThat(toTheCallback(next)).as("VNeID sends the browser back: " + next.statusCode() + " " + next.body())
                .isTrue();
        URI callback = WebClient.location(next);
        assertThat(rawParameter(callback, "encrypt_key")).as("an encrypted code: " + callback).isNotNull();
        return callback;
    }

    /**
     * A login started at the portal and taken to VNeID's authorization request only: the state realm dvc gave this
     * browser's login (the attacker's own, obtained without logging in at VNeID).
     */
    private String stateOf(PortalLogin login) {
        Map<String, String> params = login.parameters();
        params.put("kc_idp_hint", "vneid");
        HttpResponse<String> current = login.web.get(login.authorizationUri(params));
        for (int hops = 0; hops < 12 && WebClient.isRedirect(current); hops++) {
            URI next = WebClient.location(current);
            if (next.getPath().endsWith("/partner-api/authorize")) {
                return WebClient.query(next).get("state");
            }
            current = login.web.get(next);
        }
        throw new AssertionError("no authorization request to the partner API: " + current.uri());
    }

    /** A parameter of a URL exactly as it stands in the raw query (not decoded: {@code +} stays). */
    private static String rawParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The broker endpoint with a raw query (values already escaped as the attacker wants them). */
    private URI callback(String rawQuery) {
        return URI.create(callbackEndpoint() + "?" + rawQuery);
    }

    private static String escaped(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void refusedWithoutACode(PortalLogin.Outcome outcome) {
        outcome.callback().ifPresent(uri -> assertThat(WebClient.query(uri)).as("answer to the portal " + uri)
                .doesNotContainKey("code"));
        assertThat(outcome.page().body()).as("no first-login page of any identity")
                .doesNotContain("vneid-cccd-form").doesNotContain("vneid-shown-account-form")
                .doesNotContain("kc-idp-review-profile");
    }

    @Nested
    class GivenAnotherBrowsersCode {

        @Test
        void thenTheAttackersOwnLoginCannotRedeemIt() {
            // the victim's login at VNeID ends with a callback URL the attacker gets hold of before it is opened
            // (a shared computer's history, a proxy log, a link the victim is tricked into copying)
            URI stolen = callbackOf(new PortalLogin(keycloak, PORTAL), victim);
            PortalLogin attackers = new PortalLogin(keycloak, PORTAL);
            String attackersState = stateOf(attackers);

            PortalLogin.Outcome outcome = attackers.follow(attackers.web.get(callback(
                    "code=" + rawParameter(stolen, "code") + "&encrypt_key=" + rawParameter(stolen, "encrypt_key")
                            + "&state=" + escaped(attackersState))));

            refusedWithoutACode(outcome);
            assertThat(outcome.page().statusCode()).as("the code-refused page:\n" + outcome.page().body())
                    .isEqualTo(502);
        }

        @Test
        void thenTheVictimsBrowserRefusesTheAttackersCallbackAndRedeemsNothing() {
            // login CSRF: the attacker's own complete callback, opened by the victim's browser (which has a login
            // of its own under way)
            PortalLogin attackers = new PortalLogin(keycloak, PORTAL);
            URI attackersCallback = callbackOf(attackers, csrfAttacker);
            PortalLogin victims = new PortalLogin(keycloak, PORTAL);
            stateOf(victims);

            PortalLogin.Outcome outcome = victims.follow(victims.web.get(attackersCallback));

            refusedWithoutACode(outcome);
            // nothing was redeemed at VNeID: the attacker's code still works in the attacker's own browser
            JWTClaimsSet own = attackers.finish(attackers.follow(attackers.web.get(attackersCallback)));
            assertThat(own.getClaim("cccd")).isEqualTo(csrfAttacker);
        }
    }

    @Nested
    class GivenAFinishedLogin {

        @Test
        void thenItsCallbackReplayedGivesNoSecondCode() {
            PortalLogin login = new PortalLogin(keycloak, PORTAL);
            URI callback = callbackOf(login, replayed);
            login.finish(login.follow(login.web.get(callback)));

            PortalLogin.Outcome sameBrowser = login.follow(login.web.get(callback));
            PortalLogin other = new PortalLogin(keycloak, PORTAL);
            PortalLogin.Outcome otherBrowser = other.follow(other.web.get(callback));

            refusedWithoutACode(sameBrowser);
            refusedWithoutACode(otherBrowser);
        }
    }

    @Nested
    class GivenTheBase64OfTheCallback {

        @Test
        void thenAPercentEncodedPlusStillLogsIn() {
            PortalLogin login = new PortalLogin(keycloak, PORTAL);
            URI callback = callbackOf(login, plusCitizen);
            String raw = callback.getRawQuery();
            URI encoded = callback("code=" + rawParameter(callback, "code").replace("+", "%2B").replace("/", "%2F")
                    + "&encrypt_key=" + rawParameter(callback, "encrypt_key").replace("+", "%2B").replace("=", "%3D")
                    + "&state=" + rawParameter(callback, "state"));
            assertThat(raw).as("the face leaves + unescaped").doesNotContain("%2B");

            JWTClaimsSet claims = login.finish(login.follow(login.web.get(encoded)));

            assertThat(claims.getClaim("cccd")).isEqualTo(plusCitizen);
        }
    }

    @Nested
    class GivenAQrUrlTheCitizenLoggedInToTheAppWith {

        @Test
        void thenAnotherBrowserOpeningTheSameUrlCannotConfirmForHer() {
            // the attacker's own browser shows a QR; the citizen is tricked into opening it and logging in to the
            // app, then sees the asking service and does not confirm. The attacker opens the same QR URL.
            PortalLogin attackers = new PortalLogin(keycloak, PORTAL);
            HttpResponse<String> waiting = attackers.open(Map.of("kc_idp_hint", "vneid"));
            assertThat(PortalLogin.atVneid(waiting)).as(waiting.body()).isTrue();
            Document page = Jsoup.parse(waiting.body(), waiting.uri().toString());
            URI qrUrl = URI.create(page.select("#vneid-qr-url").attr("href"));
            String handle = page.select("#vneid-qr-form input[name=vneid_qr_handle]").val();
            WebClient citizensApp = new WebClient();
            HttpResponse<String> app = citizensApp.get(qrUrl);
            app = citizensApp.submit(app, "#vneid-app-login", Map.of("username", victim, "password",
                    VneidStandIn.PASSWORD));
            assertThat(Jsoup.parse(app.body()).select("#vneid-app").attr("data-view")).isEqualTo("CONFIRM");

            WebClient attackersApp = new WebClient();
            HttpResponse<String> opened = attackersApp.get(qrUrl);
            if (Jsoup.parse(opened.body()).selectFirst("#vneid-app-answer") != null) {
                attackersApp.submit(opened, "#vneid-app-answer", Map.of("answer", "confirm"));
            }
            PortalLogin.Outcome outcome = attackers.follow(attackers.web.submit(waiting, "#vneid-qr-form",
                    Map.of("vneid_qr_handle", handle)));

            assertThat(outcome.callback()).as("nobody logged in: " + outcome.page().body()).isEmpty();
            assertThat(outcome.page().body()).doesNotContain("vneid-cccd-form");
        }

        @Test
        void thenAForgedAnswerWithoutTheConfirmFormsTokenConfirmsNothing() {
            PortalLogin citizens = new PortalLogin(keycloak, PORTAL);
            HttpResponse<String> waiting = citizens.open(Map.of("kc_idp_hint", "vneid"));
            Document page = Jsoup.parse(waiting.body(), waiting.uri().toString());
            URI qrUrl = URI.create(page.select("#vneid-qr-url").attr("href"));
            WebClient app = new WebClient();
            HttpResponse<String> confirm = app.submit(app.get(qrUrl), "#vneid-app-login", Map.of("username", victim,
                    "password", VneidStandIn.PASSWORD));
            assertThat(Jsoup.parse(confirm.body()).select("#vneid-app").attr("data-view")).isEqualTo("CONFIRM");

            // a hostile page's form, posted by the citizen's own app browser: no token, or the app-login form's one
            app.postForm(URI.create(qrUrl + "/answer"), Map.of("answer", "confirm"));
            String loginToken = Jsoup.parse(app.get(qrUrl).body()).select("#vneid-app-login input[name=csrf]").val();
            app.postForm(URI.create(qrUrl + "/answer"), Map.of("answer", "confirm", "csrf", loginToken));

            HttpResponse<String> status = citizens.web.get(URI.create(page.select("#vneid-qr").attr("data-status-url")));
            assertThat(status.body()).as("the QR is still unanswered").contains("\"pending\"");
        }
    }

    @Nested
    class GivenAnEncryptKeyOfTheAttackersChoice {

        /** Three forged callbacks, each in a login of the attacker's own: the pages realm dvc answers with. */
        @Test
        void thenRsaBadAndAesBadAndAChosenCodeAnswerTheSame() throws Exception {
            PublicKey key = publishedKey(keycloak);
            byte[] aesKey = new byte[32];
            RANDOM.nextBytes(aesKey);
            String wrapped = Base64.getEncoder().encodeToString(rsa(key,
                    Base64.getEncoder().encodeToString(aesKey).getBytes(StandardCharsets.US_ASCII)));
            byte[] junkRsa = new byte[256];
            RANDOM.nextBytes(junkRsa);
            byte[] junkAes = new byte[48];
            RANDOM.nextBytes(junkAes);
            byte[] otherKey = new byte[32];
            RANDOM.nextBytes(otherKey);

            String rsaBad = forged(Base64.getEncoder().encodeToString(aes(otherKey, "chosen-code")),
                    Base64.getEncoder().encodeToString(junkRsa));
            String aesBad = forged(Base64.getEncoder().encodeToString(junkAes), wrapped);
            String chosenCode = forged(Base64.getEncoder().encodeToString(aes(aesKey, "attacker-chosen-code")),
                    wrapped);
            byte[] oversized = new byte[2400];
            RANDOM.nextBytes(oversized);
            String oversizedKey = forged(Base64.getEncoder().encodeToString(junkAes),
                    Base64.getEncoder().encodeToString(oversized));

            assertThat(aesBad).as("RSA good, AES bad answers as RSA bad").isEqualTo(rsaBad);
            assertThat(chosenCode).as("a chosen code VNeID refuses answers as RSA bad").isEqualTo(rsaBad);
            assertThat(oversizedKey).as("an oversized encrypt_key answers as RSA bad").isEqualTo(rsaBad);
            assertThat(rsaBad).startsWith("502 ");
            List<String> reasons = admin.get("/admin/realms/dvc/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=4")
                    .findValues("reason").stream().map(JsonNode::asText).toList();
            assertThat(reasons).as("the events of the four forged callbacks").hasSize(4)
                    .containsOnly("vneid-partner-code_refused");
        }

        @Test
        void thenACodeWithoutEncryptKeyIsRefusedAsTheSame() {
            PortalLogin login = new PortalLogin(keycloak, PORTAL);
            String state = stateOf(login);

            PortalLogin.Outcome outcome = login.follow(login.web.get(callback("code=plain-code-of-my-choice&state="
                    + escaped(state))));

            refusedWithoutACode(outcome);
            assertThat(outcome.page().statusCode()).isEqualTo(502);
        }

        private String forged(String code, String encryptKey) {
            PortalLogin login = new PortalLogin(keycloak, PORTAL);
            String state = stateOf(login);
            HttpResponse<String> page = login.web.followWithin(login.web.get(callback("code=" + code
                    + "&encrypt_key=" + encryptKey + "&state=" + escaped(state))), keycloak.baseUri());
            assertThat(login.follow(page).callback()).isEmpty();
            // what differs between two logins anyway: the state, the session and tab ids in links
            return page.statusCode() + " " + page.body().replace(state, "STATE")
                    .replaceAll("[A-Za-z0-9_-]{11,}", "ID");
        }
    }

    /**
     * A VNeID whose token and userinfo endpoints answer what the test wants (a compromised or misbehaving VNeID, or
     * one whose claims drift): a real HTTP server the provider's {@code tokenUrl} and {@code userInfoUrl} point at,
     * answering envelopes encrypted to realm dvc's published key. The login is the attacker's own (own state), the
     * code whatever the attacker wrote in the callback.
     */
    @Nested
    class GivenAVneidAnsweringHostileClaims {

        private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        private PortalLogin.Outcome loginAnswered(Map<String, Object> userInfo) throws Exception {
            PublicKey key = publishedKey(keycloak);
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/token", exchange -> answer(exchange, envelope(key, Map.of("access_token", "t",
                    "token_type", "Bearer", "expires_in", 300))));
            server.createContext("/userinfo", exchange -> answer(exchange, envelope(key, userInfo)));
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> before = idpConfig(Map.of("tokenUrl", base + "/token", "userInfoUrl",
                    base + "/userinfo"));
            try {
                PortalLogin login = new PortalLogin(keycloak, PORTAL);
                String state = stateOf(login);
                return login.follow(login.web.get(callback("code=any&state=" + escaped(state))));
            } finally {
                idpConfig(before);
                server.stop(0);
            }
        }

        private void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private String envelope(PublicKey key, Map<String, Object> payload) {
            try {
                byte[] aesKey = new byte[32];
                RANDOM.nextBytes(aesKey);
                String wrapped = Base64.getEncoder().encodeToString(rsa(key,
                        Base64.getEncoder().encodeToString(aesKey).getBytes(StandardCharsets.US_ASCII)));
                String data = Base64.getEncoder().encodeToString(aes(aesKey, json.writeValueAsString(payload)));
                return json.writeValueAsString(Map.of("data", data, "key", wrapped));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sets (a null value: removes) entries of the provider's config; what they were. */
        private Map<String, String> idpConfig(Map<String, String> entries) {
            JsonNode idp = admin.get("/admin/realms/dvc/identity-provider/instances/vneid");
            com.fasterxml.jackson.databind.node.ObjectNode config =
                    (com.fasterxml.jackson.databind.node.ObjectNode) idp.get("config");
            Map<String, String> before = new java.util.HashMap<>();
            entries.forEach((name, value) -> {
                before.put(name, config.hasNonNull(name) ? config.get(name).asText() : null);
                if (value == null) {
                    config.remove(name);
                } else {
                    config.put(name, value);
                }
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> body = json.convertValue(idp, Map.class);
            HttpResponse<String> updated = admin.send("PUT", "/admin/realms/dvc/identity-provider/instances/vneid",
                    body);
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
            return before;
        }

        private Map<String, Object> honest() {
            var person = LegacyFixtures.syntheticPerson(119);
            Map<String, Object> claims = new java.util.LinkedHashMap<>();
            claims.put("citizenPid", person.cccd());
            claims.put("fullName", person.fullName());
            claims.put("birthDate", person.birthDate().format(java.time.format.DateTimeFormatter.ofPattern(
                    "dd/MM/yyyy")));
            claims.put("gender", person.gender() == vn.vneidbridge.core.id.Gender.MALE ? "Nam" : "Nữ");
            claims.put("accountType", "1");
            claims.put("accountLevel", "2");
            return claims;
        }

        private Map<String, Object> honestWith(String claim, Object value) {
            Map<String, Object> claims = honest();
            if (value == null) {
                claims.remove(claim);
            } else {
                claims.put(claim, value);
            }
            return claims;
        }

        @Test
        void thenItsHonestAnswerLogsTheCitizenIn() throws Exception {
            // the control: the provider does use these endpoints, so the refusals below are the checks' own
            PortalLogin.Outcome outcome = loginAnswered(honest());

            assertThat(outcome.callback()).as(outcome.page().statusCode() + " " + outcome.page().body()).isPresent();
            assertThat(WebClient.query(outcome.callback().get())).containsKey("code");
        }

        @Test
        void thenAnIdNumberOrALevelThatIsNotExactlyOneIsRefusedAndNobodyIsCreatedOrLoggedIn() throws Exception {
            String number = plusCitizen;
            int usersBefore = vn.vneidbridge.it.support.VneidUsers.createdFor(admin, number).size();
            Map<String, Map<String, Object>> hostile = new java.util.LinkedHashMap<>();
            hostile.put("citizenPid as a JSON number (leading zeros lost)",
                    honestWith("citizenPid", Long.parseLong(number)));
            hostile.put("citizenPid of 13 digits", honestWith("citizenPid", number + "0"));
            hostile.put("citizenPid absent", honestWith("citizenPid", null));
            hostile.put("accountLevel 3", honestWith("accountLevel", "3"));
            hostile.put("accountLevel 2.0", honestWith("accountLevel", 2.0));
            hostile.put("accountLevel absent", honestWith("accountLevel", null));
            hostile.put("fullName absent", honestWith("fullName", null));

            for (Map.Entry<String, Map<String, Object>> answer : hostile.entrySet()) {
                PortalLogin.Outcome outcome = loginAnswered(answer.getValue());
                refusedWithoutACode(outcome);
                assertThat(outcome.page().statusCode()).as(answer.getKey() + ":\n" + outcome.page().body())
                        .isEqualTo(502);
            }
            assertThat(vn.vneidbridge.it.support.VneidUsers.createdFor(admin, number)).hasSize(usersBefore);
        }
    }

    private static PublicKey publishedKey(KeycloakServer keycloak) throws Exception {
        String pem = new WebClient().get(URI.create(keycloak.realmUri("dvc") + "/vneid-partner-api/public-key.pem"))
                .body();
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static byte[] rsa(PublicKey key, byte[] plaintext) throws Exception {
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, key);
        return rsa.doFinal(plaintext);
    }

    private static byte[] aes(byte[] key, String plaintext) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
