package vn.vneidbridge.vneid;

import java.util.Optional;
import java.util.function.UnaryOperator;
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
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * A VNeID login that links to (or must land on) one particular account is accepted only when the VNeID identity is
 * that account's own ({@link #decide}):
 * <ul>
 *   <li>a citizen's VNeID account: its id number is the account's <em>verified</em> CCCD, and the account is no
 *       administrator's nor an organisation's (an organisation account that holds its representative's CCCD is the
 *       company's, not the representative's);</li>
 *   <li>an organisation's VNeID account (the kind in the context data, {@link VneidContext#accountKind}): the account
 *       is an organisation's, no administrator's, and its <em>verified</em> tax code is the VNeID organisation's.</li>
 * </ul>
 * Two such logins:
 * <ul>
 *   <li>Keycloak's account linking — the {@code idp_link} application-initiated action (the notice after a
 *       portal-account login) and the account console — which Keycloak already binds to the user session and
 *       client that started it; here the account is the authentication session's user;</li>
 *   <li>the "Đăng nhập bằng VNeID" button of the cutoff's link-only page, bound by the client note
 *       {@link LoginNotes#LINK_TO_USER} to the account that proved its portal password.</li>
 * </ul>
 * The identity page's VNeID re-login before an unlink goes through Keycloak's account linking too: there a refusal
 * says that the VNeID account is not the linked one (another VNeID account, a citizen's or an organisation's, proves
 * nothing). Checked before Keycloak looks the VNeID identity up, so a refusal links, creates and changes nothing.
 */
final class VneidLinkGuard {

    static final String ERROR_MISMATCH = "vneid_link_id_mismatch";
    static final String MESSAGE_MISMATCH = "vneidLinkIdNumberMismatch";
    static final String MESSAGE_TAX_CODE_MISMATCH = "vneidLinkTaxCodeMismatch";
    static final String MESSAGE_ADMIN = "vneidAdminNotLinked";
    static final String MESSAGE_ORGANISATION = "vneidLinkAccountKindMismatch";
    static final String ERROR_REAUTH_MISMATCH = "vneid_unlink_reauth_mismatch";
    static final String MESSAGE_REAUTH_MISMATCH = "vneidUnlinkReauthMismatch";

    /** Why a link is refused: the page's message key, the metric's reason and the event's reason. */
    enum Refusal {
        ADMINISTRATOR(MESSAGE_ADMIN, VneidMetrics.LINK_ADMINISTRATOR, "administrator account"),
        ORGANISATION_ACCOUNT(MESSAGE_ORGANISATION, VneidMetrics.LINK_ORGANISATION,
                "organisation account, personal VNeID identity"),
        CITIZEN_ACCOUNT(MESSAGE_ORGANISATION, VneidMetrics.LINK_CITIZEN_ACCOUNT,
                "citizen account, organisation VNeID identity"),
        ID_NUMBER_MISMATCH(MESSAGE_MISMATCH, VneidMetrics.LINK_ID_MISMATCH,
                "VNeID id number is not the account's verified CCCD"),
        TAX_CODE_MISMATCH(MESSAGE_TAX_CODE_MISMATCH, VneidMetrics.LINK_TAX_CODE_MISMATCH,
                "VNeID tax code is not the account's verified tax code");

        private final String messageKey;
        private final String metricReason;
        private final String eventReason;

        Refusal(String messageKey, String metricReason, String eventReason) {
            this.messageKey = messageKey;
            this.metricReason = metricReason;
            this.eventReason = eventReason;
        }

        String messageKey() {
            return messageKey;
        }

        String metricReason() {
            return metricReason;
        }

        String eventReason() {
            return eventReason;
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    VneidLinkGuard(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * The message key of the refusal, or empty when this login may go on.
     *
     * @param vneidKey the brokered username: a citizen's id number, an organisation's tax code
     */
    Optional<String> check(BrokeredIdentityContext context, String vneidKey) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession == null) {
            return Optional.empty();
        }
        UserModel account = boundAccount(authSession);
        if (account == null) {
            return Optional.empty();
        }
        boolean reauthentication = "true".equals(authSession.getAuthNote(VneidSessionNotes.REAUTHENTICATE));
        Optional<Refusal> refusal = decide(VneidContext.accountKind(context), vneidKey,
                PortalAdministrators.isAdministrator(realm, account), account::getFirstAttribute, reauthentication);
        if (refusal.isPresent() && reauthentication) {
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
        refusal.ifPresent(refused -> {
            VneidMetrics.refused(refused.metricReason());
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.FEDERATED_IDENTITY_LINK_ERROR).user(account)
                    .client(authSession.getClient())
                    .detail(Details.IDENTITY_PROVIDER, context.getIdpConfig().getAlias())
                    .detail(Details.REASON, refused.eventReason())
                    .error(ERROR_MISMATCH);
        });
        return refusal.map(Refusal::messageKey);
    }

    /**
     * Whether a VNeID identity may link to (or land on) the bound account. Pure.
     *
     * @param identityKind     whose VNeID account logged in
     * @param vneidKey         its id number (citizen) or canonical tax code (organisation); may be null
     * @param administrator    whether the account is a portal administrator's
     * @param account          the account's first value of an attribute ({@code user::getFirstAttribute})
     * @param reauthentication the identity page's re-login before an unlink, where an organisation account linked to
     *                         a person's VNeID before that was refused can still be unlinked by that person
     * @return the refusal, or empty
     */
    static Optional<Refusal> decide(AccountKind identityKind, String vneidKey, boolean administrator,
                                    UnaryOperator<String> account, boolean reauthentication) {
        if (administrator) {
            return Optional.of(Refusal.ADMINISTRATOR);
        }
        boolean organisationAccount = AccountKind.ofUser(account) == AccountKind.ORGANISATION;
        if (identityKind == AccountKind.ORGANISATION) {
            if (!organisationAccount) {
                return Optional.of(Refusal.CITIZEN_ACCOUNT);
            }
            // verified by VNeID before, or matched by the business registry with the account's name (the tax-code
            // check): this login is bound to the account's own session, so it is the organisation's VNeID account
            // and the account's password together that make the link
            boolean known = "true".equals(account.apply(UserAttributes.TAX_CODE_VERIFIED))
                    || account.apply(UserAttributes.TAX_CODE_REGISTRY_MATCHED_AT) != null;
            if (!known || !sameTaxCode(vneidKey, account.apply(UserAttributes.TAX_CODE))) {
                return Optional.of(Refusal.TAX_CODE_MISMATCH);
            }
            return Optional.empty();
        }
        if (organisationAccount && !reauthentication) {
            // the re-login before an unlink links nothing: a company linked before this rule can still be unlinked
            return Optional.of(Refusal.ORGANISATION_ACCOUNT);
        }
        if (!"true".equals(account.apply(UserAttributes.CCCD_VERIFIED))
                || vneidKey == null || !vneidKey.equals(account.apply(UserAttributes.CCCD))) {
            return Optional.of(Refusal.ID_NUMBER_MISMATCH);
        }
        return Optional.empty();
    }

    /** Both are valid tax codes and the same code (a branch's with or without its hyphen). */
    private static boolean sameTaxCode(String vneidKey, String accountTaxCode) {
        Optional<TaxCode> vneid = TaxCode.parse(vneidKey).number();
        return vneid.isPresent() && vneid.equals(TaxCode.parse(accountTaxCode).number());
    }

    private UserModel boundAccount(AuthenticationSessionModel authSession) {
        if (authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER) != null) {
            return authSession.getAuthenticatedUser();
        }
        String userId = authSession.getClientNote(LoginNotes.LINK_TO_USER);
        return userId == null ? null : session.users().getUserById(realm, userId);
    }
}
