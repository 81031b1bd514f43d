package vn.vneidbridge.legacy.login;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * Keycloak's username/password form for portal accounts, with one difference: when the legacy portal
 * database did not answer, the citizen is told so (and pointed to VNeID) instead of being told the password
 * is wrong. Everything else — brute-force protection, events, the form itself — is Keycloak's.
 */
final class LegacyPasswordForm extends UsernamePasswordForm {

    static final String MESSAGE_UNAVAILABLE = "vneidLegacyDatabaseUnavailable";
    static final String DETAIL_LEGACY_DATABASE = "legacy_database";

    LegacyPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void testInvalidUser(AuthenticationFlowContext context, UserModel user) {
        if (user == null && LegacyUserStorage.databaseUnavailable(context.getSession())) {
            context.getEvent().detail(DETAIL_LEGACY_DATABASE, "unavailable");
        }
        super.testInvalidUser(context, user);
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        return LegacyUserStorage.databaseUnavailable(context.getSession())
                ? MESSAGE_UNAVAILABLE
                : super.getDefaultChallengeMessage(context);
    }
}
