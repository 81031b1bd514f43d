package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdVerificationResult;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.cccd.verification.FormerIdLookup;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.review.ReviewEntries;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * First VNeID login. The VNeID id number is looked for among the accounts — Keycloak users and legacy rows —
 * whose <em>verified</em> CCCD it is:
 * <ul>
 *   <li>exactly one → that account is linked (imported first if still a legacy row), with no re-authentication
 *       and no profile review that could change the CCCD; the link time is recorded;</li>
 *   <li>more than one → nothing is linked or created: the citizen is sent to support, operators get an event;</li>
 *   <li>an administrator account → never linked ("Chưa áp dụng với tài khoản quản trị");</li>
 *   <li>none verified but an account holds the number unverified (or as its username), or — when no account has
 *       the number at all — holds only the old CMND the population database gives for this person → nothing is
 *       linked silently: the citizen confirms the account with its password ({@link PortalAccountConfirmation}),
 *       then the number is verified against the population database for that account, and only a match links
 *       it; "not my account" creates the user from VNeID instead;</li>
 *   <li>none at all → the user is created from VNeID.</li>
 * </ul>
 * E-mail and phone are never matched. A legacy database or registry that does not answer creates and links
 * nothing.
 */
final class CreateUserIfNoAccountAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

    static final String MESSAGE_SEVERAL = "vneidIdNumberOnSeveralAccounts";
    static final String MESSAGE_ADMIN = "vneidAdminNotLinked";
    static final String MESSAGE_REGISTRY_UNAVAILABLE = "vneidFirstLoginRegistryUnavailable";
    static final String MESSAGE_NOT_MATCHED = "vneidLinkConfirmNotMatched";
    static final String MESSAGE_USERNAME_TAKEN = "vneidIdNumberIsAnotherUsername";
    static final String ERROR_CONFLICT = "vneid_link_conflict";
    static final String LINK_BY_VERIFIED_CCCD = "verified_cccd";
    static final String LINK_BY_CONFIRMATION = "password_and_registry";
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
        PortalAccountConfirmation confirmation = confirmation(context);
        if (confirmation.refusal().isPresent()) {
            // a reload, or an old form posted again, after the confirmation was refused: still refused
            refuse(context, confirmation.refusal().get(), Response.Status.FORBIDDEN);
            return;
        }
        if (confirmation.pending()) {
            context.challenge(confirmation.page(null, Response.Status.OK, ""));
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
        if (candidates.isEmpty() && !lookForFormerId(context, brokerContext, idNumber, candidates)) {
            return;
        }
        if (candidates.hasAccountsToConfirm()) {
            Optional<List<String>> offered = accountsOfThisPerson(context, brokerContext, idNumber,
                    candidates.usernamesToConfirm());
            if (offered.isEmpty()) {
                return; // refused: the registry or the legacy database did not answer
            }
            if (!offered.get().isEmpty()) {
                confirmation.start(offered.get());
                return;
            }
            // none of them is this person's account by the population database: none is offered
        }
        createFromVneid(context, serializedCtx, brokerContext, idNumber);
    }

    /**
     * The accounts to confirm whose holder, by the population database, is the person VNeID identified (their
     * full name and birth date on record match the VNeID number): only those are offered, so the page never tells
     * anyone whether a password of somebody else's account is right. Nothing is stored here. Empty when the
     * registry or the legacy database did not answer (the refusal page is shown).
     */
    private Optional<List<String>> accountsOfThisPerson(AuthenticationFlowContext context,
                                                        BrokeredIdentityContext brokerContext, String idNumber,
                                                        List<String> usernames) {
        CccdVerifier verifier = new CccdVerifier(context.getSession(),
                new FirstLoginLinkConfig(context.getAuthenticatorConfig()).registry());
        List<String> offered = new ArrayList<>();
        for (String username : usernames) {
            UserModel account = context.getSession().users().getUserByUsername(context.getRealm(), username);
            if (account == null) {
                if (LegacyUserStorage.databaseUnavailable(context.getSession())) {
                    event(context, brokerContext).detail("legacy_database", "unavailable")
                            .error(Errors.GENERIC_AUTHENTICATION_ERROR);
                    refuse(context, "vneidLegacyDatabaseUnavailable", Response.Status.SERVICE_UNAVAILABLE);
                    return Optional.empty();
                }
                continue;
            }
            CccdVerificationResult result = verifier.check(context.getRealm(), account, idNumber);
            if (result.outcome() == CccdVerificationResult.Outcome.UNAVAILABLE) {
                event(context, brokerContext).detail("population_registry", "unavailable")
                        .error("population_registry_unavailable");
                refuse(context, MESSAGE_REGISTRY_UNAVAILABLE, Response.Status.SERVICE_UNAVAILABLE);
                return Optional.empty();
            }
            if (result.verified()) {
                offered.add(username);
            }
        }
        return Optional.of(offered);
    }

    /**
     * The user from VNeID (Keycloak's own creation). Refused with a clear page when an account that is not this
     * person's already has the id number as its username: Keycloak would stop on a page showing the number.
     */
    private void createFromVneid(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                 BrokeredIdentityContext brokerContext, String idNumber) {
        if (context.getSession().users().getUserByUsername(context.getRealm(), idNumber) != null) {
            event(context, brokerContext).error(Errors.FEDERATED_IDENTITY_EXISTS);
            refuse(context, MESSAGE_USERNAME_TAKEN, Response.Status.CONFLICT);
            return;
        }
        super.authenticateImpl(context, serializedCtx, brokerContext);
    }

    /**
     * Asks the population database for the old CMND of the person VNeID vouched for, and adds the accounts that
     * know them only by it. False when the registry does not answer (the page says so; nothing is created).
     */
    private boolean lookForFormerId(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                                    String idNumber, LinkCandidates candidates) {
        FirstLoginLinkConfig config = new FirstLoginLinkConfig(context.getAuthenticatorConfig());
        if (!config.cmndLookup()) {
            return true;
        }
        FormerIdLookup.Answer answer = new FormerIdLookup(context.getSession(), config.registry()).cmndOf(idNumber,
                brokerContext.getUserAttribute(UserAttributes.FULL_NAME),
                brokerContext.getUserAttribute(UserAttributes.BIRTHDATE),
                brokerContext.getUserAttribute(UserAttributes.GENDER));
        if (answer.outcome() == FormerIdLookup.Outcome.UNAVAILABLE) {
            event(context, brokerContext).detail("population_registry", "unavailable")
                    .error("population_registry_unavailable");
            refuse(context, MESSAGE_REGISTRY_UNAVAILABLE, Response.Status.SERVICE_UNAVAILABLE);
            return false;
        }
        if (answer.cmnd().isEmpty()) {
            return true;
        }
        try {
            candidates.addHoldersOfCmnd(context.getSession(), context.getRealm(), answer.cmnd().get());
            return true;
        } catch (LegacyDatabaseUnavailableException e) {
            event(context, brokerContext).detail("legacy_database", "unavailable").error(Errors.GENERIC_AUTHENTICATION_ERROR);
            refuse(context, "vneidLegacyDatabaseUnavailable", Response.Status.SERVICE_UNAVAILABLE);
            return false;
        }
    }

    /** The confirmation page's answer: a password for one of the accounts found, or "not my account". */
    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        PortalAccountConfirmation confirmation = confirmation(context);
        if (!VNEID_PROVIDER.equals(brokerContext.getIdpConfig().getProviderId()) || !confirmation.pending()) {
            // a form this login never showed (replayed, or from another tab after the end): nothing happens
            event(context, brokerContext).error(Errors.INVALID_REQUEST);
            refuse(context, "expiredActionMessage", Response.Status.BAD_REQUEST);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if ("decline".equals(form.getFirst("action"))) {
            confirmation.end();
            // recorded on the event that ends this login (the user created from VNeID)
            context.getEvent().detail("vneid_link", "declined");
            createFromVneid(context, serializedCtx, brokerContext, PersonalIdNumber.parse(brokerContext.getUsername())
                    .number().map(PersonalIdNumber::value).orElseThrow());
            return;
        }
        PortalAccountConfirmation.Outcome outcome = confirmation.check(form);
        String typed = form.getFirst("username");
        switch (outcome.check()) {
            case WRONG -> {
                event(context, brokerContext).error(Errors.INVALID_USER_CREDENTIALS);
                context.challenge(confirmation.page(PortalAccountConfirmation.MESSAGE_WRONG,
                        Response.Status.UNAUTHORIZED, safeUsername(typed)));
            }
            case LOCKED -> {
                event(context, brokerContext).error(Errors.USER_TEMPORARILY_DISABLED);
                context.challenge(confirmation.page(PortalAccountConfirmation.MESSAGE_WRONG,
                        Response.Status.UNAUTHORIZED, safeUsername(typed)));
            }
            case UNAVAILABLE -> {
                event(context, brokerContext).detail("legacy_database", "unavailable")
                        .error(Errors.GENERIC_AUTHENTICATION_ERROR);
                context.challenge(confirmation.page("vneidLegacyDatabaseUnavailable",
                        Response.Status.SERVICE_UNAVAILABLE, safeUsername(typed)));
            }
            case TOO_MANY -> {
                confirmation.refuse(PortalAccountConfirmation.MESSAGE_TOO_MANY);
                event(context, brokerContext).error(Errors.INVALID_USER_CREDENTIALS);
                refuse(context, PortalAccountConfirmation.MESSAGE_TOO_MANY, Response.Status.UNAUTHORIZED);
            }
            case CONFIRMED -> linkConfirmed(context, brokerContext, confirmation, outcome.user().orElse(null));
            default -> throw new IllegalStateException(outcome.check().name());
        }
    }

    private void linkConfirmed(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                               PortalAccountConfirmation confirmation, UserModel user) {
        if (user == null) {
            // the right password, but the account could not be read back (the legacy database went away)
            event(context, brokerContext).detail("legacy_database", "unavailable").error(Errors.GENERIC_AUTHENTICATION_ERROR);
            context.challenge(confirmation.page("vneidLegacyDatabaseUnavailable", Response.Status.SERVICE_UNAVAILABLE, ""));
            return;
        }
        if (PortalAdministrators.isAdministrator(context.getRealm(), user)) {
            confirmation.refuse(MESSAGE_ADMIN);
            event(context, brokerContext).user(user).error("vneid_link_admin_refused");
            refuse(context, MESSAGE_ADMIN, Response.Status.FORBIDDEN);
            return;
        }
        String idNumber = PersonalIdNumber.parse(brokerContext.getUsername()).number()
                .map(PersonalIdNumber::value).orElseThrow();
        FirstLoginLinkConfig config = new FirstLoginLinkConfig(context.getAuthenticatorConfig());
        CccdVerificationResult verified = new CccdVerifier(context.getSession(), config.registry())
                .verify(context.getRealm(), user, idNumber);
        if (verified.outcome() == CccdVerificationResult.Outcome.UNAVAILABLE) {
            // the password was right; the registry may answer on the next try
            event(context, brokerContext).user(user).detail("population_registry", "unavailable")
                    .error("population_registry_unavailable");
            context.challenge(confirmation.page("vneidCccdRegistryUnavailable", Response.Status.SERVICE_UNAVAILABLE,
                    user.getUsername()));
            return;
        }
        if (!verified.verified()) {
            // matched when offered, not now (the account or the registry changed meanwhile)
            confirmation.refuse(MESSAGE_NOT_MATCHED);
            event(context, brokerContext).user(user).detail("reason", verified.eventError())
                    .error("vneid_link_not_matched");
            refuse(context, MESSAGE_NOT_MATCHED, Response.Status.FORBIDDEN);
            return;
        }
        confirmation.end();
        linkUser(context, brokerContext, user, LINK_BY_CONFIRMATION);
    }

    private static String safeUsername(String typed) {
        return typed == null || typed.length() > 255 ? "" : typed.trim();
    }

    private static PortalAccountConfirmation confirmation(AuthenticationFlowContext context) {
        return new PortalAccountConfirmation(context,
                new FirstLoginLinkConfig(context.getAuthenticatorConfig()).maxPasswordAttempts());
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
        if (PortalAdministrators.isAdministrator(realm, user)) {
            event(context, brokerContext).user(user).error("vneid_link_admin_refused");
            refuse(context, MESSAGE_ADMIN, Response.Status.FORBIDDEN);
            return;
        }
        linkUser(context, brokerContext, user, LINK_BY_VERIFIED_CCCD);
    }

    private void linkUser(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext, UserModel user,
                          String method) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        boolean alreadyLinked = session.users().getFederatedIdentitiesStream(realm, user)
                .anyMatch(link -> link.getIdentityProvider().equals(brokerContext.getIdpConfig().getAlias()));
        if (alreadyLinked) {
            event(context, brokerContext).user(user).error(ERROR_CONFLICT);
            refuse(context, MESSAGE_SEVERAL, Response.Status.CONFLICT);
            return;
        }
        user.setSingleAttribute(UserAttributes.VNEID_LINKED_AT, Instant.now().toString());
        user.removeAttribute(UserAttributes.VNEID_UNLINKED_AT);
        context.getEvent().clone().event(EventType.FEDERATED_IDENTITY_LINK).user(user)
                .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                .detail("link_method", method).success();
        context.setUser(user);
        context.success();
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
