package vn.vneidbridge.vneid.assurance;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.IdentityProviderAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * {@code vneid-step-up}: sends the citizen to VNeID when the portal asked for a VNeID level — on a fresh login
 * instead of the login page, and from an SSO session made at a lower level. The {@code vneid} identity provider
 * asks VNeID for that level ({@code acr_values}) and checks what VNeID answers. When the attempt comes back without
 * a login (cancelled, or VNeID failed) and the level must be met, the login ends with an error to the portal
 * ({@link PortalRefusal}); a voluntary request goes on to the login page ({@link VneidStepUpCondition} is then
 * false).
 */
final class VneidStepUpAuthenticator extends IdentityProviderAuthenticator {

    private static final Logger LOG = Logger.getLogger(VneidStepUpAuthenticator.class);

    /** The rules applied to this login's request and to what happened to an earlier VNeID attempt in it. */
    static LevelRules.StepUp decide(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        boolean attemptFailed = context.getForwardedErrorMessage() != null
                || authSession.getAuthNote(LevelRequest.STEP_UP_SENT_NOTE) != null;
        LevelRequest request = LevelRequest.of(authSession);
        return LevelRules.inBrowser(request.requested(), request.mustReach(), attemptFailed,
                attemptFailed && fromSsoSession(context));
    }

    /**
     * The citizen of this login is the one of the browser's valid SSO session (Keycloak's cookie step identified
     * them before the step-up), not one who has just typed a password in this login.
     */
    private static boolean fromSsoSession(AuthenticationFlowContext context) {
        UserModel user = context.getAuthenticationSession().getAuthenticatedUser();
        if (user == null) {
            return false;
        }
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(context.getSession(),
                context.getRealm(), true);
        return sso != null && sso.user() != null && user.getId().equals(sso.user().getId());
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        LevelRules.StepUp decision = decide(context);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (decision instanceof LevelRules.Unmet unmet) {
            LOG.debugf("step-up to VNeID for client %s came back without a login; level %d required",
                    authSession.getClient().getClientId(), unmet.mustReach());
            context.forceChallenge(PortalRefusal.send(context.getSession(), authSession, context.getEvent(),
                    unmet.mustReach(), "vneid_attempt_ended_without_login"));
            return;
        }
        if (decision instanceof LevelRules.FromSession) {
            // the voluntary request was not met: drop it and start the flow again, so that Keycloak's SSO step
            // finishes the login from the session at the level the session has (the acr stays honest); the
            // portal's acr_values stay in the client notes for the acr names only
            LOG.debugf("voluntary step-up to VNeID for client %s came back without a login; going on from the session",
                    authSession.getClient().getClientId());
            authSession.removeClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
            context.resetFlow();
            return;
        }
        if (decision instanceof LevelRules.NotNeeded) {
            // the condition guards this step; reached only if an operator placed it elsewhere
            context.attempted();
            return;
        }
        authSession.setAuthNote(LevelRequest.STEP_UP_SENT_NOTE, "true");
        redirect(context, identityProvider(context.getAuthenticatorConfig()),
                authSession.getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM));
    }

    static String identityProvider(AuthenticatorConfigModel config) {
        String alias = config == null ? null : config.getConfig().get(VneidStepUpAuthenticatorFactory.IDENTITY_PROVIDER);
        return alias == null || alias.isBlank() ? VneidStepUpAuthenticatorFactory.DEFAULT_IDENTITY_PROVIDER : alias.trim();
    }
}
