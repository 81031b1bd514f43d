package vn.vneidbridge.sandbox.vneid.partner;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.messages.Messages;
import org.keycloak.util.JsonSerialization;

/**
 * The partner-API face's endpoints. State lives in Keycloak's single-use object store (cluster-wide): the relying
 * party's authorization request under a random handle while the citizen logs in, the partner code (60 s, removed
 * when redeemed), the access token (300 s). The login itself is the realm's own OpenID Connect login (same pages,
 * same SMS step), for the same client, with this face's callback as its redirect URI.
 */
final class PartnerApiResource {

    private static final Logger LOG = Logger.getLogger(PartnerApiResource.class);

    static final String REQUEST = "vneid-partner-api.request.";
    static final String CODE = "vneid-partner-api.code.";
    static final String TOKEN = "vneid-partner-api.token.";
    static final int REQUEST_SECONDS = 1800;
    static final int CODE_SECONDS = 60;
    static final int TOKEN_SECONDS = 300;
    private static final long MAX_KEY_BYTES = 16 * 1024;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RelyingPartyKeys keys;
    private final PartnerCrypto crypto;

    PartnerApiResource(KeycloakSession session, RelyingPartyKeys keys, PartnerCrypto crypto) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.keys = keys;
        this.crypto = crypto;
    }

    @GET
    @Path("authorize")
    public Response authorize(@QueryParam("response_type") String responseType,
                              @QueryParam("client_id") String clientId,
                              @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("scope") String scope,
                              @QueryParam("state") String state,
                              @QueryParam("acr_values") String acrValues,
                              @QueryParam("prompt") String prompt,
                              @QueryParam("code_challenge") String codeChallenge,
                              @QueryParam("code_challenge_method") String codeChallengeMethod) {
        EventBuilder event = event(EventType.LOGIN).client(clientId);
        ClientModel client = relyingParty(clientId);
        if (client == null) {
            event.error(Errors.CLIENT_NOT_FOUND);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.CLIENT_NOT_FOUND);
        }
        String verified = redirectUri == null || redirectUri.contains("/partner-api/") ? null
                : RedirectUtils.verifyRedirectUri(session, redirectUri, client, true);
        if (verified == null) {
            event.error(Errors.INVALID_REDIRECT_URI);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REDIRECT_URI);
        }
        if (!"code".equals(responseType)) {
            event.error(Errors.INVALID_REQUEST);
            return found(PartnerRedirect.error(verified, "unsupported_response_type", state));
        }
        if (!Pkce.supportedMethod(codeChallengeMethod)
                || (codeChallenge == null && codeChallengeMethod != null && !codeChallengeMethod.isEmpty())) {
            event.error(Errors.INVALID_REQUEST);
            return found(PartnerRedirect.error(verified, "invalid_request", state));
        }
        String handle = SecretGenerator.getInstance().randomString(32);
        String innerVerifier = SecretGenerator.getInstance().randomString(64);
        Map<String, String> request = new HashMap<>();
        request.put("client_id", clientId);
        request.put("redirect_uri", redirectUri);
        request.put("verified_redirect_uri", verified);
        putIfPresent(request, "state", state);
        putIfPresent(request, "code_challenge", codeChallenge);
        if (codeChallenge != null) {
            request.put("code_challenge_method", codeChallengeMethod == null || codeChallengeMethod.isEmpty()
                    ? "plain" : codeChallengeMethod);
        }
        request.put("inner_verifier", innerVerifier);
        singleUse().put(REQUEST + handle, REQUEST_SECONDS, request);

        var login = realmUri().path("protocol/openid-connect/auth")
                .queryParam("response_type", "code")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", callbackUri())
                .queryParam("scope", "openid")
                .queryParam("state", handle)
                .queryParam("code_challenge", Pkce.s256(innerVerifier))
                .queryParam("code_challenge_method", "S256");
        if (acrValues != null && !acrValues.isBlank()) {
            login.queryParam("acr_values", acrValues);
        }
        if (prompt != null && !prompt.isBlank()) {
            login.queryParam("prompt", prompt);
        }
        return Response.status(Response.Status.FOUND).location(login.build()).build();
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String handle,
                             @QueryParam("error") String error) {
        Map<String, String> request = handle == null ? null : singleUse().remove(REQUEST + handle);
        if (request == null) {
            event(EventType.LOGIN).error(Errors.EXPIRED_CODE);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.EXPIRED_ACTION);
        }
        String clientId = request.get("client_id");
        String redirect = request.get("verified_redirect_uri");
        String state = request.get("state");
        EventBuilder event = event(EventType.LOGIN).client(clientId);
        ClientModel client = relyingParty(clientId);
        if (error != null || code == null || client == null) {
            event.error(Errors.ACCESS_DENIED);
            return found(PartnerRedirect.error(redirect, "access_denied", state));
        }
        Map<String, String> userinfo;
        try {
            userinfo = identityOfThisLogin(client, code, request.get("inner_verifier"));
        } catch (IOException | JWSInputException | RuntimeException e) {
            LOG.warnf("partner-api: the realm's own token endpoint refused the login's code: %s", e.getMessage());
            event.error(Errors.ACCESS_DENIED);
            return found(PartnerRedirect.error(redirect, "access_denied", state));
        }
        String partnerCode = SecretGenerator.getInstance().randomString(43);
        Map<String, String> grant = new HashMap<>();
        grant.put("client_id", clientId);
        grant.put("redirect_uri", request.get("redirect_uri"));
        putIfPresent(grant, "code_challenge", request.get("code_challenge"));
        putIfPresent(grant, "code_challenge_method", request.get("code_challenge_method"));
        grant.put("userinfo", json(userinfo));
        PartnerCrypto.Sealed sealed;
        try {
            sealed = crypto.seal(partnerCode, relyingPartyKey(client), mode(client));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("partner-api: no usable public key for client %s at %s: %s", clientId,
                    client.getAttribute(RelyingPartyKeys.ATTRIBUTE), e.getMessage());
            event.error(Errors.INVALID_CONFIG);
            return found(PartnerRedirect.error(redirect, "server_error", state));
        }
        singleUse().put(CODE + partnerCode, CODE_SECONDS, grant);
        event.success();
        return found(PartnerRedirect.success(redirect, sealed.data(), sealed.key(), state));
    }

    @POST
    @Path("token")
    public Response token() {
        EventBuilder event = event(EventType.CODE_TO_TOKEN);
        MediaType type = session.getContext().getHttpRequest().getHttpHeaders().getMediaType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
            event.error(Errors.INVALID_REQUEST);
            return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "invalid_request");
        }
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        String clientId = form.getFirst("client_id");
        event.client(clientId);
        ClientModel client = relyingParty(clientId);
        if (client == null || !secretMatches(client, form.getFirst("client_secret"))) {
            event.error(Errors.INVALID_CLIENT_CREDENTIALS);
            return error(Response.Status.UNAUTHORIZED, "invalid_client");
        }
        if (!"authorization_code".equals(form.getFirst("grant_type"))) {
            event.error(Errors.INVALID_REQUEST);
            return error(Response.Status.BAD_REQUEST, "unsupported_grant_type");
        }
        String code = form.getFirst("code");
        Map<String, String> grant = code == null || code.isEmpty() ? null : singleUse().remove(CODE + code);
        if (grant == null) {
            event.error(Errors.INVALID_CODE);
            return error(Response.Status.BAD_REQUEST, "invalid_grant");
        }
        if (!clientId.equals(grant.get("client_id"))
                || !grant.get("redirect_uri").equals(form.getFirst("redirect_uri"))) {
            event.error(Errors.INVALID_REDIRECT_URI);
            return error(Response.Status.BAD_REQUEST, "invalid_grant");
        }
        if (!Pkce.verifies(grant.get("code_challenge"), grant.get("code_challenge_method"),
                form.getFirst("code_verifier"))) {
            event.error(Errors.INVALID_CODE_VERIFIER);
            return error(Response.Status.BAD_REQUEST, "invalid_grant");
        }
        String accessToken = SecretGenerator.getInstance().randomString(43);
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", accessToken);
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", TOKEN_SECONDS);
        Response envelope = envelope(client, json(tokens), event);
        if (envelope.getStatus() == 200) {
            singleUse().put(TOKEN + accessToken, TOKEN_SECONDS,
                    Map.of("client_id", clientId, "userinfo", grant.get("userinfo")));
            event.success();
        }
        return envelope;
    }

    @GET
    @Path("userinfo")
    public Response userinfoGet() {
        return userinfo();
    }

    @POST
    @Path("userinfo")
    public Response userinfoPost() {
        return userinfo();
    }

    private Response userinfo() {
        EventBuilder event = event(EventType.USER_INFO_REQUEST);
        String authorization = session.getContext().getHttpRequest().getHttpHeaders()
                .getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        Map<String, String> grant = token == null || token.isEmpty() ? null : singleUse().get(TOKEN + token);
        ClientModel client = grant == null ? null : relyingParty(grant.get("client_id"));
        if (client == null) {
            event.error(Errors.INVALID_TOKEN);
            return Response.fromResponse(error(Response.Status.UNAUTHORIZED, "invalid_token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
        }
        event.client(client.getClientId());
        Response envelope = envelope(client, grant.get("userinfo"), event);
        if (envelope.getStatus() == 200) {
            event.success();
        }
        return envelope;
    }

    /** The realm's own token answer for this login, read into the partner API's userinfo. */
    private Map<String, String> identityOfThisLogin(ClientModel client, String code, String verifier)
            throws IOException, JWSInputException {
        try (SimpleHttpResponse response = SimpleHttp.create(session)
                .doPost(realmUri().path("protocol/openid-connect/token").build().toString())
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("redirect_uri", callbackUri().toString())
                .param("client_id", client.getClientId())
                .param("client_secret", client.getSecret())
                .param("code_verifier", verifier)
                .asResponse()) {
            if (response.getStatus() != 200) {
                throw new IOException("HTTP " + response.getStatus());
            }
            String idToken = response.asJson().path("id_token").asText(null);
            if (idToken == null) {
                throw new IOException("no id_token");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = new JWSInput(idToken).readJsonContent(Map.class);
            return CitizenClaims.fromOidc(claims);
        }
    }

    private Response envelope(ClientModel client, String plaintext, EventBuilder event) {
        try {
            PartnerCrypto.Sealed sealed = crypto.seal(plaintext, relyingPartyKey(client), mode(client));
            Map<String, String> body = new LinkedHashMap<>();
            body.put("data", sealed.data());
            body.put("key", sealed.key());
            return Response.ok(json(body), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("partner-api: no usable public key for client %s at %s: %s", client.getClientId(),
                    client.getAttribute(RelyingPartyKeys.ATTRIBUTE), e.getMessage());
            event.error(Errors.INVALID_CONFIG);
            return error(Response.Status.INTERNAL_SERVER_ERROR, "server_error");
        }
    }

    private RSAPublicKey relyingPartyKey(ClientModel client) throws IOException {
        String url = client.getAttribute(RelyingPartyKeys.ATTRIBUTE);
        if (url == null || url.isBlank()) {
            throw new IOException("client attribute " + RelyingPartyKeys.ATTRIBUTE + " is not set");
        }
        return keys.key(url, this::fetch);
    }

    private String fetch(String url) throws IOException {
        try (SimpleHttpResponse response = SimpleHttp.create(session).withMaxConsumedResponseSize(MAX_KEY_BYTES)
                .doGet(url).asResponse()) {
            if (response.getStatus() != 200) {
                throw new IOException("HTTP " + response.getStatus() + " from " + url);
            }
            return response.asString();
        }
    }

    private static AesMode mode(ClientModel client) {
        return AesMode.of(client.getAttribute(AesMode.ATTRIBUTE));
    }

    /** A confidential OpenID Connect client of this realm, enabled; else null. */
    private ClientModel relyingParty(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return null;
        }
        ClientModel client = realm.getClientByClientId(clientId);
        return client != null && client.isEnabled() && !client.isPublicClient() && !client.isBearerOnly()
                && "openid-connect".equals(client.getProtocol()) ? client : null;
    }

    private static boolean secretMatches(ClientModel client, String secret) {
        String expected = client.getSecret();
        return secret != null && expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    private jakarta.ws.rs.core.UriBuilder realmUri() {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName());
    }

    private URI callbackUri() {
        return realmUri().path(PartnerApiResourceProviderFactory.PROVIDER_ID).path("callback").build();
    }

    private SingleUseObjectProvider singleUse() {
        return session.singleUseObjects();
    }

    private EventBuilder event(EventType type) {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(type)
                .detail("vneid_face", PartnerApiResourceProviderFactory.PROVIDER_ID);
    }

    private static Response found(String location) {
        // a String header, not a URI: the raw base64 (+ / =) of the encrypted code goes out exactly as written
        return Response.status(Response.Status.FOUND).header(HttpHeaders.LOCATION, location).build();
    }

    private static Response error(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity("{\"error\":\"" + error + "\"}").build();
    }

    private static String json(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
