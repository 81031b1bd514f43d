package vn.vneidbridge.vneid;

import java.util.Optional;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.flow.LoginNotes;
import vn.vneidbridge.core.flow.VneidSessionNotes;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * A VNeID login that links to (or must land on) one particular account is accepted only when the VNeID id
 * number is that account's <em>verified</em> CCCD and the account is no administrator's nor an organisation's (a
 * VNeID identity here is a person's; an organisation account that holds its representative's CCCD is the
 * company's, not the representative's). Two such logins:
 * <ul>
 *   <li>Keycloak's account linking — the {@code idp_link} application-initiated action (the notice after a
 *       portal-account login) and the account console — which Keycloak already binds to the user session and
 *       client that started it; here the account is the authentication session's user;</li>
 *   <li>the "Đăng nhập bằng VNeID" button of the cutoff's link-only page, bound by the client note
 *       {@link LoginNotes#LINK_TO_USER} to the account that proved its portal password.</li>
 * </ul>
 * The identity page's VNeID re-login before an unlink goes through Keycloak's account linking too: there a refusal
 * says that the VNeID account is not the linked one.
 * Checked before Keycloak looks the VNeID identity up, so a refusal links, creates and changes nothing.
 */
final class VneidLinkGuard {

    static final String ERROR_MISMATCH = "vneid_link_id_mismatch";
    static final String MESSAGE_MISMATCH = "vneidLinkIdNumberMismatch";
    static final String MESSAGE_ADMIN = "vneidAdminNotLinked";
    static final String MESSAGE_ORGANISATION = "vneidLinkAccountKindMismatch";
    static final String ERROR_REAUTH_MISMATCH = "vneid_unlink_reauth_mismatch";
    static final String MESSAGE_REAUTH_MISMATCH = "vneidUnlinkReauthMismatch";

    private final KeycloakSession session;
    private final RealmModel realm;

    VneidLinkGuard(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The message key of the refusal, or empty when this login may go on. */
    Optional<String> check(BrokeredIdentityContext context, String idNumber) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession == null) {
            return Optional.empty();
        }
        UserModel account = boundAccount(authSession);
        if (account == null) {
            return Optional.empty();
        }
        String refusal = null;
        boolean reauthentication = "true".equals(authSession.getAuthNote(VneidSessionNotes.REAUTHENTICATE));
        if (PortalAdministrators.isAdministrator(realm, account)) {
            refusal = MESSAGE_ADMIN;
        } else if (isOrganisation(account) && !reauthentication) {
            // the re-login before an unlink links nothing: a company linked before this rule can still be unlinked
            refusal = MESSAGE_ORGANISATION;
        } else if (!"true".equals(account.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                || idNumber == null || !idNumber.equals(account.getFirstAttribute(UserAttributes.CCCD))) {
            refusal = MESSAGE_MISMATCH;
        }
        if (refusal != null && reauthentication) {
            // the identity page's re-login before an unlink: another VNeID account proves nothing, and says so
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.REMOVE_FEDERATED_IDENTITY_ERROR).user(account)
                    .client(authSession.getClient())
                    .detail(Details.IDENTITY_PROVIDER, context.getIdpConfig().getAlias())
                    .detail(Details.REASON, "VNeID re-login with another account than the linked one")
                    .error(ERROR_REAUTH_MISMATCH);
            VneidMetrics.refused(VneidMetrics.UNLINK_REAUTH_MISMATCH);
            return Optional.of(MESSAGE_REAUTH_MISMATCH);
        }
        if (refusal != null) {
            VneidMetrics.refused(switch (refusal) {
                case MESSAGE_ADMIN -> VneidMetrics.LINK_ADMINISTRATOR;
                case MESSAGE_ORGANISATION -> VneidMetrics.LINK_ORGANISATION;
                default -> VneidMetrics.LINK_ID_MISMATCH;
            });
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.FEDERATED_IDENTITY_LINK_ERROR).user(account)
                    .client(authSession.getClient())
                    .detail(Details.IDENTITY_PROVIDER, context.getIdpConfig().getAlias())
                    .detail(Details.REASON, switch (refusal) {
                        case MESSAGE_ADMIN -> "administrator account";
                        case MESSAGE_ORGANISATION -> "organisation account, personal VNeID identity";
                        default -> "VNeID id number is not the account's verified CCCD";
                    })
                    .error(ERROR_MISMATCH);
        }
        return Optional.ofNullable(refusal);
    }

    private static boolean isOrganisation(UserModel account) {
        return AccountKind.ofUser(account::getFirstAttribute) == AccountKind.ORGANISATION;
    }

    private UserModel boundAccount(AuthenticationSessionModel authSession) {
        if (authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER) != null) {
            return authSession.getAuthenticatedUser();
        }
        String userId = authSession.getClientNote(LoginNotes.LINK_TO_USER);
        return userId == null ? null : session.users().getUserById(realm, userId);
    }
}
