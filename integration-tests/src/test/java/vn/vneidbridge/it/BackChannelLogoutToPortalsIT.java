package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.it.support.AdminApi;
import vn.vneidbridge.it.support.LegacyFixtures;
import vn.vneidbridge.it.support.LinkFixtures;
import vn.vneidbridge.it.support.PortalLogin;
import vn.vneidbridge.it.support.TestKeycloak;
import vn.vneidbridge.it.support.TestKeycloakForLogout;
import vn.vneidbridge.it.support.VneidStandIn;
import vn.vneidbridge.it.support.VneidUsers;
import vn.vneidbridge.it.support.WebClient;
import vn.vneidbridge.sandbox.legacy.LegacyPersonas;
import vn.vneidbridge.sandbox.portal.DemoPortal;
import vn.vneidbridge.sandbox.portal.DemoPortalConfig;

/**
 * Logout reaches the portals (S13): realm dvc's portal clients send OpenID Connect Back-Channel Logout to the demo
 * portal, which checks the logout token and ends its session. Two demo portals run here, the national portal
 * ({@code dvcqg-portal}) and Hà Tĩnh's ({@code dvc-hatinh-web}), each its own relying party on its own port, their
 * clients' back-channel logout URLs pointed at them (the realm file names the sandbox's port 8081).
 */
