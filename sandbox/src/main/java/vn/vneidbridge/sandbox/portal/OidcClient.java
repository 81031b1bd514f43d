package vn.vneidbridge.sandbox.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relying-party side of the authorization-code flow with PKCE, as a portal would do it: builds the
 * authorization request, exchanges the code with the client secret and validates the ID token
 * (signature against the realm's JWKS, issuer, audience, expiry, nonce).
 */
public final class OidcClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final HttpClient http;
    private volatile Map<String, Object> discovery;
    private volatile JWKSource<SecurityContext> keys;

    public OidcClient(URI issuer, HttpClient http) {
        this.issuer = issuer;
        this.http = http;
    }

    public URI issuer() {
        return issuer;
    }

    /** A fresh state, nonce and PKCE verifier for one login. */
    public static LoginRequest newLoginRequest(String clientId, URI redirectUri) {
        return new LoginRequest(clientId, redirectUri, random(24), random(24), random(48));
    }

    public URI authorizationUri(LoginRequest request, Map<String, String> extraParameters) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", request.clientId());
        query.put("redirect_uri", request.redirectUri().toString());
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", request.state());
        query.put("nonce", request.nonce());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", "S256");
        query.putAll(extraParameters);
        return URI.create(endpoint("authorization_endpoint") + "?" + form(query));
    }

    /** Exchanges the code and returns the token response; the ID token is validated before it is returned. */
    public Tokens exchange(LoginRequest request, String code, String clientSecret) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", request.redirectUri().toString());
        body.put("code_verifier", request.codeVerifier());
        String basic = Base64.getEncoder().encodeToString((urlEncode(request.clientId()) + ":"
                + urlEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest post = HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        HttpResponse<String> response = send(post);
        Map<String, Object> json = parse(response.body());
        if (response.statusCode() != 200) {
            throw new TokenException(String.valueOf(json.getOrDefault("error", "http_" + response.statusCode())),
                    String.valueOf(json.getOrDefault("error_description", "")));
        }
        String idToken = (String) json.get("id_token");
        JWTClaimsSet claims = validateIdToken(idToken, request.clientId(), request.nonce());
        return new Tokens(idToken, (String) json.get("access_token"), (String) json.get("refresh_token"), claims);
    }

    /** Validates an ID token's signature (realm JWKS), issuer, audience, expiry and nonce. */
    public JWTClaimsSet validateIdToken(String idToken, String clientId, String nonce) throws IOException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer.toString()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new TokenException("invalid_id_token", e.getMessage());
        }
    }

    public URI endSessionUri(String idTokenHint, String clientId, URI postLogoutRedirect) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id_token_hint", idTokenHint);
        query.put("client_id", clientId);
        query.put("post_logout_redirect_uri", postLogoutRedirect.toString());
        return URI.create(endpoint("end_session_endpoint") + "?" + form(query));
    }

    public String endpoint(String name) throws IOException {
        Object value = discovery().get(name);
        if (!(value instanceof String endpoint)) {
            throw new IOException("the provider's discovery document has no " + name);
        }
        return endpoint;
    }

    private Map<String, Object> discovery() throws IOException {
        Map<String, Object> current = discovery;
        if (current == null) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = send(get);
            if (response.statusCode() != 200) {
                throw new IOException("discovery of " + issuer + " answered HTTP " + response.statusCode());
            }
            current = parse(response.body());
            discovery = current;
        }
        return current;
    }

    /** The provider's signing keys (its JWKS, cached; a key id not in the cache fetches it again). */
    JWKSource<SecurityContext> keys() throws IOException {
        JWKSource<SecurityContext> current = keys;
        if (current == null) {
            try {
                current = JWKSourceBuilder.create(URI.create(endpoint("jwks_uri")).toURL()).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IOException(e);
            }
            keys = current;
        }
        return current;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Map<String, Object> parse(String json) throws IOException {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IOException("not a JSON object: " + e.getMessage(), e);
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** One login in progress: what the portal remembers between the redirect and the callback. */
    public record LoginRequest(String clientId, URI redirectUri, String state, String nonce, String codeVerifier) {
        public String codeChallenge() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The tokens of a finished login, with the validated ID token's claims. */
    public record Tokens(String idToken, String accessToken, String refreshToken, JWTClaimsSet idTokenClaims) {
    }

    /** The provider refused the exchange, or the ID token did not validate. */
    public static final class TokenException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String error;

        public TokenException(String error, String description) {
            super(error + (description == null || description.isEmpty() ? "" : ": " + description));
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
