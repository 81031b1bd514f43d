package vn.vneidbridge.legacy.identity;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.broker.provider.IdpLinkAction;
import org.keycloak.common.util.Base64Url;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.flow.VneidSessionNotes;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * "Hủy liên kết" on the identity page: removes the VNeID link only after this session authenticated with VNeID
 * within {@link UnlinkConfig#reauthMaxAgeSeconds()} ({@value VneidSessionNotes#AUTH_TIME}); else the citizen is
 * first sent to VNeID with {@code prompt=login}, through Keycloak's own account-linking round trip (the one of
 * {@code kc_action=idp_link}), which lands only when VNeID answers with the identity already linked to this very
 * account and brings the browser back to this action. Then a confirmation page, bound to this authentication
 * session by a one-time token; confirming removes the link and {@code vneid_linked_at} and records
 * {@code REMOVE_FEDERATED_IDENTITY}. Never leaves an account without a way to log in.
 */
final class VneidUnlink {

    /** Auth note: "token alias" of the confirmation page shown in this authentication session. */
    static final String PENDING_NOTE = "vneid.unlink.pending";
    /** Auth note: the alias the citizen was sent to VNeID for, while away. */
    static final String REAUTH_NOTE = "vneid.unlink.reauth";
    static final String UNLINK_METHOD = "unlink_method";
    static final String METHOD = "identity_page_vneid_reauth";
    static final String TEMPLATE = "vneid-unlink-confirm.ftl";
    private static final Logger LOG = Logger.getLogger(VneidUnlink.class);

    /** The identity page with a message. */
    interface IdentityPage {
        Response show(String messageKey, boolean success);
    }

    private final RequiredActionContext context;
    private final UnlinkConfig config;
    private final IdentityPage page;
    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final AuthenticationSessionModel authSession;

    VneidUnlink(RequiredActionContext context, UnlinkConfig config, IdentityPage page) {
        this.context = context;
        this.config = config;
        this.page = page;
        this.session = context.getSession();
        this.realm = context.getRealm();
        this.user = context.getUser();
        this.authSession = context.getAuthenticationSession();
    }

    /** True when this request is Keycloak's broker bringing the citizen back from the VNeID re-login. */
    boolean returningFromVneid() {
        if (authSession.getAuthNote(REAUTH_NOTE) == null) {
            return false;
        }
        if (authSession.getAuthNote(IdpLinkAction.IDP_LINK_STATUS) != null) {
            return true;
        }
        clearReauthNotes(); // left for VNeID and came back another way: that round trip is over
        return false;
    }

    /** "Hủy liên kết" pressed. */
    void start(String alias) {
        FederatedIdentityModel link = vneidLink(alias);
        if (link == null) {
            refuse(alias, "vneid_unlink_not_linked", "vneidUnlinkNotLinked");
        } else if (leavesNoWayToLogIn(alias)) {
            refuse(alias, "vneid_unlink_last_login_method", "vneidUnlinkLastLoginMethod");
        } else if (config.fresh(lastVneidAuthentication(), Time.currentTime())) {
            confirmation(link);
        } else {
            toVneid(alias);
        }
    }

    /** Back from VNeID: the confirmation when VNeID logged this very account in again, else the page with why. */
    void returned() {
        String alias = authSession.getAuthNote(REAUTH_NOTE);
        String status = authSession.getAuthNote(IdpLinkAction.IDP_LINK_STATUS);
        clearReauthNotes();
        FederatedIdentityModel link = vneidLink(alias);
        if ("SUCCESS".equals(status) && link != null
                && config.fresh(authSession.getUserSessionNotes().get(VneidSessionNotes.AUTH_TIME), Time.currentTime())) {
            confirmation(link);
            return;
        }
        LOG.debugf("VNeID re-authentication for an unlink did not succeed (%s)", status);
        refuse(alias, "vneid_unlink_reauth_failed", "vneidUnlinkReauthFailed");
    }

