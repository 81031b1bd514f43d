package vn.vneidbridge.vneid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.events.EventType;
import org.keycloak.protocol.oidc.utils.LogoutUtil;
import org.keycloak.services.managers.AuthenticationSessionManager;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jakarta.ws.rs.WebApplicationException;
import vn.vneidbridge.vneid.assurance.AssuranceLevel;
import vn.vneidbridge.vneid.assurance.LevelRequest;
import vn.vneidbridge.vneid.assurance.LevelRules;
import vn.vneidbridge.vneid.assurance.LevelsReached;
import vn.vneidbridge.vneid.assurance.PortalRefusal;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.social.SocialIdentityProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.representations.IDToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.flow.VneidSessionNotes;

/**
 * The {@code vneid} identity provider: Keycloak's OpenID Connect broker with the VNeID rules on top.
 *
 * <p>Left to Keycloak ({@link OIDCIdentityProvider}), unchanged: the authorization-code flow with PKCE and
 * nonce, the token request, the ID token's signature against VNeID's JWKS ({@code verifySignature}, keys from
 * Keycloak's {@code PublicKeyStorageProvider}, which reloads the JWKS when a {@code kid} is unknown, at most
 * once per {@code minTimeBetweenRequests}, 10 s by default),
 * issuer, audience, {@code azp} and expiry ({@code validateToken}), the nonce
 * ({@code preprocessFederatedIdentity}), the userinfo call and its {@code sub} check
 * ({@code getFederatedIdentity}), RP-initiated logout with {@code id_token_hint} and
 * {@code post_logout_redirect_uri} ({@code keycloakInitiatedBrowserLogout}) and incoming back-channel logout
 * (handled by the realm's {@code /protocol/openid-connect/logout/backchannel-logout}).
 *
 * <p>Overridden, each for one reason:
 * <ul>
 *   <li>{@link #createAuthorizationUrl}: sends {@code acr_values} = the level this login requires, and
 *       {@code prompt=login} when the identity page asks the citizen to log in again before an unlink;</li>
 *   <li>{@link #extractIdentity}: runs the VNeID checks (V1–V4 for a citizen's account, O0, O1, V2, O3 for an
 *       organisation's, told apart by the account type claim) and maps the identity;</li>
 *   <li>{@link #authenticationFinished}: stores the level as the user-session note {@value VneidContext#LEVEL_NOTE}
 *       and the time of this VNeID authentication as {@value VneidSessionNotes#AUTH_TIME};</li>
 *   <li>{@link #preprocessFederatedIdentity}: refuses a link to an account whose verified CCCD is not the
 *       VNeID id number, or whose verified tax code is not the VNeID organisation's ({@link VneidLinkGuard});</li>
 *   <li>{@link #callback}: keeps the login's event builder, so a refusal is recorded with its reason, and
 *       answers with {@link VneidEndpoint}, which completes a portal's logout that VNeID's back-channel logout
 *       already finished.</li>
 * </ul>
 */
final class VneidIdentityProvider extends OIDCIdentityProvider implements SocialIdentityProvider<OIDCIdentityProviderConfig> {

    private static final Logger LOG = Logger.getLogger(VneidIdentityProvider.class);
    private static final String LOGOUT_END_PREFIX = "vneid.logout.end.";
    private static final String LOGOUT_END_URI = "uri";
    private static final String LOGOUT_END_CLIENT = "client";
    private static final long LOGOUT_END_SECONDS = 600;

    private EventBuilder event;

