package vn.vneidbridge.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.vneidbridge.distribution.KeycloakServer;

/**
 * One login to realm {@code dvc} as a portal's back end does it: authorization request with state, nonce and
 * PKCE, the login form posted like a browser without JavaScript, the code exchanged with the client secret,
 * and the ID token's signature checked against the realm's published keys.
 */
public final class PortalLogin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    public final WebClient web;
    public final String clientId;
    public final String state = random(16);
    public final String nonce = random(16);
    public final String verifier = random(48);
    public final String redirectUri = "http://127.0.0.1:" + (20000 + RANDOM.nextInt(40000)) + "/callback";
    private final URI keycloakBase;
    /** The portal's own calls to Keycloak (token, keys); over TLS where {@link #keycloakBase} is HTTPS. */
    private final WebClient backChannel;

    public PortalLogin(KeycloakServer keycloak, String clientId) {
        this(keycloak, clientId, new WebClient());
    }

    public PortalLogin(KeycloakServer keycloak, String clientId, WebClient web) {
        this(keycloak.baseUri(), clientId, web);
    }

    /** A login to the Keycloak at {@code keycloakBase}, e.g. a load balancer's {@code https://localhost:8443}. */
    public PortalLogin(URI keycloakBase, String clientId, WebClient web) {
        this(keycloakBase, clientId, web, new WebClient());
    }

    /** The same, the portal's back channel (token and key requests) through {@code backChannel}. */
    public PortalLogin(URI keycloakBase, String clientId, WebClient web, WebClient backChannel) {
        this.keycloakBase = keycloakBase;
        this.clientId = clientId;
        this.web = web;
        this.backChannel = backChannel;
    }

    public String issuer() {
        return keycloakBase + "/realms/dvc";
    }

    public Map<String, String> parameters() {
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

    public URI authorizationUri(Map<String, String> params) {
        return URI.create(issuer() + "/protocol/openid-connect/auth?" + WebClient.form(params));
    }

    /** Opens the authorization request with more parameters; the page the citizen lands on (redirects followed). */
    public HttpResponse<String> open(Map<String, String> extra) {
        Map<String, String> params = parameters();
        params.putAll(extra);
        return web.followWithin(web.get(authorizationUri(params)), keycloakBase);
    }

    /** The stand-in VNeID's login page. */
    public static boolean atVneid(HttpResponse<String> page) {
        return page.uri().getPath().contains("/realms/vneid-sandbox/") && page.body().contains("kc-form-login");
    }

    /** Realm dvc's own login page (the portal-account form). */
    public static boolean atThePortalsLoginPage(HttpResponse<String> page) {
        return page.uri().getPath().contains("/realms/dvc/") && page.body().contains("kc-form-login");
    }

    /** Opens the login page. */
    public HttpResponse<String> loginPage() {
        HttpResponse<String> form = web.get(authorizationUri(parameters()));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        return form;
    }

    /** Posts username and password; the redirect back to the portal, or the page Keycloak showed instead. */
    public Outcome submitPassword(String username, String password) {
        return submitPasswordOn(loginPage(), username, password);
    }

    /** Posts username and password on a login page opened before (several at once, as staff sharing an account do). */
    public Outcome submitPasswordOn(HttpResponse<String> loginPage, String username, String password) {
        return follow(web.submit(loginPage, "#kc-form-login", Map.of("username", username, "password", password)));
    }

    /**
     * Logs in through the stand-in VNeID ({@code kc_idp_hint=vneid}): id number and password, then the
     * sandbox's SMS code; the redirect back to the portal, or the page Keycloak or VNeID showed instead.
     */
    public Outcome vneidLogin(String idNumber, String password, String otp, Map<String, String> extraParameters) {
        Map<String, String> params = parameters();
        params.put("kc_idp_hint", "vneid");
        params.putAll(extraParameters);
        return vneidSteps(web.followWithin(web.get(authorizationUri(params)), keycloakBase), idNumber, password,
                otp);
    }

    /** Presses "Bỏ qua" on the CCCD form when Keycloak shows it, as a citizen who skips the step does. */
    public Outcome skipCccdFormIfShown(Outcome outcome) {
        if (outcome.callback().isPresent() || !outcome.page().body().contains("vneid-cccd-form")) {
            return outcome;
        }
        return follow(web.submit(outcome.page(), "#vneid-cccd-form", Map.of("action", "skip")));
    }

    /** The form of an organisation account without a verified tax code ("Xác thực mã số thuế của tổ chức"). */
    public static boolean isTaxCodeForm(Outcome outcome) {
        return outcome.callback().isEmpty() && outcome.page().body().contains("vneid-tax-code-form");
    }

    /** Presses "Bỏ qua" on the tax-code form when Keycloak shows it, as an organisation that skips the step does. */
    public Outcome skipTaxCodeFormIfShown(Outcome outcome) {
        if (!isTaxCodeForm(outcome)) {
            return outcome;
        }
        return follow(web.submit(outcome.page(), "#vneid-tax-code-form", Map.of("action", "skip")));
    }

    /** Submits the tax-code form with a code. */
    public Outcome submitTaxCode(Outcome form, String taxCode) {
        assertThat(isTaxCodeForm(form)).as("the tax-code form:\n" + form.page().body()).isTrue();
        return follow(web.submit(form.page(), "#vneid-tax-code-form", Map.of("action", "update", "tax_code", taxCode)));
    }

    /** The "log in with VNeID" notice of an account with a verified CCCD (Keycloak's idp_link page). */
    public static boolean isLinkNotice(Outcome outcome) {
        return outcome.callback().isEmpty() && outcome.page().body().contains("name=\"cancel-aia\"");
    }

    /** Presses "Bỏ qua" on the linking notice when Keycloak shows it. */
    public Outcome skipLinkNoticeIfShown(Outcome outcome) {
        if (!isLinkNotice(outcome)) {
            return outcome;
        }
        return follow(web.submit(outcome.page(), "form:has([name=cancel-aia])", Map.of("cancel-aia", "")));
    }

    /**
     * Presses "Đăng nhập bằng VNeID" on the linking notice, then logs in at the stand-in VNeID (id number,
     * password, SMS code); the redirect back to the portal, or the page shown instead.
     */
    public Outcome linkWithVneid(Outcome notice, String idNumber, String password, String otp) {
        assertThat(isLinkNotice(notice)).as("the linking notice is shown:\n" + notice.page().body()).isTrue();
        return vneidSteps(web.followWithin(web.submit(notice.page(), "form:has([name=cancel-aia])",
                Map.of("continue", "")), keycloakBase), idNumber, password, otp);
    }

    /** A VNeID login ({@code kc_idp_hint=vneid}) taken up to the stand-in's SMS-code page, which is returned. */
    public HttpResponse<String> vneidUpToOtp(String idNumber, String password) {
        Map<String, String> params = parameters();
        params.put("kc_idp_hint", "vneid");
        HttpResponse<String> vneid = web.followWithin(web.get(authorizationUri(params)), keycloakBase);
        HttpResponse<String> otp = web.followWithin(web.submit(vneid, "#kc-form-login",
                Map.of("username", idNumber, "password", password)), keycloakBase);
        assertThat(otp.body()).as("the SMS-code page").contains("vneid-sandbox-otp-form");
        return otp;
    }

    /** Submits the stand-in's SMS code. */
    public Outcome submitOtp(HttpResponse<String> otpPage, String otp) {
        return follow(web.submit(otpPage, "#vneid-sandbox-otp-form", Map.of("otp", otp)));
    }

    /** The stand-in VNeID's pages (password, then SMS code) from the page it shows. */
    public Outcome vneidSteps(HttpResponse<String> vneid, String idNumber, String password, String otp) {
        if (!vneid.body().contains("kc-form-login")) {
            return follow(vneid);
        }
        Outcome afterPassword = follow(web.submit(vneid, "#kc-form-login",
                Map.of("username", idNumber, "password", password)));
        if (afterPassword.callback().isPresent() || !afterPassword.page().body().contains("vneid-sandbox-otp-form")) {
            return afterPassword;
        }
        return follow(web.submit(afterPassword.page(), "#vneid-sandbox-otp-form", Map.of("otp", otp)));
    }

    /** The page that shows the VNeID holder a portal account holding their verified number before it is linked. */
    public static boolean isShownAccount(Outcome outcome) {
        return outcome.callback().isEmpty() && outcome.page().body().contains("vneid-shown-account-form");
    }

    /** Answers the shown account: "Đây là tài khoản của tôi" ({@code mine}) or "Không phải tài khoản của tôi". */
    public Outcome answerShownAccount(Outcome shown, boolean mine) {
        assertThat(isShownAccount(shown)).as("the shown account page:\n" + shown.page().body()).isTrue();
        return follow(web.submit(shown.page(), "#vneid-shown-account-form", Map.of("action", mine ? "mine" : "not-mine")));
    }

    /** A first VNeID login that finds the holder's portal account: shown, and confirmed as theirs. */
    public Outcome confirmShownAccount(Outcome shown) {
        return answerShownAccount(shown, true);
    }

    /** Submits the CCCD form with a number. */
    public Outcome submitCccd(Outcome form, String cccd) {
        return follow(web.submit(form.page(), "#vneid-cccd-form", Map.of("action", "update", "cccd", cccd)));
    }

    /** Follows Keycloak's redirects: back to the portal (with the code), or the page Keycloak shows. */
    public Outcome follow(HttpResponse<String> response) {
        HttpResponse<String> done = web.followWithin(response, keycloakBase);
        if (WebClient.isRedirect(done) && WebClient.location(done).toString().startsWith(redirectUri)) {
            return new Outcome(Optional.of(WebClient.location(done)), done);
        }
        return new Outcome(Optional.empty(), done);
    }

    /** Exchanges the code of a finished login; the validated ID token's claims. */
    public JWTClaimsSet finish(Outcome outcome) {
        URI callback = outcome.callback().orElseThrow(() -> new AssertionError(
                "no redirect back to the portal; Keycloak answered " + outcome.page().statusCode() + ":\n"
                        + outcome.page().body()));
        Map<String, String> answer = WebClient.query(callback);
        assertThat(answer.get("state")).isEqualTo(state);
        // a callback without a code (an error for the portal, e.g. a form posted twice) is no login
        assertThat(answer.get("code")).as("the code in the portal's callback " + callback).isNotNull();
        JsonNode tokens = exchange(answer.get("code"), verifier);
        assertThat(tokens.has("id_token")).as(tokens.toString()).isTrue();
        return validIdToken(tokens.get("id_token").asText());
    }

    /**
     * Logs in (skipping the CCCD form, the tax-code form and the linking notice if they are shown) and returns the validated ID token's claims; fails the
     * test if the login does not succeed.
     */
    public JWTClaimsSet passwordLogin(String username, String password) {
        return finish(skipLinkNoticeIfShown(skipTaxCodeFormIfShown(skipCccdFormIfShown(submitPassword(username,
                password)))));
    }

    public JsonNode exchange(String code, String codeVerifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", codeVerifier);
        body.put("client_id", clientId);
        body.put("client_secret", secretOf(clientId));
        HttpResponse<String> response = backChannel.postForm(
                URI.create(issuer() + "/protocol/openid-connect/token"), body);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the ID token's signature against the realm's JWKS, and its issuer, audience and nonce. */
    public JWTClaimsSet validIdToken(String idToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            JWKSet keys = JWKSet.parse(backChannel.get(URI.create(issuer() + "/protocol/openid-connect/certs")).body());
            assertThat(jwt.verify(new RSASSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
                    .as("ID token signed with the realm's published key").isTrue();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(issuer());
            assertThat(claims.getAudience()).contains(clientId);
            assertThat(claims.getStringClaim("azp")).isEqualTo(clientId);
            assertThat(claims.getStringClaim("nonce")).isEqualTo(nonce);
            return claims;
        } catch (Exception e) {
            throw new AssertionError("invalid ID token: " + e + "; payload: " + payload(idToken), e);
        }
    }

    private static String payload(String jwt) {
        String[] parts = jwt.split("\\.");
        return parts.length < 2 ? jwt : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    /**
     * The sandbox secret of a client of realm {@code dvc} (each portal has its own, see the README's client table;
     * it also signs the portal's link webhooks).
     */
    public static String secretOf(String clientId) {
        return switch (clientId) {
            case "dvc-lylichtuphap-web" -> "sandbox-secret-lylichtuphap";
            case "dvc-hatinh-web" -> "sandbox-secret-hatinh";
            case "dvc-binhduong-web" -> "sandbox-secret-binhduong";
            case "dvc-binhdinh-web" -> "sandbox-secret-binhdinh";
            default -> "sandbox-secret";
        };
    }

    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a submitted login form led: back to the portal (with the code), or a page of Keycloak's. */
    public record Outcome(Optional<URI> callback, HttpResponse<String> page) {
    }
}
