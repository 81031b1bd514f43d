package vn.vneidbridge.vneid.assurance;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Step {@value PortalLevelRecorderFactory#PROVIDER_ID} of a post-broker-login flow: a login through an identity
 * provider that is not VNeID (Vietnam Post's account) reached level 0, the portal account's, and says so. Without it
 * Keycloak would report such a login as level 1 ({@code acr} "1"), as if VNeID had vouched for the citizen, because
 * a brokered login passes through none of the browser flow's level conditions. A portal that must get a VNeID
 * level (an essential {@code acr}, or the client's "Minimum ACR value") gets an error instead
 * ({@link PortalRefusal}), as for a VNeID account below its level.
 */
final class PortalLevelRecorder implements Authenticator {

    static final PortalLevelRecorder SINGLETON = new PortalLevelRecorder();

    /** The page's message when the portal must get a VNeID level and the citizen came through another provider. */
    static final String VNEID_REQUIRED_MESSAGE = "dvcLevelNeedsVneid";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int mustReach = LevelRequest.of(authSession).mustReach();
        if (mustReach > AssuranceLevel.PORTAL_PASSWORD.loa()) {
            // the portal must get a VNeID level (its essential acr, or the client's minimum): as for a VNeID account
            // below it, an error for the portal after a page that tells the citizen why (kc_idp_hint skips the
            // browser flow's step-up, so this is where such a login ends)
            // no id number in the event (the brokered username): error events are logged at WARN by default
            EventBuilder event = context.getEvent().clone().removeDetail(Details.IDENTITY_PROVIDER_USERNAME)
                    .removeDetail(Details.USERNAME);
            context.forceChallenge(PortalRefusal.page(context.getSession(), authSession, event, mustReach,
                    "login_not_vneid", VNEID_REQUIRED_MESSAGE));
            return;
        }
        LevelsReached.record(context.getSession(), authSession, AssuranceLevel.PORTAL_PASSWORD);
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return false;
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