    VneidIdentityProvider(KeycloakSession session, VneidIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public VneidIdentityProviderConfig getConfig() {
        return (VneidIdentityProviderConfig) super.getConfig();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        this.event = event;
        return new VneidEndpoint(callback, realm, event, this);
    }

    /**
     * Keycloak's redirect to VNeID's end-session endpoint, remembering where this browser logout ends (the portal's
     * {@code post_logout_redirect_uri} with its {@code state}) for {@link VneidEndpoint#logoutResponse}: VNeID's
     * back-channel logout may end the dvc session, and with it the logout session, before the browser comes back.
     */
    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession,
                                                   UriInfo uriInfo, RealmModel realm) {
        if (getConfig().isPartnerApi()) {
            // the partner API has no end-session endpoint and no ID token: Keycloak ends its own session only
            return null;
        }
        Response response = super.keycloakInitiatedBrowserLogout(session, userSession, uriInfo, realm);
        if (response != null) {
            AuthenticationSessionModel logoutSession = AuthenticationManager.createOrJoinLogoutSession(session, realm,
                    new AuthenticationSessionManager(session), userSession, true, false);
            URI end = LogoutUtil.getRedirectUriWithAttachedState(
                    logoutSession.getAuthNote(OIDCLoginProtocol.LOGOUT_REDIRECT_URI), logoutSession);
            session.singleUseObjects().put(LOGOUT_END_PREFIX + userSession.getId(), LOGOUT_END_SECONDS,
                    Map.of(LOGOUT_END_URI, end == null ? "" : end.toString(),
                            LOGOUT_END_CLIENT, logoutSession.getClient().getClientId()));
        }
        return response;
    }

    /**
     * Keycloak's broker endpoint, with one case more at {@code logout_response}: when a portal logs out, realm
     * dvc sends the browser to VNeID's end-session endpoint; VNeID ends its session and, as back-channel logout
     * requires, tells dvc at once with a logout token, so the dvc session is already gone when the browser comes
     * back. That logout is complete: the browser is sent on to the portal's {@code post_logout_redirect_uri}
     * remembered when the logout left for VNeID (once), not to an error page.
     */
    static final class VneidEndpoint extends OIDCEndpoint {

        private final VneidIdentityProvider vneid;

        VneidEndpoint(AuthenticationCallback callback, RealmModel realm, EventBuilder event,
                      VneidIdentityProvider provider) {
            super(callback, realm, event, provider);
            this.vneid = provider;
        }

        /**
         * Keycloak's authorization response for OIDC, and for the partner API's errors and missing parameters. A
         * partner-API answer with a code goes to {@link PartnerApiCallback}, which reads the code from the raw query
         * (the JAX-RS value here may have turned its base64 {@code +} into a space) after Keycloak's state check.
         */
        @Override
        public Response authResponse(String state, String authorizationCode, String error, String errorDescription) {
            if (!vneid.getConfig().isPartnerApi() || state == null || error != null || authorizationCode == null) {
                return super.authResponse(state, authorizationCode, error, errorDescription);
            }
            return new PartnerApiCallback(session, realm, event, vneid, callback).respond(state);
        }

        @Override
        public Response logoutResponse(String state) {
            if (state == null || session.sessions().getUserSession(realm, state) != null) {
                return super.logoutResponse(state);
            }
            Map<String, String> end = session.singleUseObjects().remove(LOGOUT_END_PREFIX + state);
            if (end == null) {
                return super.logoutResponse(state);
            }
            LOG.debugf("Session %s already ended by VNeID's back-channel logout; finishing the browser logout", state);
            new EventBuilder(realm, session, clientConnection).event(EventType.LOGOUT)
                    .client(end.get(LOGOUT_END_CLIENT)).session(state)
                    .detail(Details.REASON, "ended by the identity provider's back-channel logout").success();
            String uri = end.get(LOGOUT_END_URI);
            if (uri != null && !uri.isEmpty()) {
                return Response.status(Response.Status.FOUND).location(URI.create(uri)).build();
            }
            return session.getProvider(LoginFormsProvider.class).setSuccess(Messages.SUCCESS_LOGOUT)
                    .setDetachedAuthSession().createInfoPage();
        }
    }

