package vn.vneidbridge.vneid;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * {@code vneid-identity-mapper}: copies the identity VNeID returned, after the VNeID checks, into the user's
 * attributes — when the user is created and at every later login (whatever the sync mode, it supports them
 * all; the default mapper is created with {@code FORCE}).
 *
 * <p>Keycloak's OIDC "attribute importer" cannot do this job: it reads one claim name, with no fallback to the
 * Vietnamese claims, no date or gender conversion and no verification flags.
 *
 * <p>The personal id number ({@code cccd}) is verified by the Ministry for a VNeID account, so it is written
 * with {@code cccd_verified=true}, {@code cccd_verified_source=vneid} and {@code cccd_verified_at} — except
 * when that would overwrite a different number already verified on the user, or give the number to a second
 * account that holds it verified, or mark it verified again on an account its VNeID holder disowned. Then nothing of
 * the VNeID identity is written (it does not belong to this account) and a warning event
 * {@code UPDATE_PROFILE_ERROR / vneid_cccd_conflict} is recorded.
 *
 * <p>An organisation's VNeID account ({@link VneidContext#accountKind}) gives its tax code, verified by VNeID: it is
 * written as {@code tax_code} (canonical) with {@code tax_code_verified=true}, {@code tax_code_verified_source=vneid}
 * and {@code tax_code_verified_at}, beside {@code organisation_name}, {@code vneid_level}, {@code vneid_account_type}
 * and the phone; {@code cccd} is never written nor cleared. By the same rule as the CCCD's, nothing is written and
 * {@code UPDATE_PROFILE_ERROR / vneid_tax_code_conflict} is recorded when the account holds another verified tax
 * code, another organisation account holds this one verified, the organisation disowned this account
 * ({@code tax_code_disputed_at} with this code), or the account is a citizen's (a verified CCCD on an account that is
 * no organisation's) or an administrator's.
 */
