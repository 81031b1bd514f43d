package vn.vneidbridge.legacy.linking;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.flow.LoginNotes;

/**
 * The last step of a portal-account login ("Đăng nhập bằng VNeID", seeds 000 and 003).
 * <ul>
 *   <li>An account with a verified CCCD and no VNeID link, in the normal mode: the login asks Keycloak's
 *       {@code idp_link} application-initiated action for VNeID, whose page is the notice ("Bỏ qua" /
 *       "Đăng nhập bằng VNeID"). Keycloak binds that link to this session and to the account; the VNeID
 *       provider refuses it unless the VNeID id number is the account's verified CCCD.</li>
 *   <li>In the cutoff's link-only mode: no portal session; a page whose only way on is VNeID, bound to this
 *       account (the VNeID login links it, or logs into it when it is linked already).</li>
 *   <li>Administrators and accounts already linked go on unchanged.</li>
 * </ul>
 */
final class LinkNoticeAuthenticator implements Authenticator {

    static final String PAGE = "vneid-cutoff.ftl";
    static final String IDP_LINK_ACTION = "idp_link";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        LinkState state = LinkState.of(context.getSession(), context.getRealm(), user, idpAlias(context));
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        boolean linkOnly = Boolean.parseBoolean(authSession.getAuthNote(LoginNotes.LINK_ONLY));
        if (state.administrator()) {
            context.success();
            return;
        }
        if (linkOnly) {
            context.getEvent().detail("cutoff", "link-only");
            context.challenge(page(context, state.linked() ? "vneidLinkOnlyLinked" : "vneidLinkOnlyVerified"));
            return;
        }
        if (state.verified() && !state.linked() && authSession.getClientNote(Constants.KC_ACTION) == null) {
            authSession.setClientNote(Constants.KC_ACTION, IDP_LINK_ACTION);
            authSession.setClientNote(Constants.KC_ACTION_PARAMETER, idpAlias(context));
            context.getEvent().detail("vneid_link_offered", "true");
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // only the link-only page posts here; its single way on is VNeID, bound to this account
        if ("vneid".equals(context.getHttpRequest().getDecodedFormParameters().getFirst("action"))) {
            context.getEvent().detail(Details.IDENTITY_PROVIDER, idpAlias(context));
            context.forceChallenge(VneidLoginRedirect.to(context, idpAlias(context), context.getUser()));
            return;
        }
        authenticate(context);
    }

    private static Response page(AuthenticationFlowContext context, String message) {
        return context.form()
                .setAttribute("vneidCutoffMessage", message)
                .setAttribute("vneidCutoffBound", true)
                .createForm(PAGE);
    }

    private static String idpAlias(AuthenticationFlowContext context) {
        return new LinkNoticeConfig(context.getAuthenticatorConfig()).idpAlias();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