    /**
     * Keycloak's authorization URL, with {@code acr_values} replaced by the VNeID level to ask for: the level the
     * portal requested ({@link LevelRequest}), at least the configured minimum. Keycloak forwards the client's own
     * {@code acr_values} verbatim by default, which are the realm's names, not VNeID's.
     */
    @Override
    protected UriBuilder createAuthorizationUrl(AuthenticationRequest request) {
        UriBuilder uri = super.createAuthorizationUrl(request);
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        uri.replaceQueryParam(OAuth2Constants.ACR_VALUES, levelToAsk(getConfig().getMinimumLevel(),
                LevelRequest.of(authSession).requested()).value());
        if (getConfig().isPartnerApi()) {
            // no ID token, so no nonce to bind it: the partner API's request is response_type, client_id,
            // redirect_uri, scope, state (+ PKCE, acr_values)
            uri.replaceQueryParam(OIDCLoginProtocol.NONCE_PARAM);
        }
        if ("true".equals(authSession.getAuthNote(VneidSessionNotes.REAUTHENTICATE))) {
            uri.replaceQueryParam(OAuth2Constants.PROMPT, OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
        }
        return uri;
    }

    /** The configured minimum, or the VNeID level the requested level of authentication needs when that is higher. */
    static VneidLevel levelToAsk(VneidLevel minimum, int requestedLoa) {
        return AssuranceLevel.vneidLevelFor(requestedLoa).filter(level -> level.isAtLeast(minimum)).orElse(minimum);
    }

    /**
     * Keycloak's identity (validated ID token, userinfo, {@code sub}, session id), then the VNeID checks, then
     * the mapping ({@link #map}): a citizen's username = id number, an organisation's = tax code; the validated
     * attributes in the context for the {@code vneid-identity-mapper}. A refusal is an {@link IdentityBrokerException}
     * with the message key, which Keycloak's broker endpoint shows on its error page.
     */
    @Override
    protected BrokeredIdentityContext extractIdentity(AccessTokenResponse tokenResponse, String accessToken,
                                                      JsonWebToken idToken) throws IOException {
        BrokeredIdentityContext identity = super.extractIdentity(tokenResponse, accessToken, idToken);
        Map<String, Object> claims = VneidClaims.merge(idToken.getOtherClaims(),
                (JsonNode) identity.getContextData().get(USER_INFO));
        // the realm's minimum: below it no login at all (an error page that says why); a portal's own level is
        // checked in preprocessFederatedIdentity, so that the portal gets the error
        VneidCheckResult result = validator(getConfig()).validate(claims, getConfig().getMinimumLevel());
        if (result instanceof VneidCheckResult.Refused refused) {
            throw refuse(refused);
        }
        LOG.debugf("VNeID login accepted by %s: %s", getConfig().getAlias(), accepted(result));
        map(result, identity);
        identity.getContextData().put(VneidSessionNotes.AUTH_TIME, String.valueOf(authTime(idToken)));
        return identity;
    }

    /**
     * The checks with this provider's claim names, level claim ({@code acr} with OIDC, {@code accountLevel} with the
     * partner API), account type claim and organisation settings.
     */
    private static VneidIdentityValidator validator(VneidIdentityProviderConfig config) {
        return new VneidIdentityValidator(config.getClaimNames(), config.getLevelClaim(), config.getAccountKind(),
                config.isAcceptOrganisations());
    }

    /**
     * When the citizen authenticated at VNeID: the ID token's {@code auth_time} when it has one (so a VNeID that
     * answered {@code prompt=login} from its own session is not taken for a fresh login), else now.
     */
    static long authTime(JsonWebToken idToken) {
        long now = Time.currentTime();
        Object claim = idToken == null ? null : idToken.getOtherClaims().get(IDToken.AUTH_TIME);
        if (claim instanceof Number number && number.longValue() > 0) {
            return Math.min(number.longValue(), now);
        }
        return now;
    }

    /**
     * The identity of a partner-API login from VNeID's decrypted userinfo: the same checks (the level from the
     * account level claim, the kind from the account type claim) and the same mapping as OIDC; the federated user id
     * is {@link PartnerSubject}'s keyed digest of the id number, or of an organisation's tax code (the API has no
     * {@code sub}); the time of authentication is now (no ID token).
     */
    BrokeredIdentityContext partnerIdentity(JsonNode userInfo) {
        VneidIdentityProviderConfig config = getConfig();
        Map<String, Object> claims = VneidClaims.merge(null, userInfo);
        VneidCheckResult result = validator(config).validate(claims, config.getMinimumLevel());
        if (result instanceof VneidCheckResult.Refused refused) {
            throw refuse(refused);
        }
        BrokeredIdentityContext identity = new BrokeredIdentityContext(partnerSubject(subjectKey(result)), config);
        LOG.debugf("VNeID partner-API login accepted by %s: %s", config.getAlias(), accepted(result));
        map(result, identity);
        identity.getContextData().put(VneidSessionNotes.AUTH_TIME, String.valueOf(Time.currentTime()));
        return identity;
    }

    /**
     * {@link PartnerSubject} keyed with the realm's active HS512 key; after a rotation of that key, the value of
     * a passive one when a link already has it, so a returning citizen keeps his link.
     */
    private String partnerSubject(String idNumber) {
        RealmModel realm = session.getContext().getRealm();
        KeyWrapper active = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (active == null || active.getSecretKey() == null) {
            VneidMetrics.refused(vn.vneidbridge.vneid.partner.PartnerRefusal.NOT_CONFIGURED);
            throw new IdentityBrokerException("realm has no active HS512 key for the VNeID partner API")
                    .withMessageCode(vn.vneidbridge.vneid.partner.PartnerRefusal.NOT_CONFIGURED.messageKey());
        }
        String current = PartnerSubject.of(active.getSecretKey().getEncoded(), idNumber);
        return session.keys().getKeysStream(realm, KeyUse.SIG, Algorithm.HS512)
                .filter(key -> key.getSecretKey() != null && !key.getKid().equals(active.getKid()))
                .map(key -> PartnerSubject.of(key.getSecretKey().getEncoded(), idNumber))
                .filter(subject -> session.users().getUserByFederatedIdentity(realm,
                        new FederatedIdentityModel(getConfig().getAlias(), subject, null)) != null)
                .findFirst().orElse(current);
    }

    private IdentityBrokerException refuse(VneidCheckResult.Refused refused) {
        VneidRefusal refusal = refused.refusal();
        VneidMetrics.refused(refusal);
        String reason = refusal.eventReason() + ": " + refused.detail();
        if (event != null) {
            event.detail(Details.REASON, reason).detail(Details.IDENTITY_PROVIDER, getConfig().getAlias());
        }
        // the reason holds check number, problem codes and levels only: no personal data
        LOG.infof("VNeID login refused by identity provider %s: %s", getConfig().getAlias(), reason);
        return new IdentityBrokerException("VNeID check " + refusal.check() + " failed: " + reason)
                .withMessageCode(refusal.messageKey());
    }

    /** The accepted identity of {@code result}, a citizen's or an organisation's (its {@code toString} is masked). */
    private static Object accepted(VneidCheckResult result) {
        if (result instanceof VneidCheckResult.AcceptedOrganisation organisation) {
            return organisation.identity();
        }
        if (result instanceof VneidCheckResult.Accepted citizen) {
            return citizen.identity();
        }
        throw new IllegalArgumentException("not an accepted VNeID identity");
    }

    /** The brokered username of an accepted identity: a citizen's id number, an organisation's canonical tax code. */
    static String username(VneidCheckResult result) {
        if (result instanceof VneidCheckResult.AcceptedOrganisation organisation) {
            return organisation.identity().taxCode().value();
        }
        if (result instanceof VneidCheckResult.Accepted citizen) {
            return citizen.identity().idNumber().value();
        }
        throw new IllegalArgumentException("not an accepted VNeID identity");
    }

    /**
     * What the partner-API subject is the digest of: the citizen's id number, or the organisation's tax code tagged
     * {@value #ORGANISATION_SUBJECT_TAG}, so that a citizen's and an organisation's subjects can never be the same
     * whatever digits they have (a household business's tax code is its owner's personal id number since 2025).
     */
    static String subjectKey(VneidCheckResult result) {
        return result instanceof VneidCheckResult.AcceptedOrganisation
                ? ORGANISATION_SUBJECT_TAG + username(result) : username(result);
    }

    static final String ORGANISATION_SUBJECT_TAG = "tax-code:";

    /** Maps an accepted identity, a citizen's or an organisation's, onto Keycloak's brokered identity. */
    private static void map(VneidCheckResult result, BrokeredIdentityContext identity) {
        if (result instanceof VneidCheckResult.AcceptedOrganisation organisation) {
            map(organisation.identity(), identity);
        } else if (result instanceof VneidCheckResult.Accepted citizen) {
            map(citizen.identity(), identity);
        } else {
            throw new IllegalArgumentException("not an accepted VNeID identity");
        }
    }

    /** A citizen: username = id number, first/last name split Vietnamese-style, the validated attributes. */
    private static void map(VneidIdentity vneid, BrokeredIdentityContext identity) {
        identity.setUsername(vneid.idNumber().value());
        identity.setFirstName(vneid.firstName());
        identity.setLastName(vneid.lastName().isEmpty() ? null : vneid.lastName());
        if (vneid.email() != null) {
            identity.setEmail(vneid.email());
        }
        vneid.userAttributes().forEach(identity::setUserAttribute);
        VneidContext.store(identity, vneid);
    }

    /**
     * An organisation: username = the canonical tax code, first name = the organisation's name, no last name, no
     * e-mail (VNeID's may be the legal representative's own); the attributes of
     * {@link OrganisationIdentity#userAttributes()} only (never {@code cccd}, {@code full_name}, {@code birthdate},
     * {@code gender}, a phone); the kind in the context data.
     */
    private static void map(OrganisationIdentity organisation, BrokeredIdentityContext identity) {
        identity.setUsername(organisation.taxCode().value());
        identity.setFirstName(organisation.name());
        identity.setLastName(null);
        organisation.userAttributes().forEach(identity::setUserAttribute);
        VneidContext.store(identity, organisation);
    }

    /**
     * Keycloak's nonce check, then {@link VneidLinkGuard}: a login that links to (or must land on) one account
     * goes on only when the VNeID id number is that account's verified CCCD, or, for an organisation's VNeID account,
     * its tax code is that organisation account's verified tax code.
     */
    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        if (!getConfig().isPartnerApi()) {
            // Keycloak's nonce check: the partner API issues no ID token, so it has no nonce
            super.preprocessFederatedIdentity(session, realm, context);
        }
        refuseBelowThePortalsLevel(session, context);
        new VneidLinkGuard(session, realm).check(context, context.getUsername()).ifPresent(message -> {
            LOG.infof("VNeID link refused by identity provider %s: %s", getConfig().getAlias(), message);
            throw new IdentityBrokerException("VNeID link refused: " + message).withMessageCode(message);
        });
    }