    /** "Xác nhận hủy liên kết" posted with the page's token. */
    void confirm(String token) {
        String pending = authSession.getAuthNote(PENDING_NOTE);
        authSession.removeAuthNote(PENDING_NOTE);
        String[] parts = pending == null ? new String[0] : pending.split(" ", 2);
        String alias = parts.length == 2 ? parts[1] : null;
        if (alias == null || token == null || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))
                || !config.fresh(lastVneidAuthentication(), Time.currentTime())) {
            refuse(alias == null ? VneidProvider.ALIAS : alias, "vneid_unlink_not_reauthenticated",
                    "vneidUnlinkReauthRequired");
            return;
        }
        FederatedIdentityModel link = vneidLink(alias);
        if (link == null) {
            refuse(alias, "vneid_unlink_not_linked", "vneidUnlinkNotLinked");
            return;
        }
        if (leavesNoWayToLogIn(alias)) {
            refuse(alias, "vneid_unlink_last_login_method", "vneidUnlinkLastLoginMethod");
            return;
        }
        session.users().removeFederatedIdentity(realm, user, alias);
        user.removeAttribute(UserAttributes.VNEID_LINKED_AT);
        // so that the next VNeID login does not link it straight back: it asks for the account's password first
        user.setSingleAttribute(UserAttributes.VNEID_UNLINKED_AT, java.time.Instant.now().toString());
        event(EventType.REMOVE_FEDERATED_IDENTITY, alias).success();
        context.challenge(page.show("vneidUnlinkDone", true));
    }

    /** "Quay lại" on the confirmation page. */
    void cancel() {
        authSession.removeAuthNote(PENDING_NOTE);
        context.challenge(page.show(null, false));
    }

    private void confirmation(FederatedIdentityModel link) {
        String token = Base64Url.encode(SecretGenerator.getInstance().randomBytes(24));
        authSession.setAuthNote(PENDING_NOTE, token + " " + link.getIdentityProvider());
        context.challenge(context.form()
                .setAttribute("vneidUnlinkToken", token)
                .setAttribute("vneidUnlinkId", link.getUserName() == null ? "" : link.getUserName())
                .createForm(TEMPLATE));
    }

    /** To VNeID through Keycloak's account-linking round trip, asking VNeID for a fresh login. */
    private void toVneid(String alias) {
        authSession.removeAuthNote(PENDING_NOTE);
        authSession.setAuthNote(REAUTH_NOTE, alias);
        authSession.setAuthNote(VneidSessionNotes.REAUTHENTICATE, "true");
        authSession.setAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER,
                authSession.getParentSession().getId() + authSession.getClient().getClientId() + alias);
        authSession.setAuthNote(IdpLinkAction.KC_ACTION_LINKING_IDENTITY_PROVIDER, "true");
        ClientSessionCode<AuthenticationSessionModel> code = new ClientSessionCode<>(session, realm, authSession);
        code.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        context.challenge(new IdentityBrokerService(session).performClientInitiatedAccountLogin(alias, code));
    }

    private void clearReauthNotes() {
        authSession.removeAuthNote(REAUTH_NOTE);
        authSession.removeAuthNote(VneidSessionNotes.REAUTHENTICATE);
        authSession.removeAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER);
        authSession.removeAuthNote(IdpLinkAction.KC_ACTION_LINKING_IDENTITY_PROVIDER);
        authSession.removeAuthNote(IdpLinkAction.IDP_LINK_STATUS);
        authSession.removeAuthNote(IdpLinkAction.IDP_LINK_ERROR);
    }

    private void refuse(String alias, String error, String messageKey) {
        event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR, alias).error(error);
        context.challenge(page.show(messageKey, false));
    }

    /** The account's link to a provider of type {@code vneid} under this alias, or null. */
    private FederatedIdentityModel vneidLink(String alias) {
        if (alias == null) {
            return null;
        }
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        if (idp == null || !LinkedAccounts.VNEID_PROVIDER.equals(idp.getProviderId())) {
            return null;
        }
        return session.users().getFederatedIdentity(realm, user, alias);
    }

    /** Keycloak's own rule for removing a link: a password, a federation link or another link must remain. */
    private boolean leavesNoWayToLogIn(String alias) {
        boolean password = user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
        long otherLinks = session.users().getFederatedIdentitiesStream(realm, user)
                .filter(other -> !alias.equals(other.getIdentityProvider())).count();
        return !UnlinkRules.keepsAWayToLogIn(password, user.isFederated(), otherLinks);
    }

    /**
     * When this session last authenticated with VNeID: this authentication session's own VNeID login (a re-login,
     * or the login that opened this page), else the user session's.
     */
    private String lastVneidAuthentication() {
        String own = authSession.getUserSessionNotes().get(VneidSessionNotes.AUTH_TIME);
        if (own != null) {
            return own;
        }
        UserSessionModel userSession = new AuthenticationSessionManager(session).getUserSession(authSession);
        if (userSession == null || userSession.getUser() == null || !user.getId().equals(userSession.getUser().getId())) {
            return null;
        }
        return userSession.getNote(VneidSessionNotes.AUTH_TIME);
    }

    /** No id number in the details: the provider alias and how the unlink was asked for only. */
    private EventBuilder event(EventType type, String alias) {
        return new EventBuilder(realm, session, context.getConnection()).event(type).user(user)
                .client(authSession.getClient()).detail(Details.IDENTITY_PROVIDER, alias)
                .detail(UNLINK_METHOD, METHOD);
    }
}
