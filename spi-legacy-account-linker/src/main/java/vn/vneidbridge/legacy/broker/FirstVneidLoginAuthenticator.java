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
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import vn.vneidbridge.cccd.verification.CccdVerificationResult;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Conflict;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ConfirmByPassword;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Create;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Link;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.LinkMethod;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Outcome;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.Refuse;
import vn.vneidbridge.legacy.broker.FirstVneidLoginDecision.ShowAccount;
import vn.vneidbridge.legacy.operations.ReviewQueue;
import vn.vneidbridge.legacy.username.RealmUsernameKey;
import vn.vneidbridge.legacy.username.VneidUsernames;
import vn.vneidbridge.organisation.verification.TaxCodeVerificationResult;
import vn.vneidbridge.organisation.verification.TaxCodeVerifier;

/**
 * First VNeID login (step {@code vneid-create-user-if-no-account}): turns {@link FirstVneidLoginDecision}'s
 * outcomes into pages, events, links and users. What is found for the VNeID id number comes from
 * {@link FirstLoginFacts}; the rules are the decision's; nothing here decides. An execution with
 * {@code identitySource=claim} does the same for another provider whose id number is its own word (Vietnam Post's
 * account), with the rules made stricter by {@link ClaimedIdFirstLoginDecision}; a login through any other provider
 * is Keycloak's "create user if unique".
 */