    /**
     * The level the portal must get (its essential {@code acr}, or the client's minimum): a VNeID account below it
     * ends the login here, before any account is linked or created, with an error to the portal
     * ({@link PortalRefusal}), after a page that tells the citizen why; Keycloak's broker endpoint answers with the
     * response of a {@link WebApplicationException}. A voluntary request goes on with the honest level.
     */
    private void refuseBelowThePortalsLevel(KeycloakSession session, BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Optional<VneidLevel> level = VneidLevel.parse(VneidContext.level(context));
        if (authSession == null || level.isEmpty()) {
            return;
        }
        int mustReach = LevelRequest.of(authSession).mustReach();
        if (LevelRules.afterVneid(AssuranceLevel.of(level.get()), mustReach) instanceof LevelRules.Unmet) {
            LOG.debugf("VNeID login of level %s below the level %d client %s must get", level.get(), mustReach,
                    authSession.getClient().getClientId());
            throw new WebApplicationException(PortalRefusal.page(session, authSession, event, mustReach,
                    "vneid_account_level_" + level.get().value(),
                    mustReach == AssuranceLevel.VNEID_LEVEL_2.loa() ? VneidRefusal.LEVEL_TOO_LOW.messageKey()
                            : PortalRefusal.NOT_MET_MESSAGE));
        }
    }