public final class VneidIdentityMapper extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "vneid-identity-mapper";
    static final String SOURCE_VNEID = "vneid";
    static final String CONFLICT_ERROR = "vneid_cccd_conflict";
    static final String TAX_CODE_CONFLICT_ERROR = "vneid_tax_code_conflict";
    static final String TAX_CODE_CONFLICT_MESSAGE = "vneidTaxCodeConflict";

    private static final Logger LOG = Logger.getLogger(VneidIdentityMapper.class);
    private static final String[] COMPATIBLE_PROVIDERS = {VneidIdentityProviderFactory.PROVIDER_ID};

    /**
     * What to do with the user's {@code cccd} given the number VNeID returned; the same rule decides an organisation
     * account's {@code tax_code} given the organisation's.
     */
    enum CccdAction {
        /** No number, or a different unverified one: write VNeID's, verified. */
        SET,
        /** The same number, not yet verified: mark it verified. */
        VERIFY,
        /** The same number, already verified: nothing to do. */
        KEEP,
        /** A different number, verified: leave the account alone and warn. */
        CONFLICT
    }

    /**
     * Told when a VNeID identity is not written because of a {@link CccdAction#CONFLICT}; {@code vneidKey} is the
     * citizen's id number or, for an organisation's VNeID account ({@link VneidContext#accountKind}), its tax code.
     */
    @FunctionalInterface
    interface ConflictReporter {
        void report(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context,
                    String vneidKey);
    }

    private final ConflictReporter conflicts;

    /** The mapper Keycloak loads: conflicts become a warning log line and an event. */
    public VneidIdentityMapper() {
        this(VneidIdentityMapper::warnConflict);
    }

    VneidIdentityMapper(ConflictReporter conflicts) {
        this.conflicts = conflicts;
    }

    static CccdAction decide(String currentCccd, boolean currentVerified, String vneidCccd) {
        if (currentCccd == null || currentCccd.isBlank()) {
            return CccdAction.SET;
        }
        if (currentCccd.trim().equals(vneidCccd)) {
            return currentVerified ? CccdAction.KEEP : CccdAction.VERIFY;
        }
        return currentVerified ? CccdAction.CONFLICT : CccdAction.SET;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return COMPATIBLE_PROVIDERS.clone();
    }

    @Override
    public String getDisplayCategory() {
        return "Attribute Importer";
    }

    @Override
    public String getDisplayType() {
        return "VNeID identity";
    }

    @Override
    public String getHelpText() {
        return "Writes the VNeID identity (cccd, verified; full_name, birthdate, gender, phone_number, vneid_level; "
                + "for an organisation: tax_code, verified; organisation_name, vneid_account_type) into the user's "
                + "attributes at creation and at every login. Never replaces a different verified cccd or tax code.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user,
                              IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        apply(session, realm, user, context);
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user,
                                   IdentityProviderMapperModel mapperModel, BrokeredIdentityContext context) {
        apply(session, realm, user, context);
    }

    private void apply(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        Map<String, String> attributes = VneidContext.attributes(context);
        if (VneidContext.accountKind(context) == AccountKind.ORGANISATION) {
            applyOrganisation(session, realm, user, context, attributes);
            return;
        }
        String vneidCccd = attributes.get(UserAttributes.CCCD);
        if (vneidCccd == null) {
            LOG.debugf("No validated VNeID identity in the login of user %s; nothing to write", user.getId());
            return;
        }
        CccdAction action = decide(user.getFirstAttribute(UserAttributes.CCCD),
                "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED)), vneidCccd);
        if ((action == CccdAction.SET || action == CccdAction.VERIFY)
                && (verifiedOnAnotherAccount(session, realm, user, vneidCccd) || disownedHere(user, vneidCccd))) {
            action = CccdAction.CONFLICT;
        }
        if (action == CccdAction.CONFLICT) {
            conflicts.report(session, realm, user, context, vneidCccd);
            throw refused(session, "VNeID id number conflicts with the account's verified CCCD",
                    "vneidIdNumberConflict");
        }
        if (PortalAdministrators.isAdministrator(realm, user)) {
            throw refused(session, "administrator accounts are not linked to VNeID", "vneidAdminNotLinked");
        }
        if (action != CccdAction.KEEP) {
            user.setSingleAttribute(UserAttributes.CCCD, vneidCccd);
            user.setSingleAttribute(UserAttributes.CCCD_VERIFIED, "true");
            user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_SOURCE, SOURCE_VNEID);
            user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_AT, Instant.now().toString());
        }
        writeTheRest(user, attributes, UserAttributes.CCCD);
    }

    /**
     * An organisation's VNeID identity: its tax code, verified, and the rest of its attributes; nothing at all on a
     * conflict (see the class comment). Never touches {@code cccd}.
     */
    private void applyOrganisation(KeycloakSession session, RealmModel realm, UserModel user,
                                   BrokeredIdentityContext context, Map<String, String> attributes) {
        String vneidTaxCode = attributes.get(UserAttributes.TAX_CODE);
        if (vneidTaxCode == null) {
            LOG.debugf("No validated VNeID organisation identity in the login of user %s; nothing to write",
                    user.getId());
            return;
        }
        CccdAction action = decide(canonicalTaxCode(user.getFirstAttribute(UserAttributes.TAX_CODE)),
                "true".equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED)), vneidTaxCode);
        if ((action == CccdAction.SET || action == CccdAction.VERIFY)
                && (taxCodeVerifiedOnAnotherAccount(session, realm, user, vneidTaxCode)
                || taxCodeDisownedHere(user, vneidTaxCode))) {
            action = CccdAction.CONFLICT;
        }
        if (action == CccdAction.CONFLICT || isCitizensOrAdministrators(realm, user)) {
            conflicts.report(session, realm, user, context, vneidTaxCode);
            throw refused(session, "VNeID organisation's tax code conflicts with the account",
                    TAX_CODE_CONFLICT_MESSAGE);
        }
        if (action != CccdAction.KEEP) {
            user.setSingleAttribute(UserAttributes.TAX_CODE, vneidTaxCode);
            user.setSingleAttribute(UserAttributes.TAX_CODE_VERIFIED, "true");
            user.setSingleAttribute(UserAttributes.TAX_CODE_VERIFIED_SOURCE, SOURCE_VNEID);
            user.setSingleAttribute(UserAttributes.TAX_CODE_VERIFIED_AT, Instant.now().toString());
        }
        writeTheRest(user, attributes, UserAttributes.TAX_CODE);
    }

    /**
     * The identity's attributes but its key ({@code cccd} or {@code tax_code}, written above with its verification;
     * {@code cccd} is never written from here) when they changed; the phone VNeID vouched for; when the account was
     * linked.
     */
    private static void writeTheRest(UserModel user, Map<String, String> attributes, String key) {
        attributes.forEach((name, value) -> {
            if (!key.equals(name) && !UserAttributes.CCCD.equals(name) && !value.equals(user.getFirstAttribute(name))) {
                user.setSingleAttribute(name, value);
            }
        });
        String phone = attributes.get(UserAttributes.PHONE_NUMBER);
        if (phone != null && !phone.equals(user.getFirstAttribute(UserAttributes.PHONE_NUMBER_VNEID))) {
            // the number VNeID vouched for: the identity page marks the phone verified while the account holds it
            user.setSingleAttribute(UserAttributes.PHONE_NUMBER_VNEID, phone);
        }
        if (user.getFirstAttribute(UserAttributes.VNEID_LINKED_AT) == null) {
            // created from VNeID, or linked by Keycloak's account linking (idp_link, account console)
            user.setSingleAttribute(UserAttributes.VNEID_LINKED_AT, Instant.now().toString());
        }
    }

    /**
     * Refuses the login and undoes the request: Keycloak has already stored the link when it calls the mapper
     * (after a first login, an account-console link, {@code kc_action=idp_link}), and its error page is a response,
     * not an exception its error handler sees, so without this the link would be committed beside the refusal.
     * Error events are stored in a transaction of their own and stay.
     */
    private static IdentityBrokerException refused(KeycloakSession session, String reason, String messageCode) {
        session.getTransactionManager().setRollbackOnly();
        return new IdentityBrokerException(reason).withMessageCode(messageCode);
    }

    /**
     * The VNeID holder of this number said this account is not theirs ({@code cccd_disputed_at}, written by the first
     * VNeID login's "Không phải tài khoản của tôi"): the number is never marked verified here again, so a "mine"
     * for the same account in another login of the same holder cannot link it beside the holder's own user.
     */
    private static boolean disownedHere(UserModel user, String cccd) {
        return user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT) != null
                && cccd.equals(user.getFirstAttribute(UserAttributes.CCCD));
    }

    /**
     * The organisation disowned this account ({@code tax_code_disputed_at}, the organisations' counterpart of
     * {@code cccd_disputed_at}) while it holds this code: the code is never marked verified here again.
     */
    private static boolean taxCodeDisownedHere(UserModel user, String taxCode) {
        return user.getFirstAttribute(UserAttributes.TAX_CODE_DISPUTED_AT) != null
                && taxCode.equals(canonicalTaxCode(user.getFirstAttribute(UserAttributes.TAX_CODE)));
    }

    private static boolean taxCodeVerifiedOnAnotherAccount(KeycloakSession session, RealmModel realm, UserModel user,
                                                           String taxCode) {
        return session.users().searchForUserByUserAttributeStream(realm, UserAttributes.TAX_CODE, taxCode)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))
                        && AccountKind.ofUser(other::getFirstAttribute) == AccountKind.ORGANISATION);
    }

    /**
     * A citizen's account (no organisation's, with a verified CCCD) or an administrator's: no organisation's VNeID
     * identity is written there. A new user, or an account with neither, is not refused here.
     */
    private static boolean isCitizensOrAdministrators(RealmModel realm, UserModel user) {
        return PortalAdministrators.isAdministrator(realm, user)
                || AccountKind.ofUser(user::getFirstAttribute) == AccountKind.CITIZEN
                && "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
    }

    /** A stored tax code in its canonical form ({@code 0123456789-001} for a branch); as stored when not valid. */
    private static String canonicalTaxCode(String stored) {
        if (stored == null) {
            return null;
        }
        return TaxCode.parse(stored).number().map(TaxCode::value).orElse(stored);
    }

    private static boolean verifiedOnAnotherAccount(KeycloakSession session, RealmModel realm, UserModel user,
                                                    String cccd) {
        return session.users().searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, cccd)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                        // a company's account holding its representative's number is not that person's account
                        && AccountKind.ofUser(other::getFirstAttribute) == AccountKind.CITIZEN);
    }

    private static void warnConflict(KeycloakSession session, RealmModel realm, UserModel user,
                                     BrokeredIdentityContext context, String vneidCccd) {
        if (VneidContext.accountKind(context) == AccountKind.ORGANISATION) {
            warnTaxCodeConflict(session, realm, user, context, vneidCccd);
            return;
        }
        String alias = context.getIdpConfig().getAlias();
        LOG.warnf("VNeID identity of a login through %s not written to user %s: its id number differs from the "
                + "account's verified one, is verified on another account, or its holder disowned this account", alias,
                user.getId());
        LOG.debugf("VNeID id number %s, account's %s", mask(vneidCccd), mask(user.getFirstAttribute(UserAttributes.CCCD)));
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE_ERROR)
                .user(user)
                .detail(Details.IDENTITY_PROVIDER, alias)
                .detail(Details.REASON, "VNeID id number differs from the verified cccd of the account or of another "
                        + "account, or its holder disowned this account")
                .error(CONFLICT_ERROR);
    }

    private static void warnTaxCodeConflict(KeycloakSession session, RealmModel realm, UserModel user,
                                            BrokeredIdentityContext context, String vneidTaxCode) {
        String alias = context.getIdpConfig().getAlias();
        LOG.warnf("VNeID organisation identity of a login through %s not written to user %s: its tax code differs "
                + "from the account's verified one, is verified on another account, the organisation disowned this "
                + "account, or the account is a citizen's or an administrator's", alias, user.getId());
        LOG.debugf("VNeID tax code %s, account's %s", maskTaxCode(vneidTaxCode),
                maskTaxCode(user.getFirstAttribute(UserAttributes.TAX_CODE)));
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE_ERROR)
                .user(user)
                .detail(Details.IDENTITY_PROVIDER, alias)
                .detail(Details.REASON, "VNeID organisation's tax code differs from the verified tax code of the "
                        + "account or of another account, the organisation disowned this account, or the account is a "
                        + "citizen's or an administrator's")
                .error(TAX_CODE_CONFLICT_ERROR);
    }

    private static String maskTaxCode(String code) {
        return code == null ? "none" : TaxCode.parse(code).number().map(TaxCode::mask).orElse("(not a valid code)");
    }

    private static String mask(String number) {
        return number == null ? "none" : PersonalIdNumber.parse(number).number().map(PersonalIdNumber::mask)
                .orElse("(not a valid number)");
    }
}
