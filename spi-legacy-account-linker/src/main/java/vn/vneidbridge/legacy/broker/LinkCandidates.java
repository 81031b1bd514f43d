package vn.vneidbridge.legacy.broker;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.TaxCode;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.metrics.LegacyLookupTimers;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.username.RealmUsernameKey;

/**
 * The accounts a VNeID id number could belong to: Keycloak users and legacy rows, keyed by the Keycloak user
 * id they have or would have (so an imported legacy account is counted once). Only a CCCD marked verified
 * makes an account a link candidate (unless its holder unlinked VNeID from it, or a VNeID holder disowned it).
 * An account holding the number unverified, or verified but unlinked by its holder or disowned
 * ({@code cccd_disputed_at}), or holding it as its username, or — once
 * the population database has given the person's old CMND — holding only that CMND, is an account to
 * <em>confirm</em>: its holder must give its password and the number is verified against the registry before
 * anything is linked. E-mail and phone are never looked at. Organisation accounts ({@link AccountKind}) are never
 * candidates for a personal id: an organisation account that holds its legal representative's CCCD is the company's,
 * and links to the organisation's own VNeID account by its tax code, not to the representative's personal one.
 */
final class LinkCandidates {

    private final Map<String, Candidate> verified = new LinkedHashMap<>();
    /** Accounts to confirm by password: Keycloak user id (present or future) → username. */
    private final Map<String, String> toConfirm = new LinkedHashMap<>();
    /** The accounts to confirm that hold the number verified (unlinked by their holder). */
    private final Set<String> verifiedToConfirm = new LinkedHashSet<>();
    private UserModel sameUsername;
    private boolean sameUsernameCreatedFromVneid;

