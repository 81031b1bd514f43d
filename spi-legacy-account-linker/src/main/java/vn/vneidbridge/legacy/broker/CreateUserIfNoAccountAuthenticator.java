package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * First VNeID login: creates the user from VNeID only when no account has that id number — neither as
 * username, nor as a CCCD on an imported account, nor as a CCCD in the legacy portal database. Otherwise
 * nothing is created and nothing is linked: the citizen is told the number already belongs to a portal
 * account (linking such accounts safely is the linker's job). Never matches on e-mail or phone.
 */
final class CreateUserIfNoAccountAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

    static final String MESSAGE = "vneidIdNumberHasPortalAccount";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        String idNumber = getUsername(context, serializedCtx, brokerContext);
        boolean exists;
        try {
            exists = idNumber != null && hasAccount(context, idNumber);
        } catch (LegacyDatabaseUnavailableException e) {
            // not knowing whether a portal account has the number, create nothing that could clash with it
            context.getEvent().detail("legacy_database", "unavailable").error(Errors.GENERIC_AUTHENTICATION_ERROR);
            context.challenge(context.form().setError("vneidLegacyDatabaseUnavailable")
                    .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
            return;
        }
        if (exists) {
            context.getEvent().detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                    .removeDetail(Details.AUTH_METHOD).removeDetail(Details.AUTH_TYPE)
                    .error(Errors.FEDERATED_IDENTITY_EXISTS);
            Response page = context.form().setError(MESSAGE).createErrorPage(Response.Status.CONFLICT);
            context.challenge(page);
            return;
        }
        super.authenticateImpl(context, serializedCtx, brokerContext);
    }

    private static boolean hasAccount(AuthenticationFlowContext context, String idNumber) {
        RealmModel realm = context.getRealm();
        if (context.getSession().users().getUserByUsername(realm, idNumber) != null) {
            return true;
        }
        if (context.getSession().users().searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, idNumber)
                .findAny().isPresent()) {
            return true;
        }
        return LegacyUserStorage.hasLegacyAccountWithCccd(context.getSession(), realm, idNumber);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(org.keycloak.models.KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
