package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.PortalAdministrators;

/**
 * Step {@value StateStaffRefusalFactory#PROVIDER_ID} of a post-broker-login flow: a login means "không dành cho CBCCVC
 * cơ quan nhà nước" (Vietnam Post's account) refuses an account of the state's staff (an administrator or an
 * official) at every login, also one linked before it became the staff's. The first login refuses them before
 * anything is linked ({@link ClaimedIdFirstLoginDecision}); this step covers the logins after it. Nothing is
 * changed on the account and no session is made.
 */
final class StateStaffRefusal implements Authenticator {

    static final StateStaffRefusal SINGLETON = new StateStaffRefusal();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || !PortalAdministrators.isStateStaff(context.getRealm(), user)) {
            context.success();
            return;
        }
        FirstLoginRefusal refusal = FirstLoginRefusal.STATE_STAFF;
        context.getEvent().clone().user(user).removeDetail(Details.IDENTITY_PROVIDER_USERNAME)
                .removeDetail(Details.USERNAME).error(refusal.eventError());
        Response page = context.form().setError(refusal.messageKey()).createErrorPage(refusal.status());
        context.challenge(page);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // a form posted to a refused login: still refused
        authenticate(context);
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
