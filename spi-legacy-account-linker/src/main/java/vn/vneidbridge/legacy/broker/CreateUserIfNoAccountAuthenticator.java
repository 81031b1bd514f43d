package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.review.ReviewEntries;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * First VNeID login. The VNeID id number is looked for among the accounts — Keycloak users and legacy rows —
 * whose <em>verified</em> CCCD it is:
 * <ul>
 *   <li>exactly one → that account is linked (imported first if still a legacy row), with no re-authentication
 *       and no profile review that could change the CCCD; the link time is recorded;</li>
 *   <li>more than one → nothing is linked or created: the citizen is sent to support, operators get an event;</li>
 *   <li>an administrator account → never linked ("Chưa áp dụng với tài khoản quản trị");</li>
 *   <li>none verified but an account holds the number unverified (or as its username) → nothing is created:
 *       the citizen is asked to verify the CCCD with the portal account first;</li>
 *   <li>none at all → the user is created from VNeID.</li>
 * </ul>
 * E-mail and phone are never matched. A legacy database that does not answer creates and links nothing.
 */
final class CreateUserIfNoAccountAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

    static final String MESSAGE_VERIFY_FIRST = "vneidIdNumberHasPortalAccount";
    static final String MESSAGE_SEVERAL = "vneidIdNumberOnSeveralAccounts";
    static final String MESSAGE_ADMIN = "vneidAdminNotLinked";
    static final String ERROR_CONFLICT = "vneid_link_conflict";
    private static final String VNEID_PROVIDER = "vneid";
    private static final Logger LOG = Logger.getLogger(CreateUserIfNoAccountAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        if (!VNEID_PROVIDER.equals(brokerContext.getIdpConfig().getProviderId())) {
            super.authenticateImpl(context, serializedCtx, brokerContext);
            return;
        }
        // the id number the VNeID provider validated (V1-V4), never a username template or an e-mail
        String idNumber = PersonalIdNumber.parse(brokerContext.getUsername()).number()
                .map(PersonalIdNumber::value).orElse(null);
        if (idNumber == null) {
            event(context, brokerContext).error(Errors.INVALID_USER);
            refuse(context, MESSAGE_SEVERAL, Response.Status.BAD_REQUEST);
            return;
        }
        LinkCandidates candidates;
        try {
            candidates = LinkCandidates.find(context.getSession(), context.getRealm(), idNumber);
        } catch (LegacyDatabaseUnavailableException e) {
            event(context, brokerContext).detail("legacy_database", "unavailable").error(Errors.GENERIC_AUTHENTICATION_ERROR);
            refuse(context, "vneidLegacyDatabaseUnavailable", Response.Status.SERVICE_UNAVAILABLE);
            return;
        }
        if (candidates.verifiedCount() > 1) {
            event(context, brokerContext).detail("accounts", String.join(",", candidates.accountIds()))
                    .error(ERROR_CONFLICT);
            LOG.warnf("VNeID login refused in realm %s: %d accounts match one VNeID identity (review needed)",
                    context.getRealm().getName(), candidates.verifiedCount());
            ReviewEntries.open(context.getSession(), context.getRealm(), brokerContext.getIdpConfig().getAlias(),
                    idNumber, brokerContext.getId(), brokerContext.getUsername(), candidates.accountIds());
            refuse(context, MESSAGE_SEVERAL, Response.Status.CONFLICT);
            return;
        }
        if (candidates.verifiedCount() == 1) {
            link(context, brokerContext, candidates.only());
            return;
        }
        if (candidates.hasUnverified()) {
            event(context, brokerContext).error(Errors.FEDERATED_IDENTITY_EXISTS);
            refuse(context, MESSAGE_VERIFY_FIRST, Response.Status.CONFLICT);
            return;
        }
        super.authenticateImpl(context, serializedCtx, brokerContext);
    }

    private void link(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                      LinkCandidates.Candidate candidate) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        // a legacy row is checked before it is imported: an administrator or a locked account is never brought in
        if (candidate.legacy().map(ref -> ref.account().admin()).orElse(false)) {
            event(context, brokerContext).error("vneid_link_admin_refused");
            refuse(context, MESSAGE_ADMIN, Response.Status.FORBIDDEN);
            return;
        }
        if (candidate.legacy().map(ref -> !ref.account().active()).orElse(false)) {
            event(context, brokerContext).error(Errors.USER_DISABLED);
            refuse(context, "accountDisabledMessage", Response.Status.FORBIDDEN);
            return;
        }
        UserModel user = candidate.userIn(session, realm);
        if (user == null) {
            event(context, brokerContext).error(ERROR_CONFLICT);
            refuse(context, MESSAGE_SEVERAL, Response.Status.CONFLICT);
            return;
        }
        if (isAdministrator(realm, user)) {
            event(context, brokerContext).user(user).error("vneid_link_admin_refused");
            refuse(context, MESSAGE_ADMIN, Response.Status.FORBIDDEN);
            return;
        }
        boolean alreadyLinked = session.users().getFederatedIdentitiesStream(realm, user)
                .anyMatch(link -> link.getIdentityProvider().equals(brokerContext.getIdpConfig().getAlias()));
        if (alreadyLinked) {
            event(context, brokerContext).user(user).error(ERROR_CONFLICT);
            refuse(context, MESSAGE_SEVERAL, Response.Status.CONFLICT);
            return;
        }
        user.setSingleAttribute(UserAttributes.VNEID_LINKED_AT, Instant.now().toString());
        context.getEvent().clone().event(EventType.FEDERATED_IDENTITY_LINK).user(user)
                .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                .detail("link_method", "verified_cccd").success();
        context.setUser(user);
        context.success();
    }

    private static boolean isAdministrator(RealmModel realm, UserModel user) {
        RoleModel admin = realm.getRole(UserAttributes.PORTAL_ADMIN_ROLE);
        return admin != null && user.hasRole(admin);
    }

    private static org.keycloak.events.EventBuilder event(AuthenticationFlowContext context,
                                                          BrokeredIdentityContext brokerContext) {
        // no id number in the event: error events are logged at WARN by Keycloak's logging listener
        return context.getEvent().clone().detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                .removeDetail(Details.IDENTITY_PROVIDER_USERNAME).removeDetail(Details.USERNAME)
                .removeDetail(Details.AUTH_METHOD).removeDetail(Details.AUTH_TYPE);
    }

    private static void refuse(AuthenticationFlowContext context, String message, Response.Status status) {
        context.challenge(context.form().setError(message).createErrorPage(status));
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