    static LinkCandidates find(KeycloakSession session, RealmModel realm, String idNumber) {
        LinkCandidates candidates = new LinkCandidates();
        session.users().searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, idNumber)
                .forEach(user -> candidates.addKeycloakUser(user, idNumber));
        for (LegacyUserStorage.LegacyAccountRef ref : LegacyLookupTimers.global().time(
                () -> LegacyUserStorage.accountsWithCccd(session, realm, idNumber))) {
            String id = LegacyUserStorage.userId(realm, ref);
            if (candidates.verified.containsKey(id) || isOrganisation(ref)) {
                continue;
            }
            UserModel imported = session.users().getUserById(realm, id);
            if (imported != null) {
                // the Keycloak user is the truth once imported (its CCCD may have changed since); it may have been
                // imported by a parallel login after the search above, so it is classified here too
                candidates.addKeycloakUser(imported, idNumber);
                continue;
            }
            if (ref.account().cccdVerified()) {
                candidates.verified.put(id, new Candidate(Optional.empty(), Optional.of(ref)));
            } else {
                candidates.toConfirm.put(id, ref.account().username());
            }
        }
        // the username slot of this number: an account named by the number itself (a legacy username, or a user an
        // older version created from VNeID), else the user created from VNeID under the number's own username
        UserModel byUsername = session.users().getUserByUsername(realm, idNumber);
        if (byUsername == null) {
            byUsername = session.users().getUserByUsername(realm,
                    RealmUsernameKey.usernames(session, realm).of(idNumber));
        }
        if (byUsername != null && !candidates.verified.containsKey(byUsername.getId())) {
            candidates.sameUsername = byUsername;
            candidates.sameUsernameCreatedFromVneid = createdFromVneid(session, realm, byUsername);
            if (isOrganisation(byUsername)) {
                // named by the number, but an organisation's: the name is taken, the account is nobody's to confirm
                candidates.toConfirm.remove(byUsername.getId());
                candidates.sameUsernameCreatedFromVneid = false;
            } else if (candidates.sameUsernameCreatedFromVneid) {
                // no password to give: it is shown to the holder instead
                candidates.toConfirm.remove(byUsername.getId());
            } else {
                candidates.toConfirm.put(byUsername.getId(), byUsername.getUsername());
            }
        }
        candidates.toConfirm.keySet().removeAll(candidates.verified.keySet());
        return candidates;
    }

    /**
     * The accounts an organisation's tax code could belong to: organisation accounts holding it verified (by the
     * business registry or by VNeID; not unlinked by the organisation, not disowned by its VNeID account), the
     * organisation accounts in Keycloak holding it otherwise (as their old portal had it, or unlinked): to be
     * confirmed by their password after the business registry matches the code with their name, and the username
     * slot of a user created from the organisation's VNeID account; and the legacy rows holding the code in the
     * optional {@code tax_code} column, not yet brought into Keycloak, to be confirmed the same way. A citizen's
     * account is never one, whatever it holds.
     *
     * @throws vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException when the legacy database does not answer
     */
    static LinkCandidates findOrganisation(KeycloakSession session, RealmModel realm, TaxCode code) {
        LinkCandidates candidates = new LinkCandidates();
        session.users().searchForUserByUserAttributeStream(realm, UserAttributes.TAX_CODE, code.value())
                .filter(user -> code.value().equals(user.getFirstAttribute(UserAttributes.TAX_CODE)))
                .filter(LinkCandidates::isOrganisation)
                .forEach(user -> {
                    if (linkable(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED),
                            user.getFirstAttribute(UserAttributes.VNEID_UNLINKED_AT),
                            user.getFirstAttribute(UserAttributes.TAX_CODE_DISPUTED_AT))) {
                        candidates.verified.put(user.getId(), new Candidate(Optional.of(user), Optional.empty()));
                        return;
                    }
                    candidates.toConfirm.put(user.getId(), user.getUsername());
                    if ("true".equals(user.getFirstAttribute(UserAttributes.TAX_CODE_VERIFIED))) {
                        candidates.verifiedToConfirm.add(user.getId());
                    }
                });
        for (LegacyUserStorage.LegacyAccountRef ref : LegacyUserStorage.accountsWithTaxCode(session, realm,
                code.value())) {
            String id = LegacyUserStorage.userId(realm, ref);
            if (!isOrganisation(ref) || candidates.verified.containsKey(id) || candidates.toConfirm.containsKey(id)) {
                continue;
            }
            UserModel imported = session.users().getUserById(realm, id);
            if (imported != null && (imported.getFirstAttribute(UserAttributes.TAX_CODE) != null
                    || !isOrganisation(imported))) {
                continue; // imported with a code of its own: the Keycloak user above is the truth
            }
            // the old portal's word only (also for an account imported before the view had the column): its password,
            // once the business registry matches the code with its name
            candidates.toConfirm.put(id, imported != null ? imported.getUsername() : ref.account().username());
        }
        UserModel byUsername = session.users().getUserByUsername(realm,
                RealmUsernameKey.usernames(session, realm).of(usernameKey(code)));
        if (byUsername != null && !candidates.verified.containsKey(byUsername.getId())) {
            candidates.sameUsername = byUsername;
            candidates.sameUsernameCreatedFromVneid = createdFromVneid(session, realm, byUsername);
        }
        return candidates;
    }

    /**
     * What the username of a user created from an organisation's VNeID account is the keyed digest of: its tax code,
     * tagged, so that it is never a citizen's whatever digits the two have ({@code VneidUsernames}).
     */
    static String usernameKey(TaxCode code) {
        return "tax-code:" + code.value();
    }

    private void addKeycloakUser(UserModel user, String idNumber) {
        if (!idNumber.equals(user.getFirstAttribute(UserAttributes.CCCD)) || verified.containsKey(user.getId())
                || isOrganisation(user)) {
            return;
        }
        boolean verifiedMark = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
        if (linkable(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED),
                user.getFirstAttribute(UserAttributes.VNEID_UNLINKED_AT),
                user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT))) {
            verified.put(user.getId(), new Candidate(Optional.of(user), Optional.empty()));
            toConfirm.remove(user.getId());
        } else {
            // unverified, unlinked by its holder, or disowned by a holder: linked again only after its password
            toConfirm.put(user.getId(), user.getUsername());
            if (verifiedMark) {
                verifiedToConfirm.add(user.getId());
            }
        }
    }

    /**
     * Whether a user holding the number is a link candidate as it is: its CCCD is marked verified, its holder did not
     * unlink VNeID from it, and no VNeID holder of a number said it is not theirs ({@code cccd_disputed_at}, which
     * the CCCD check also refuses to verify again). Any other holder is to be confirmed by password.
     */
    static boolean linkable(String cccdVerified, String unlinkedAt, String disputedAt) {
        return "true".equals(cccdVerified) && unlinkedAt == null && disputedAt == null;
    }

    static boolean isOrganisation(UserModel user) {
        return AccountKind.ofUser(user::getFirstAttribute) == AccountKind.ORGANISATION;
    }

    private static boolean isOrganisation(LegacyUserStorage.LegacyAccountRef ref) {
        return ref.account().kind() == AccountKind.ORGANISATION;
    }

    /**
     * What an interrupted creation from VNeID leaves behind: a user named by the number with no password, no
     * link and no legacy account. Nobody can log into it but through VNeID.
     */
    private static boolean createdFromVneid(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_ID) == null
                && user.credentialManager().getStoredCredentialsStream().findAny().isEmpty()
                && session.users().getFederatedIdentitiesStream(realm, user).findAny().isEmpty();
    }

    /**
     * Adds the accounts that know their holder only by this old CMND (no verified CCCD): they are to be
     * confirmed, never linked as they are.
     *
     * @throws vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException when the legacy database does not
     *         answer
     */
    void addHoldersOfCmnd(KeycloakSession session, RealmModel realm, String cmnd) {
        session.users().searchForUserByUserAttributeStream(realm, UserAttributes.CMND, cmnd)
                .filter(user -> cmnd.equals(user.getFirstAttribute(UserAttributes.CMND)))
                .filter(user -> !"true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED)))
                .filter(user -> !isOrganisation(user))
                .forEach(user -> toConfirm.putIfAbsent(user.getId(), user.getUsername()));
        for (LegacyUserStorage.LegacyAccountRef ref : LegacyUserStorage.accountsWithCmnd(session, realm, cmnd)) {
            String id = LegacyUserStorage.userId(realm, ref);
            if (ref.account().cccdVerified() || isOrganisation(ref) || session.users().getUserById(realm, id) != null) {
                continue; // imported: the Keycloak user above is the truth; an organisation's: no candidate
            }
            toConfirm.putIfAbsent(id, ref.account().username());
        }
        toConfirm.keySet().removeAll(verified.keySet());
    }

    boolean isEmpty() {
        return verified.isEmpty() && toConfirm.isEmpty() && sameUsername == null;
    }

    /** The usernames of the accounts to confirm by password, in the order found. */
    List<String> usernamesToConfirm() {
        return List.copyOf(toConfirm.values());
    }

    /** Ids of the accounts to confirm that hold the number verified. */
    List<String> verifiedToConfirm() {
        return List.copyOf(verifiedToConfirm);
    }

    /** The verified accounts, as facts for the decision. */
    List<FirstVneidLoginDecision.Account> verifiedAccounts(KeycloakSession session, RealmModel realm, String alias) {
        return verified.entrySet().stream().map(entry -> entry.getValue().facts(entry.getKey(), session, realm, alias))
                .toList();
    }

    /** The account created from VNeID that has the number as its username, if any. */
    Optional<FirstVneidLoginDecision.Account> createdFromVneidAccount(KeycloakSession session, RealmModel realm,
                                                                      String alias) {
        return sameUsernameCreatedFromVneid
                ? Optional.of(new Candidate(Optional.of(sameUsername), Optional.empty())
                        .facts(sameUsername.getId(), session, realm, alias))
                : Optional.empty();
    }

    boolean usernameTaken() {
        return sameUsername != null;
    }

    /** The account with this id among those found (verified, or created from VNeID), if any. */
    Optional<Candidate> candidate(String id) {
        if (verified.containsKey(id)) {
            return Optional.of(verified.get(id));
        }
        return sameUsername != null && sameUsername.getId().equals(id)
                ? Optional.of(new Candidate(Optional.of(sameUsername), Optional.empty()))
                : Optional.empty();
    }

    /** A verified account: a Keycloak user, or a legacy row still to import. */
    record Candidate(Optional<UserModel> user, Optional<LegacyUserStorage.LegacyAccountRef> legacy) {
        UserModel userIn(KeycloakSession session, RealmModel realm) {
            return user.orElseGet(() -> LegacyUserStorage.importedUser(session, realm, legacy.orElseThrow()));
        }

        FirstVneidLoginDecision.Account facts(String id, KeycloakSession session, RealmModel realm, String alias) {
            if (user.isPresent()) {
                UserModel account = user.get();
                boolean linked = session.users().getFederatedIdentitiesStream(realm, account)
                        .anyMatch(link -> link.getIdentityProvider().equals(alias));
                return new FirstVneidLoginDecision.Account(id, PortalAdministrators.isAdministrator(realm, account),
                        account.isEnabled(), linked, Optional.ofNullable(account.getUsername()));
            }
            var row = legacy.orElseThrow().account();
            return new FirstVneidLoginDecision.Account(id, row.admin(), row.active(), false,
                    Optional.ofNullable(row.username()));
        }
    }
}
