package vn.vneidbridge.vneid.assurance;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code vneid-step-up-condition}: true when the portal asked for a VNeID level ({@link LevelRules#inBrowser} is
 * not {@link LevelRules.NotNeeded}). It guards the subflow of Keycloak's own "Condition - Level of Authentication"
 * steps for levels 1 and 2, which alone are true for every fresh login. Also true for
 * {@link LevelRules.FromSession}, which the step-up step handles by going on from the SSO session.
 */
final class VneidStepUpCondition implements ConditionalAuthenticator {

    static final VneidStepUpCondition SINGLETON = new VneidStepUpCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return !(VneidStepUpAuthenticator.decide(context) instanceof LevelRules.NotNeeded);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
