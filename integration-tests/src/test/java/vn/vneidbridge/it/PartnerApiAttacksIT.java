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
    }

    @Nested
    class GivenAnEncryptKeyOfTheAttackersChoice {

        /** Three forged callbacks, each in a login of the attacker's own: the pages realm dvc answers with. */
        @Test
        void thenRsaBadAndAesBadAndAChosenCodeAnswerTheSame() throws Exception {
            PublicKey key = publishedKey();
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

            assertThat(aesBad).as("RSA good, AES bad answers as RSA bad").isEqualTo(rsaBad);
            assertThat(chosenCode).as("a chosen code VNeID refuses answers as RSA bad").isEqualTo(rsaBad);
            assertThat(rsaBad).startsWith("502 ");
            List<String> reasons = admin.get("/admin/realms/dvc/events?type=IDENTITY_PROVIDER_LOGIN_ERROR&max=3")
                    .findValues("reason").stream().map(JsonNode::asText).toList();
            assertThat(reasons).as("the events of the three forged callbacks").hasSize(3)
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

        private PublicKey publishedKey() throws Exception {
            String pem = new WebClient().get(URI.create(keycloak.realmUri("dvc") + "/vneid-partner-api/public-key.pem"))
                    .body();
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        }

        private byte[] rsa(PublicKey key, byte[] plaintext) throws Exception {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            return rsa.doFinal(plaintext);
        }

        private byte[] aes(byte[] key, String plaintext) {
            try {
                Cipher aes = Cipher.getInstance("AES/ECB/PKCS5Padding");
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                return aes.doFinal(plaintext.getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