final class FirstVneidLoginAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

    private static final String VNEID_PROVIDER = VneidProvider.PROVIDER_ID;
    private static final Logger LOG = Logger.getLogger(FirstVneidLoginAuthenticator.class);
    /** The password page's first paragraph for a number another provider claims. */
    static final String CLAIMED_ID_INTRO = "dvcClaimedIdConfirmIntro";
    /** The link method of an organisation's account shown to its VNeID account and confirmed by it. */
    static final String LINK_METHOD_VERIFIED_TAX_CODE = "verified_tax_code";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        if (!handled(context, brokerContext)) {
            super.authenticateImpl(context, serializedCtx, brokerContext);
            return;
        }
        PortalAccountConfirmation confirmation = confirmation(context, brokerContext);
        if (confirmation.refusal().isPresent()) {
            // a reload, or an old form posted again, after the confirmation was refused: still refused
            refuse(context, confirmation.refusal().get(), Response.Status.FORBIDDEN);
            return;
        }
        if (confirmation.pending()) {
            context.challenge(confirmation.page(null, Response.Status.OK, ""));
            return;
        }
        FirstLoginFacts facts = facts(context, brokerContext);
        ShownAccount shown = new ShownAccount(context);
        if (shown.pending().isPresent()) {
            // a reload of the shown account: shown again if it still would be
            Outcome again = facts.decide(first(context, brokerContext));
            if (again instanceof ShowAccount show && show.accountId().equals(shown.pending().get())) {
                context.challenge(shown.page(facts.candidate(show.accountId()).orElseThrow()));
                return;
            }
            shown.end();
            apply(context, serializedCtx, brokerContext, facts, again);
            return;
        }
        apply(context, serializedCtx, brokerContext, facts, facts.decide(first(context, brokerContext)));
    }

    /** The answer of a page of this step: the shown account, or the password confirmation. */
    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst("action");
        ShownAccount shown = new ShownAccount(context);
        PortalAccountConfirmation confirmation = confirmation(context, brokerContext);
        boolean handled = handled(context, brokerContext);
        boolean claimed = claimed(context, brokerContext);
        if (handled && !claimed && shown.pending().isPresent()
                && ("mine".equals(action) || "not-mine".equals(action))) {
            String accountId = shown.pending().get();
            shown.end();
            FirstLoginFacts facts = facts(context, brokerContext);
            if (!"mine".equals(action)) {
                context.getEvent().detail("vneid_link", "declined");
            }
            apply(context, serializedCtx, brokerContext, facts, facts.decide(now ->
                    FirstVneidLoginDecision.onShownAccountAnswer(accountId, "mine".equals(action), now)));
            return;
        }
        if (!handled || !confirmation.pending() || shown.pending().isPresent()) {
            // a form this login never showed (replayed, or from another tab after the end): nothing happens
            refuse(context, brokerContext, FirstLoginRefusal.STALE_FORM);
            return;
        }
        if ("decline".equals(action) && claimed) {
            confirmation.end();
            refuse(context, brokerContext, ClaimedIdFirstLoginDecision.onPasswordDeclined().reason());
            return;
        }
        if ("decline".equals(action)) {
            List<String> asked = confirmation.usernames();
            confirmation.end();
            // recorded on the event that ends this login (the user created from VNeID)
            context.getEvent().detail("vneid_link", "declined");
            FirstLoginFacts facts = facts(context, brokerContext);
            apply(context, serializedCtx, brokerContext, facts,
                    facts.decide(now -> FirstVneidLoginDecision.onPasswordDeclined(now, asked)));
            return;
        }
        PortalAccountConfirmation.Outcome outcome = confirmation.check(form);
        String typed = safeUsername(form.getFirst("username"));
        switch (outcome.check()) {
            case WRONG, LOCKED -> {
                event(context, brokerContext).error(outcome.check() == PortalAccountConfirmation.Check.WRONG
                        ? org.keycloak.events.Errors.INVALID_USER_CREDENTIALS
                        : org.keycloak.events.Errors.USER_TEMPORARILY_DISABLED);
                context.challenge(confirmation.page(PortalAccountConfirmation.MESSAGE_WRONG,
                        Response.Status.UNAUTHORIZED, typed));
            }
            case UNAVAILABLE -> {
                event(context, brokerContext).detail("legacy_database", "unavailable")
                        .error(FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE.eventError());
                context.challenge(confirmation.page(FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE.messageKey(),
                        Response.Status.SERVICE_UNAVAILABLE, typed));
            }
            case TOO_MANY -> {
                confirmation.refuse(FirstLoginRefusal.TOO_MANY_ATTEMPTS.messageKey());
                refuse(context, brokerContext, FirstLoginRefusal.TOO_MANY_ATTEMPTS);
            }
            case CONFIRMED -> linkConfirmed(context, brokerContext, confirmation, outcome.user().orElse(null));
            default -> throw new IllegalStateException(outcome.check().name());
        }
    }

    private void apply(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                       BrokeredIdentityContext brokerContext, FirstLoginFacts facts, Outcome outcome) {
        if (outcome instanceof Refuse refusal) {
            refuse(context, brokerContext, refusal.reason());
        } else if (outcome instanceof Conflict conflict) {
            event(context, brokerContext).detail("accounts", String.join(",", conflict.accountIds()))
                    .error(FirstLoginRefusal.SEVERAL_ACCOUNTS.eventError());
            LOG.warnf("First login through %s refused in realm %s: %d accounts match one identity (review needed)",
                    brokerContext.getIdpConfig().getAlias(), context.getRealm().getName(),
                    conflict.accountIds().size());
            if (facts.organisationCode().isEmpty() && !claimed(context, brokerContext)) {
                // the review queue holds personal id numbers that VNeID vouched for; organisations' accounts, and
                // numbers another provider claims, are resolved by support
                ReviewQueue.open(context.getSession(), context.getRealm(), brokerContext.getIdpConfig().getAlias(),
                        facts.idNumber(), brokerContext.getId(), brokerContext.getUsername(), conflict.accountIds());
            }
            refuse(context, FirstLoginRefusal.SEVERAL_ACCOUNTS.messageKey(), FirstLoginRefusal.SEVERAL_ACCOUNTS.status());
        } else if (outcome instanceof ShowAccount show) {
            context.challenge(new ShownAccount(context).show(show.accountId(),
                    facts.candidate(show.accountId()).orElseThrow()));
        } else if (outcome instanceof ConfirmByPassword confirm) {
            confirmation(context, brokerContext).start(confirm.usernames());
        } else if (outcome instanceof Link link) {
            link(context, brokerContext, facts, link);
        } else if (outcome instanceof Create create) {
            create(context, serializedCtx, brokerContext, facts, create);
        } else {
            throw new IllegalStateException(String.valueOf(outcome));
        }
    }

    private void link(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext, FirstLoginFacts facts,
                      Link link) {
        UserModel user = facts.candidate(link.accountId())
                .map(candidate -> candidate.userIn(context.getSession(), context.getRealm())).orElse(null);
        if (user == null) {
            refuse(context, brokerContext, FirstLoginRefusal.ACCOUNT_CHANGED);
            return;
        }
        linkUser(context, brokerContext, user, link.method());
    }

    /**
     * The holder's own user, created by Keycloak. The accounts the holder disowned lose their verified mark first, in
     * the same transaction, so the VNeID identity mapper finds the number verified nowhere else and the link that
     * ends this login cannot fail on it (which would leave a user without a link behind).
     */
    private void create(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                        BrokeredIdentityContext brokerContext, FirstLoginFacts facts, Create create) {
        List<UserModel> disputed = new ArrayList<>();
        for (String id : create.disputed()) {
            UserModel account = facts.candidate(id)
                    .map(candidate -> candidate.userIn(context.getSession(), context.getRealm()))
                    .orElseGet(() -> context.getSession().users().getUserById(context.getRealm(), id));
            if (account != null) {
                disputed.add(account);
            }
        }
        NumberDispute dispute = new NumberDispute(context.getSession(), context.getRealm());
        String clientId = context.getAuthenticationSession().getClient().getClientId();
        if (facts.organisationCode().isPresent()) {
            dispute.disputeTaxCode(disputed, brokerContext.getIdpConfig().getAlias(), clientId);
        } else {
            dispute.dispute(disputed, brokerContext.getIdpConfig().getAlias(), facts.idNumber(), brokerContext.getId(),
                    clientId);
        }
        super.authenticateImpl(context, serializedCtx, brokerContext);
    }

    private void linkConfirmed(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                               PortalAccountConfirmation confirmation, UserModel user) {
        if (user == null) {
            // the right password, but the account could not be read back (the legacy database went away)
            event(context, brokerContext).detail("legacy_database", "unavailable")
                    .error(FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE.eventError());
            context.challenge(confirmation.page(FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE.messageKey(),
                    Response.Status.SERVICE_UNAVAILABLE, ""));
            return;
        }
        FirstLoginRefusal staff = staffRefusal(context, brokerContext, user);
        if (staff != null) {
            confirmation.refuse(staff.messageKey());
            event(context, brokerContext).user(user).error(staff.eventError());
            refuse(context, staff.messageKey(), staff.status());
            return;
        }
        Optional<TaxCode> organisation = organisationCode(brokerContext);
        if (organisation.isPresent()) {
            linkConfirmedOrganisation(context, brokerContext, confirmation, user, organisation.get());
            return;
        }
        String idNumber = idNumber(brokerContext).orElseThrow();
        if (claimed(context, brokerContext)) {
            linkConfirmedClaimed(context, brokerContext, confirmation, user, idNumber);
            return;
        }
        FirstLoginLinkConfig config = new FirstLoginLinkConfig(context.getAuthenticatorConfig());
        CccdVerificationResult verified = new CccdVerifier(context.getSession(), config.registry(),
                config.nameComparison()).verify(context.getRealm(), user, idNumber);
        if (verified.outcome() == CccdVerificationResult.Outcome.UNAVAILABLE) {
            // the password was right; the registry may answer on the next try
            event(context, brokerContext).user(user).detail("population_registry", "unavailable")
                    .error(FirstLoginRefusal.REGISTRY_UNAVAILABLE.eventError());
            context.challenge(confirmation.page("vneidCccdRegistryUnavailable", Response.Status.SERVICE_UNAVAILABLE,
                    user.getUsername()));
            return;
        }
        if (!verified.verified()) {
            // matched when offered, not now (the account or the registry changed meanwhile)
            confirmation.refuse(FirstLoginRefusal.NOT_MATCHED.messageKey());
            event(context, brokerContext).user(user).detail("reason", verified.eventError())
                    .error(FirstLoginRefusal.NOT_MATCHED.eventError());
            refuse(context, FirstLoginRefusal.NOT_MATCHED.messageKey(), FirstLoginRefusal.NOT_MATCHED.status());
            return;
        }
        confirmation.end();
        linkUser(context, brokerContext, user, LinkMethod.PASSWORD_AND_REGISTRY);
    }

    /**
     * A claimed number's account's password was right: linked if the account still holds the number as it did when
     * it was offered ({@link LinkCandidates#linkable}). Nothing is verified or stored on the provider's word: no registry call, no mark.
     */
    private void linkConfirmedClaimed(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                                      PortalAccountConfirmation confirmation, UserModel user, String idNumber) {
        // the rule that offered it (LinkCandidates): the number, marked verified, not unlinked, not disputed
        boolean holdsItVerified = idNumber.equals(user.getFirstAttribute(UserAttributes.CCCD))
                && LinkCandidates.linkable(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED),
                        user.getFirstAttribute(UserAttributes.VNEID_UNLINKED_AT),
                        user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT));
        if (!holdsItVerified) {
            confirmation.refuse(FirstLoginRefusal.NOT_MATCHED.messageKey());
            event(context, brokerContext).user(user).detail("reason", "not_verified_holder")
                    .error(FirstLoginRefusal.NOT_MATCHED.eventError());
            refuse(context, FirstLoginRefusal.NOT_MATCHED.messageKey(), FirstLoginRefusal.NOT_MATCHED.status());
            return;
        }
        confirmation.end();
        linkUser(context, brokerContext, user, LinkMethod.PASSWORD_OF_VERIFIED_HOLDER);
    }

    /** The organisation account's password was right: its tax code is verified against the business registry. */
    private void linkConfirmedOrganisation(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                                           PortalAccountConfirmation confirmation, UserModel user, TaxCode code) {
        TaxCodeVerificationResult verified = new TaxCodeVerifier(context.getSession(),
                FirstLoginFacts.BUSINESS_REGISTRY).verify(context.getRealm(), user, code.value());
        if (verified.outcome() == TaxCodeVerificationResult.Outcome.UNAVAILABLE) {
            event(context, brokerContext).user(user).detail("business_registry", "unavailable")
                    .error(FirstLoginRefusal.BUSINESS_REGISTRY_UNAVAILABLE.eventError());
            context.challenge(confirmation.page("vneidTaxCodeRegistryUnavailable", Response.Status.SERVICE_UNAVAILABLE,
                    user.getUsername()));
            return;
        }
        if (!verified.verified()) {
            confirmation.refuse(FirstLoginRefusal.NOT_MATCHED.messageKey());
            event(context, brokerContext).user(user).detail("reason", verified.eventError())
                    .error(FirstLoginRefusal.NOT_MATCHED.eventError());
            refuse(context, FirstLoginRefusal.NOT_MATCHED.messageKey(), FirstLoginRefusal.NOT_MATCHED.status());
            return;
        }
        confirmation.end();
        linkUser(context, brokerContext, user, LinkMethod.PASSWORD_AND_REGISTRY);
    }

    private void linkUser(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext, UserModel user,
                          LinkMethod method) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        FirstLoginRefusal staff = staffRefusal(context, brokerContext, user);
        if (staff != null) {
            refuse(context, brokerContext, staff);
            return;
        }
        boolean alreadyLinked = session.users().getFederatedIdentitiesStream(realm, user)
                .anyMatch(link -> link.getIdentityProvider().equals(brokerContext.getIdpConfig().getAlias()));
        if (alreadyLinked) {
            event(context, brokerContext).user(user).error(FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE.eventError());
            refuse(context, FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE.messageKey(),
                    FirstLoginRefusal.ACCOUNT_LINKED_ELSEWHERE.status());
            return;
        }
        if (!claimed(context, brokerContext)) {
            user.setSingleAttribute(UserAttributes.VNEID_LINKED_AT, Instant.now().toString());
            user.removeAttribute(UserAttributes.VNEID_UNLINKED_AT);
        }
        String linkMethod = organisationCode(brokerContext).isPresent() && method == LinkMethod.SHOWN_AND_CONFIRMED
                ? LINK_METHOD_VERIFIED_TAX_CODE : method.eventValue();
        context.getEvent().clone().event(EventType.FEDERATED_IDENTITY_LINK).user(user)
                .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                .detail("link_method", linkMethod).success();
        context.setUser(user);
        context.success();
    }

    private FirstLoginFacts facts(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
        return new FirstLoginFacts(context.getSession(), context.getRealm(),
                new FirstLoginLinkConfig(context.getAuthenticatorConfig()), brokerContext,
                idNumber(brokerContext).orElse(null), organisationCode(brokerContext).orElse(null));
    }

    /**
     * The username of the user created from VNeID: never the id number, which every portal would see as
     * {@code preferred_username}, but the same non-identifying username for the same number ({@link VneidUsernames}),
     * so two first logins of one citizen still cannot create two users.
     */
    @Override
    protected String getUsername(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                 BrokeredIdentityContext brokerContext) {
        return idNumber(brokerContext).or(() -> organisationCode(brokerContext).map(LinkCandidates::usernameKey))
                .map(number -> RealmUsernameKey.usernames(context.getSession(), context.getRealm()).of(number))
                .orElseGet(() -> super.getUsername(context, serializedCtx, brokerContext));
    }

    /** The id number the VNeID provider validated (V1-V4), never a username template or an e-mail. */
    private static Optional<String> idNumber(BrokeredIdentityContext brokerContext) {
        if (organisationCode(brokerContext).isPresent()) {
            return Optional.empty();
        }
        return PersonalIdNumber.parse(brokerContext.getUsername()).number().map(PersonalIdNumber::value);
    }

    /**
     * The tax code of an organisation's VNeID account (the provider validated it and said whose account it is), never
     * guessed from the shape of the username.
     */
    private static Optional<TaxCode> organisationCode(BrokeredIdentityContext brokerContext) {
        Object kind = brokerContext.getContextData().get(VneidProvider.ACCOUNT_KIND_CONTEXT);
        if (!AccountKind.ORGANISATION.name().equals(kind)) {
            return Optional.empty();
        }
        return TaxCode.parse(brokerContext.getUsername()).number();
    }

    private static String safeUsername(String typed) {
        return typed == null || typed.length() > 255 ? "" : typed.trim();
    }

    private static PortalAccountConfirmation confirmation(AuthenticationFlowContext context,
                                                          BrokeredIdentityContext brokerContext) {
        return new PortalAccountConfirmation(context,
                new FirstLoginLinkConfig(context.getAuthenticatorConfig()).maxPasswordAttempts(),
                claimed(context, brokerContext) ? CLAIMED_ID_INTRO : PortalAccountConfirmation.INTRO_VNEID);
    }

    /**
     * Whether this step handles the login: a VNeID login, or one through a provider whose id number this execution
     * takes as a claim ({@code identitySource=claim}); any other is Keycloak's "create user if unique".
     */
    private static boolean handled(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
        return VNEID_PROVIDER.equals(brokerContext.getIdpConfig().getProviderId()) || claimed(context, brokerContext);
    }

    /** Whether the id number is another provider's word: never for the VNeID provider, whatever the setting. */
    private static boolean claimed(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
        return !VNEID_PROVIDER.equals(brokerContext.getIdpConfig().getProviderId())
                && new FirstLoginLinkConfig(context.getAuthenticatorConfig()).claimedId();
    }

    /** The first decision: VNeID's, made stricter for a claimed number ({@link ClaimedIdFirstLoginDecision}). */
    private static java.util.function.Function<FirstVneidLoginDecision.Facts, Outcome> first(
            AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
        return facts -> claimedOrNot(context, brokerContext, FirstVneidLoginDecision.decide(facts), facts);
    }

    private static Outcome claimedOrNot(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                                        Outcome outcome, FirstVneidLoginDecision.Facts facts) {
        if (!claimed(context, brokerContext)) {
            return outcome;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        return ClaimedIdFirstLoginDecision.adapt(outcome, facts, username ->
                Optional.ofNullable(session.users().getUserByUsername(realm, username))
                        .map(user -> new ClaimedIdFirstLoginDecision.Offered(
                                PortalAdministrators.isStateStaff(realm, user),
                                user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE))));
    }

    /**
     * Why the account may not be linked because of whom it belongs to: an administrator's is never linked; through a
     * provider whose number is its own word, no account of the state's staff either. Null when it may.
     */
    private static FirstLoginRefusal staffRefusal(AuthenticationFlowContext context,
                                                  BrokeredIdentityContext brokerContext, UserModel user) {
        if (claimed(context, brokerContext)) {
            return PortalAdministrators.isStateStaff(context.getRealm(), user) ? FirstLoginRefusal.STATE_STAFF : null;
        }
        return PortalAdministrators.isAdministrator(context.getRealm(), user) ? FirstLoginRefusal.ADMINISTRATOR : null;
    }

    private static void refuse(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext,
                               FirstLoginRefusal reason) {
        EventBuilder event = event(context, brokerContext);
        if (reason == FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE) {
            event.detail("legacy_database", "unavailable");
        } else if (reason == FirstLoginRefusal.REGISTRY_UNAVAILABLE) {
            event.detail("population_registry", "unavailable");
        } else if (reason == FirstLoginRefusal.BUSINESS_REGISTRY_UNAVAILABLE) {
            event.detail("business_registry", "unavailable");
        }
        event.error(reason.eventError());
        refuse(context, reason.messageKey(), reason.status());
    }

    private static EventBuilder event(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext) {
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