@ExtendWith(TestKeycloakForLogout.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackChannelLogoutToPortalsIT {

    private static final String NATIONAL = "dvcqg-portal";
    private static final String HATINH = "dvc-hatinh-web";
    private static final String PASSWORD = "Sandbox@123";
    private static final String LOGGED_IN = "Đã đăng nhập";
    private static final String LOGGED_OUT = "Chưa đăng nhập.";
    /** Synthetic people of this class only (seed 42). */
    private static final int VNEID_CITIZEN = 164;

    private KeycloakServer keycloak;
    private AdminApi admin;
    private DemoPortal national;
    private DemoPortal hatinh;
    private LogoutTokenTap tap;
    private final Map<String, String> urlsBefore = new LinkedHashMap<>();
    private final List<String> users = new ArrayList<>();

    @BeforeAll
    void start(KeycloakServer keycloak, AdminApi admin) throws IOException {
        this.keycloak = keycloak;
        this.admin = admin;
        national = DemoPortal.start(portal(NATIONAL, "Cổng Dịch vụ công quốc gia"));
        hatinh = DemoPortal.start(portal(HATINH, "Cổng Dịch vụ công tỉnh Hà Tĩnh"));
        tap = LogoutTokenTap.start();
        VneidStandIn.pointDvcAt(keycloak, admin);
        urlsBefore.put(NATIONAL, backChannelLogoutUrl(NATIONAL, null));
        urlsBefore.put(HATINH, backChannelLogoutUrl(HATINH, null));
    }

    @BeforeEach
    void pointTheClientsAtTheirPortals() {
        backChannelLogoutUrl(NATIONAL, national.baseUri() + "/backchannel-logout");
        backChannelLogoutUrl(HATINH, hatinh.baseUri() + "/backchannel-logout");
    }

    @AfterAll
    void stop() {
        urlsBefore.forEach(this::backChannelLogoutUrl);
        users.forEach(user -> admin.deleteUser("dvc", user));
        VneidUsers.deleteCreatedFor(admin, LegacyFixtures.syntheticPerson(VNEID_CITIZEN).cccd());
        for (AutoCloseable closeable : new AutoCloseable[] {national, hatinh, tap}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }

    @Nested
    class GivenPortalClientsAnOperatorEditedThroughTheAdminApi {

        @Test
        void thenTheirLoginsStillOfferTheLinkingNotice() {
            // pointTheClientsAtTheirPortals saved both clients through the admin API, where realm dvc's client
            // policy turns "Full scope allowed" off; Keycloak's idp_link action needs manage-account-links in scope
            assertThat(admin.get("/admin/realms/dvc/clients?clientId=" + HATINH).get(0).get("fullScopeAllowed")
                    .asBoolean()).as("the client policy turned full scope off").isFalse();
            LinkFixtures fixtures = new LinkFixtures(admin);
            fixtures.forget(LegacyPersonas.TOTHINGA);
            try {
                PortalLogin legacy = new PortalLogin(keycloak, HATINH);
                PortalLogin.Outcome form = legacy.submitPassword(LegacyPersonas.TOTHINGA, LegacyPersonas.PASSWORD);
                PortalLogin.Outcome notice = legacy.submitCccd(form, "052189000123");
                assertThat(PortalLogin.isLinkNotice(notice)).as("the linking notice:\n" + notice.page().body()).isTrue();
            } finally {
                fixtures.forget(LegacyPersonas.TOTHINGA);
            }
        }
    }

    @Nested
    class GivenACitizenLoggedInAtTwoPortals {

        @Test
        void thenLoggingOutAtOnePortalEndsHerSessionAtTheOther() {
            WebClient browser = new WebClient();
            String username = citizen();
            Document atNational = login(browser, national, NATIONAL, username);
            Document atHatinh = login(browser, hatinh, HATINH, username);
            assertThat(status(atNational)).isEqualTo(LOGGED_IN);
            assertThat(status(atHatinh)).isEqualTo(LOGGED_IN);
            assertThat(claim(atHatinh, "sid")).as("one Keycloak session (single sign-on)")
                    .isEqualTo(claim(atNational, "sid"));

            HttpResponse<String> toKeycloak = browser.postForm(URI.create(national.baseUri() + "/logout"),
                    Map.of("client", NATIONAL));
            HttpResponse<String> back = browser.followWithin(browser.get(WebClient.location(toKeycloak)),
                    keycloak.baseUri());
            assertThat(WebClient.location(back)).isEqualTo(URI.create(national.baseUri() + "/"));

            assertThat(status(page(browser, national))).isEqualTo(LOGGED_OUT);
            assertThat(status(page(browser, hatinh))).as("Keycloak's back-channel logout ended Hà Tĩnh's session")
                    .isEqualTo(LOGGED_OUT);
        }
    }

    @Nested
    class GivenOneDemoPortalServingBothClientsAsTheSandboxRunsIt {

        @Test
        void thenLoggingOutOfOneClientEndsTheBrowsersSessionOfTheOther() throws IOException {
            try (DemoPortal sandbox = DemoPortal.start(DemoPortalConfig.sandbox("127.0.0.1", TestKeycloak.freePort(),
                    keycloak.baseUri()))) {
                backChannelLogoutUrl(NATIONAL, sandbox.baseUri() + "/backchannel-logout");
                backChannelLogoutUrl(HATINH, sandbox.baseUri() + "/backchannel-logout");
                WebClient browser = new WebClient();
                String username = citizen();
                login(browser, sandbox, NATIONAL, username);
                Document atHatinh = login(browser, sandbox, HATINH, username);
                assertThat(atHatinh.select("#other-portals a").eachAttr("href")).containsExactly("/?client=" + NATIONAL);
                assertThat(status(clientPage(browser, sandbox, NATIONAL))).isEqualTo(LOGGED_IN);

                HttpResponse<String> toKeycloak = browser.postForm(URI.create(sandbox.baseUri() + "/logout"),
                        Map.of("client", HATINH));
                browser.followWithin(browser.get(WebClient.location(toKeycloak)), keycloak.baseUri());

                assertThat(status(clientPage(browser, sandbox, HATINH))).isEqualTo(LOGGED_OUT);
                assertThat(status(clientPage(browser, sandbox, NATIONAL)))
                        .as("Keycloak's back-channel logout for " + NATIONAL + " ended it").isEqualTo(LOGGED_OUT);
            }
        }
    }

    @Nested
    class GivenACitizenLoggedInWithVneidAtTwoPortals {

        @Test
        void thenVneidEndingHerSessionEndsHerSessionsAtBothPortals() {
            String idNumber = VneidStandIn.account(admin, LegacyFixtures.syntheticPerson(VNEID_CITIZEN), 2);
            WebClient browser = new WebClient();
            Document atNational = vneidLogin(browser, national, NATIONAL, idNumber);
            Document atHatinh = vneidLogin(browser, hatinh, HATINH, idNumber);
            assertThat(status(atNational)).isEqualTo(LOGGED_IN);
            assertThat(status(atHatinh)).isEqualTo(LOGGED_IN);

            String vneidUser = admin.get("/admin/realms/vneid-sandbox/users?exact=true&username=" + idNumber)
                    .get(0).get("id").asText();
            HttpResponse<String> ended = admin.send("POST", "/admin/realms/vneid-sandbox/users/" + vneidUser
                    + "/logout", null);
            assertThat(ended.statusCode()).isEqualTo(204);

            assertThat(status(page(browser, national))).as("VNeID → realm dvc → national portal").isEqualTo(LOGGED_OUT);
            assertThat(status(page(browser, hatinh))).as("VNeID → realm dvc → Hà Tĩnh's portal").isEqualTo(LOGGED_OUT);
        }
    }

    @Nested
    class GivenAForgedLogoutToken {

        @Test
        void thenThePortalRefusesATokenSignedByAnotherKeyOrUnsignedAndKeepsHerSession() throws Exception {
            WebClient browser = new WebClient();
            Document atHatinh = login(browser, hatinh, HATINH, citizen());
            String issuer = keycloak.realmUri("dvc").toString();
            // Keycloak's own key id: the forgery names the key the portal trusts, and is signed with another
            String kid = JWKSet.load(URI.create(issuer + "/protocol/openid-connect/certs").toURL()).getKeys().stream()
                    .filter(key -> key instanceof RSAKey && KeyUse.SIGNATURE.equals(key.getKeyUse()))
                    .map(JWK::getKeyID).findFirst().orElseThrow();
            JWTClaimsSet claims = logoutClaims(issuer, HATINH, claim(atHatinh, "sub"), claim(atHatinh, "sid"));
            Map<String, String> forgeries = new LinkedHashMap<>();
            forgeries.put("signed by another key under Keycloak's key id",
                    signed(new RSAKeyGenerator(2048).keyID(kid).generate(), claims));
            forgeries.put("unsigned (alg none)", new PlainJWT(logoutClaims(issuer, HATINH, claim(atHatinh, "sub"),
                    claim(atHatinh, "sid"))).serialize());

            for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
                HttpResponse<String> answer = backChannelLogout(hatinh, forgery.getValue());

                assertThat(answer.statusCode()).as(forgery.getKey() + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
                assertThat(status(page(browser, hatinh))).as(forgery.getKey() + " ended no session")
                        .isEqualTo(LOGGED_IN);
            }
        }
    }

    @Nested
    class GivenKeycloaksLogoutTokenForAnotherPortal {

        @Test
        void thenThePortalRefusesItAndKeepsHerSessionWhileItsOwnTokenEndsIt() {
            WebClient browser = new WebClient();
            String username = citizen();
            login(browser, national, NATIONAL, username);
            login(browser, hatinh, HATINH, username);
            // Keycloak's logout tokens go to the tap, not to the portals
            backChannelLogoutUrl(NATIONAL, tap.url(NATIONAL).toString());
            backChannelLogoutUrl(HATINH, tap.url(HATINH).toString());
            String userId = admin.get("/admin/realms/dvc/users?exact=true&username=" + username).get(0).get("id").asText();
            assertThat(admin.send("POST", "/admin/realms/dvc/users/" + userId + "/logout", null).statusCode())
                    .isEqualTo(204);
            String forNational = tap.only(NATIONAL);
            assertThat(status(page(browser, hatinh))).isEqualTo(LOGGED_IN);

            HttpResponse<String> refused = backChannelLogout(hatinh, forNational);

            assertThat(refused.statusCode()).as("a token Keycloak signed for " + NATIONAL + ": " + refused.body())
                    .isEqualTo(400);
            assertThat(status(page(browser, hatinh))).as("Hà Tĩnh's session stays").isEqualTo(LOGGED_IN);
            // the same session ends with the token Keycloak signed for Hà Tĩnh (the check above could fail)
            assertThat(backChannelLogout(hatinh, tap.only(HATINH)).statusCode()).isEqualTo(200);
            assertThat(status(page(browser, hatinh))).isEqualTo(LOGGED_OUT);
        }
    }

    @Nested
    class GivenALogoutTokenReplayed {

        /**
         * A portal that asks for consent: revoking it logs the portal out over the back channel while the Keycloak
         * session stays, so the citizen's next login there has the same {@code sid} as the token that logged her out.
         */
        @Test
        void thenThePortalRefusesItTheSecondTimeAndKeepsHerNewSessionOfTheSameKeycloakSession() throws Exception {
            String clientId = "it-backchannel-" + PortalLogin.random(4).toLowerCase().replaceAll("[^a-z0-9]", "x");
            try (DemoPortal portal = DemoPortal.start(new DemoPortalConfig("127.0.0.1", TestKeycloak.freePort(),
                    keycloak.baseUri(), "dvc", Map.of(clientId, "Cổng hỏi ý kiến"), Map.of(clientId, "it-secret")))) {
                String id = consentClient(clientId, tap.url(clientId), URI.create(portal.baseUri() + "/backchannel-logout"));
                try {
                    WebClient browser = new WebClient();
                    String username = citizen();
                    Document first = login(browser, portal, clientId, username);
                    String userId = admin.get("/admin/realms/dvc/users?exact=true&username=" + username).get(0)
                            .get("id").asText();
                    assertThat(admin.get("/admin/realms/dvc/users/" + userId + "/consents").toString())
                            .as("she gave her consent to the portal")
                            .contains(clientId);
                    assertThat(admin.send("DELETE", "/admin/realms/dvc/users/" + userId + "/consents/" + clientId,
                            null).statusCode()).isEqualTo(204);
                    assertThat(status(page(browser, portal))).as("Keycloak's back-channel logout reached the portal")
                            .isEqualTo(LOGGED_OUT);
                    Document again = login(browser, portal, clientId, username);
                    assertThat(claim(again, "sid")).as("the same Keycloak session").isEqualTo(claim(first, "sid"));

                    HttpResponse<String> replayed = backChannelLogout(portal, tap.only(clientId));

                    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(400);
                    assertThat(status(page(browser, portal))).as("her new session stays").isEqualTo(LOGGED_IN);
                } finally {
                    admin.send("DELETE", "/admin/realms/dvc/clients/" + id, null);
                }
            }
        }
    }

    // --- the portals and Keycloak

    private DemoPortalConfig portal(String clientId, String name) {
        return new DemoPortalConfig("127.0.0.1", TestKeycloak.freePort(), keycloak.baseUri(), "dvc",
                Map.of(clientId, name), Map.of(clientId, PortalLogin.secretOf(clientId)));
    }

    /** Sets a client's {@code backchannel.logout.url} (null removes it); returns what it was. */
    private String backChannelLogoutUrl(String clientId, String url) {
        JsonNode client = admin.get("/admin/realms/dvc/clients?clientId=" + clientId).get(0);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        String before = attributes.hasNonNull("backchannel.logout.url") ? attributes.get("backchannel.logout.url").asText()
                : null;
        if (url == null) {
            return before;
        }
        attributes.put("backchannel.logout.url", url);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new ObjectMapper().convertValue(client, Map.class);
        HttpResponse<String> saved = admin.send("PUT", "/admin/realms/dvc/clients/" + client.get("id").asText(), body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        return before;
    }

    /** A portal client that asks for consent, its logout tokens through the tap to {@code portal}; its id. */
    private String consentClient(String clientId, URI tapUrl, URI portal) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", "it-secret");
        client.put("standardFlowEnabled", true);
        client.put("consentRequired", true);
        client.put("frontchannelLogout", false);
        client.put("redirectUris", List.of("http://127.0.0.1/*"));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256",
                // the client itself is on the consent screen (the realm's scopes are not)
                "display.on.consent.screen", "true",
                "post.logout.redirect.uris", "http://127.0.0.1/*",
                "backchannel.logout.url", tapUrl.toString(),
                "backchannel.logout.session.required", "true"));
        HttpResponse<String> created = admin.send("POST", "/admin/realms/dvc/clients", client);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        tap.forward(clientId, portal);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String citizen() {
        String username = "logout-" + UUID.randomUUID().toString().substring(0, 8);
        users.add(admin.createUser("dvc", username, PASSWORD, Map.of("firstName", "Thị Mai", "lastName", "Trần",
                "email", username + "@example.vn", "emailVerified", true)));
        return username;
    }

    /** Logs in at a portal with the password (or straight back with Keycloak's session); the portal's page. */
    private Document login(WebClient browser, DemoPortal portal, String clientId, String username) {
        HttpResponse<String> toKeycloak = browser.get(URI.create(portal.baseUri() + "/login?client=" + clientId));
        HttpResponse<String> at = browser.followWithin(browser.get(WebClient.location(toKeycloak)), keycloak.baseUri());
        if (at.body() != null && at.body().contains("kc-form-login")) {
            at = browser.followWithin(browser.submit(at, "#kc-form-login",
                    Map.of("username", username, "password", PASSWORD)), keycloak.baseUri());
        }
        return backAtThePortal(browser, portal, clientId, at);
    }

    /** Logs in at a portal with the stand-in VNeID (or straight back with Keycloak's session); the portal's page. */
    private Document vneidLogin(WebClient browser, DemoPortal portal, String clientId, String idNumber) {
        HttpResponse<String> toKeycloak = browser.get(URI.create(portal.baseUri() + "/login?client=" + clientId
                + "&kc_idp_hint=vneid"));
        HttpResponse<String> at = browser.followWithin(browser.get(WebClient.location(toKeycloak)), keycloak.baseUri());
        if (at.body() != null && at.body().contains("kc-form-login")) {
            at = browser.followWithin(browser.submit(at, "#kc-form-login",
                    Map.of("username", idNumber, "password", VneidStandIn.PASSWORD)), keycloak.baseUri());
        }
        if (at.body() != null && at.body().contains("vneid-sandbox-otp-form")) {
            at = browser.followWithin(browser.submit(at, "#vneid-sandbox-otp-form", Map.of("otp", VneidStandIn.OTP)),
                    keycloak.baseUri());
        }
        return backAtThePortal(browser, portal, clientId, at);
    }

    /** Past the CCCD step (skipped) and the consent page (accepted) to the portal's callback; the portal's page. */
    private Document backAtThePortal(WebClient browser, DemoPortal portal, String clientId, HttpResponse<String> at) {
        for (int page = 0; page < 3 && !WebClient.isRedirect(at); page++) {
            if (at.body().contains("vneid-cccd-form")) {
                at = browser.followWithin(browser.submit(at, "#vneid-cccd-form", Map.of("action", "skip")),
                        keycloak.baseUri());
            } else if (at.body().contains("name=\"accept\"")) {
                at = browser.followWithin(browser.submit(at, "form:has(input[name=code])", Map.of("accept", "Có")),
                        keycloak.baseUri());
            }
        }
        assertThat(WebClient.isRedirect(at)).as("back to the portal; Keycloak showed:\n" + at.body()).isTrue();
        URI callback = WebClient.location(at);
        assertThat(callback.toString()).startsWith(portal.baseUri() + "/callback");
        HttpResponse<String> home = browser.get(callback);
        assertThat(WebClient.location(home)).as(home.body()).isEqualTo(URI.create(portal.baseUri() + "/"));
        Document page = Jsoup.parse(browser.get(URI.create(portal.baseUri() + "/?client=" + clientId)).body());
        assertThat(status(page)).isEqualTo(LOGGED_IN);
        return page;
    }

    private static Document page(WebClient browser, DemoPortal portal) {
        return Jsoup.parse(browser.get(URI.create(portal.baseUri() + "/")).body());
    }

    private static Document clientPage(WebClient browser, DemoPortal portal, String clientId) {
        return Jsoup.parse(browser.get(URI.create(portal.baseUri() + "/?client=" + clientId)).body());
    }

    private static String status(Document page) {
        return page.selectFirst("#status").text();
    }

    private static String claim(Document page, String name) {
        return page.selectFirst("td[data-claim=" + name + "]").text();
    }

    private static HttpResponse<String> backChannelLogout(DemoPortal portal, String token) {
        return new WebClient().postForm(URI.create(portal.baseUri() + "/backchannel-logout"),
                Map.of("logout_token", token));
    }

    private static JWTClaimsSet logoutClaims(String issuer, String audience, String subject, String sessionId) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("sid", sessionId)
                .issueTime(new Date())
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * Where a client's back-channel logout URL points when a test wants Keycloak's own logout tokens: it keeps each
     * token, answers 200, and passes it on to a portal only when told to.
     */
    private static final class LogoutTokenTap implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, List<String>> tokens = new ConcurrentHashMap<>();
        private final Map<String, URI> forwardTo = new ConcurrentHashMap<>();

        private LogoutTokenTap(HttpServer server) {
            this.server = server;
        }

        static LogoutTokenTap start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            LogoutTokenTap tap = new LogoutTokenTap(server);
            server.createContext("/tap/", tap::receive);
            server.start();
            return tap;
        }

        URI url(String clientId) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tap/" + clientId);
        }

        void forward(String clientId, URI portal) {
            forwardTo.put(clientId, portal);
        }

        /** The one logout token Keycloak sent for {@code clientId}. */
        String only(String clientId) {
            List<String> received = tokens.getOrDefault(clientId, List.of());
            assertThat(received).as("Keycloak's logout tokens for " + clientId).hasSize(1);
            return received.get(0);
        }

        private void receive(HttpExchange exchange) throws IOException {
            try (exchange) {
                String clientId = exchange.getRequestURI().getPath().substring("/tap/".length());
                String token = WebClient.query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.US_ASCII))).get("logout_token");
                tokens.computeIfAbsent(clientId, key -> new CopyOnWriteArrayList<>()).add(token);
                int status = 200;
                URI portal = forwardTo.get(clientId);
                if (portal != null) {
                    status = new WebClient().postForm(portal, Map.of("logout_token", token)).statusCode();
                }
                exchange.sendResponseHeaders(status, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
