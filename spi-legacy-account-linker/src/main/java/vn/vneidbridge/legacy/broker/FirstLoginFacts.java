package vn.vneidbridge.legacy.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdVerificationResult;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.cccd.verification.FormerIdLookup;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.organisation.registry.DkkdJsonRegistryFactory;
import vn.vneidbridge.organisation.verification.TaxCodeVerificationResult;
import vn.vneidbridge.organisation.verification.TaxCodeVerifier;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * What a first VNeID login finds for the VNeID id number, gathered from Keycloak's users, the legacy database and
 * the population database, as {@link FirstVneidLoginDecision.Facts}. Accounts to confirm by password are offered
 * only when the population database confirms their data for the VNeID number (so nobody learns whether a password
 * of somebody else's account is right); the old CMND is asked for only when no account has the number. A database
 * that does not answer makes every decision a refusal: nothing is linked or created on half the facts.
 */
final class FirstLoginFacts {

    /** The business registry an organisation account's tax code is checked against. */
    static final String BUSINESS_REGISTRY = DkkdJsonRegistryFactory.PROVIDER_ID;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final FirstLoginLinkConfig config;
    private final BrokeredIdentityContext brokerContext;
    private final String idNumber;
    private final TaxCode organisationCode;
    private LinkCandidates candidates;
    private FirstVneidLoginDecision.Facts facts;
    private FirstLoginRefusal unavailable;

    FirstLoginFacts(KeycloakSession session, RealmModel realm, FirstLoginLinkConfig config,
                    BrokeredIdentityContext brokerContext, String idNumber) {
        this(session, realm, config, brokerContext, idNumber, null);
    }

    /**
     * @param idNumber         the citizen's personal id number, or null
     * @param organisationCode the organisation's tax code when VNeID vouched for an organisation, else null
     */
    FirstLoginFacts(KeycloakSession session, RealmModel realm, FirstLoginLinkConfig config,
                    BrokeredIdentityContext brokerContext, String idNumber, TaxCode organisationCode) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.brokerContext = brokerContext;
        this.idNumber = organisationCode == null ? idNumber : null;
        this.organisationCode = organisationCode;
    }

    String idNumber() {
        return idNumber;
    }

    /** The organisation's tax code, when the VNeID identity is an organisation's. */
    Optional<TaxCode> organisationCode() {
        return Optional.ofNullable(organisationCode);
    }

    /** The decision on the facts, or the refusal of a database that did not answer. */
    FirstVneidLoginDecision.Outcome decide(Function<FirstVneidLoginDecision.Facts, FirstVneidLoginDecision.Outcome> rule) {
        gather();
        return unavailable != null ? new FirstVneidLoginDecision.Refuse(unavailable) : rule.apply(facts);
    }

    /** An account found (verified, or created from VNeID) by its id. */
    Optional<LinkCandidates.Candidate> candidate(String id) {
        gather();
        return candidates == null ? Optional.empty() : candidates.candidate(id);
    }

    private void gather() {
        if (facts != null || unavailable != null) {
            return;
        }
        if (organisationCode != null) {
            // the same decision as for citizens, on the organisation accounts holding the code
            try {
                candidates = LinkCandidates.findOrganisation(session, realm, organisationCode);
            } catch (LegacyDatabaseUnavailableException e) {
                unavailable = FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE;
                return;
            }
            String alias = brokerContext.getIdpConfig().getAlias();
            List<FirstVneidLoginDecision.Account> verified = candidates.verifiedAccounts(session, realm, alias);
            List<String> offered = verified.isEmpty()
                    ? accountsOfThisOrganisation(candidates.usernamesToConfirm()) : List.of();
            if (unavailable != null) {
                return;
            }
            facts = new FirstVneidLoginDecision.Facts(true, verified, offered, candidates.verifiedToConfirm(),
                    candidates.createdFromVneidAccount(session, realm, alias), candidates.usernameTaken(), false);
            return;
        }
        if (idNumber == null) {
            facts = new FirstVneidLoginDecision.Facts(false, List.of(), List.of(), List.of(), Optional.empty(), false,
                    false);
            return;
        }
        try {
            candidates = LinkCandidates.find(session, realm, idNumber);
            if (candidates.isEmpty() && !lookForFormerId(candidates)) {
                return;
            }
        } catch (LegacyDatabaseUnavailableException e) {
            unavailable = FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE;
            return;
        }
        String alias = brokerContext.getIdpConfig().getAlias();
        List<FirstVneidLoginDecision.Account> verified = candidates.verifiedAccounts(session, realm, alias);
        List<String> offered = verified.isEmpty() ? accountsOfThisPerson(candidates.usernamesToConfirm()) : List.of();
        if (unavailable != null) {
            return;
        }
        // the review queue is read only when an account holds the number verified (the only case it changes)
        boolean reviewOpen = !verified.isEmpty() && LinkOperations.of(session).reviewOpen(realm, idNumber);
        facts = new FirstVneidLoginDecision.Facts(true, verified, offered, candidates.verifiedToConfirm(),
                candidates.createdFromVneidAccount(session, realm, alias), candidates.usernameTaken(), reviewOpen);
    }

    /**
     * Asks the population database for the old CMND of the person VNeID vouched for, and adds the accounts that
     * know them only by it. False when a database did not answer.
     */
    private boolean lookForFormerId(LinkCandidates found) {
        if (!config.cmndLookup()) {
            return true;
        }
        FormerIdLookup.Answer answer = new FormerIdLookup(session, config.registry()).cmndOf(idNumber,
                brokerContext.getUserAttribute(UserAttributes.FULL_NAME),
                brokerContext.getUserAttribute(UserAttributes.BIRTHDATE),
                brokerContext.getUserAttribute(UserAttributes.GENDER));
        if (answer.outcome() == FormerIdLookup.Outcome.UNAVAILABLE) {
            unavailable = FirstLoginRefusal.REGISTRY_UNAVAILABLE;
            return false;
        }
        answer.cmnd().ifPresent(cmnd -> found.addHoldersOfCmnd(session, realm, cmnd));
        return true;
    }

    /**
     * The organisation accounts to confirm whose name the business registry confirms for the tax code VNeID vouched
     * for (so nobody learns whether a password of another organisation's account is right). Nothing stored.
     */
    private List<String> accountsOfThisOrganisation(List<String> usernames) {
        TaxCodeVerifier verifier = new TaxCodeVerifier(session, BUSINESS_REGISTRY);
        List<String> offered = new ArrayList<>();
        for (String username : usernames) {
            UserModel account = session.users().getUserByUsername(realm, username);
            if (account == null) {
                if (LegacyUserStorage.databaseUnavailable(session)) {
                    unavailable = FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE;
                    return List.of();
                }
                continue;
            }
            TaxCodeVerificationResult result = verifier.check(realm, account, organisationCode.value());
            if (result.outcome() == TaxCodeVerificationResult.Outcome.UNAVAILABLE) {
                unavailable = FirstLoginRefusal.BUSINESS_REGISTRY_UNAVAILABLE;
                return List.of();
            }
            if (result.verified()) {
                offered.add(username);
            }
        }
        return offered;
    }

    /** The accounts to confirm whose data the population database confirms for the VNeID number. Nothing stored. */
    private List<String> accountsOfThisPerson(List<String> usernames) {
        CccdVerifier verifier = new CccdVerifier(session, config.registry(), config.nameComparison());
        List<String> offered = new ArrayList<>();
        for (String username : usernames) {
            UserModel account = session.users().getUserByUsername(realm, username);
            if (account == null) {
                if (LegacyUserStorage.databaseUnavailable(session)) {
                    unavailable = FirstLoginRefusal.LEGACY_DATABASE_UNAVAILABLE;
                    return List.of();
                }
                continue;
            }
            CccdVerificationResult result = verifier.check(realm, account, idNumber);
            if (result.outcome() == CccdVerificationResult.Outcome.UNAVAILABLE) {
                unavailable = FirstLoginRefusal.REGISTRY_UNAVAILABLE;
                return List.of();
            }
            if (result.verified()) {
                offered.add(username);
            }
        }
        return offered;
    }
}