    /**
     * Keycloak's bookkeeping (tokens for logout), then the user-session notes with the account level and the time
     * of this VNeID authentication. Keycloak calls this after every VNeID login, re-login and link, never after a
     * password login, so {@value VneidSessionNotes#AUTH_TIME} says when the session last authenticated with VNeID.
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        if (!getConfig().isPartnerApi()) {
            // Keycloak's token notes for logout: the partner API has no ID token and no token response to keep
            super.authenticationFinished(authSession, context);
        }
        String level = VneidContext.level(context);
        VneidMetrics.login(getConfig().isPartnerApi() ? VneidProtocol.PARTNER_API : VneidProtocol.OIDC, level);
        if (level != null) {
            authSession.setUserSessionNote(VneidContext.LEVEL_NOTE, level);
            VneidLevel.parse(level).ifPresent(reached -> LevelsReached.record(session, authSession,
                    AssuranceLevel.of(reached)));
        }
        Object authTime = context.getContextData().get(VneidSessionNotes.AUTH_TIME);
        authSession.setUserSessionNote(VneidSessionNotes.AUTH_TIME,
                authTime instanceof String value ? value : String.valueOf(Time.currentTime()));
        authSession.removeAuthNote(VneidSessionNotes.REAUTHENTICATE);
    }
}
