package vn.vneidbridge.legacy.storage;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountType;

/**
 * What the legacy storage does with a password typed for one user, decided from what it knows of the user and of
 * the legacy row: a value, so that every case is unit-tested without Keycloak. Only {@link Outcome#VERIFY} checks
 * the password; every other outcome refuses it without looking at it.
 *
 * @param outcome the decision
 * @param account the legacy row, when one was read (always with {@link Outcome#VERIFY})
 */
record LegacyCredentialCheck(Outcome outcome, LegacyAccount account) {

    enum Outcome {
        /** The account's password was stored again in Keycloak at its import: Keycloak's own check decides. */
        KEYCLOAK_DECIDES,
        /** Check the password against the row's hash. */
        VERIFY,
        /** No usable row: not a legacy account, or its row is gone, bad or unreadable. */
        NO_ROW,
        /** The row is locked in the legacy portal. */
        INACTIVE,
        /** The row's account type is not one this provider serves. */
        NOT_SERVED,
        /** An imported user whose legacy-id attribute names another account's row. */
        OTHER_ACCOUNTS_ROW,
        /** An MD5 row while the provider refuses MD5. */
        WEAK_HASH_REFUSED
    }

    /**
     * @param imported            whether the user is a Keycloak user (imported earlier), not a legacy row seen
     *                            for the first time
     * @param passwordStoredAgain whether Keycloak stores a password for the user
     * @param row                 reads the user's legacy row (null when there is none); not called when Keycloak
     *                            decides
     * @param rowOfThisUser       whether a row is the imported user's own (its fixed id is the user's)
     * @param served              the account types the provider serves
     * @param acceptWeakHashes    whether MD5 rows may log in
     */
    static LegacyCredentialCheck decide(boolean imported, boolean passwordStoredAgain, Supplier<LegacyAccount> row,
                                        Predicate<LegacyAccount> rowOfThisUser, Set<LegacyAccountType> served,
                                        boolean acceptWeakHashes) {
        if (imported && passwordStoredAgain) {
            return new LegacyCredentialCheck(Outcome.KEYCLOAK_DECIDES, null);
        }
        LegacyAccount account = row.get();
        if (account == null) {
            return new LegacyCredentialCheck(Outcome.NO_ROW, null);
        }
        Outcome outcome;
        if (!account.active()) {
            outcome = Outcome.INACTIVE;
        } else if (!served.contains(account.type())) {
            outcome = Outcome.NOT_SERVED;
        } else if (imported && !rowOfThisUser.test(account)) {
            outcome = Outcome.OTHER_ACCOUNTS_ROW;
        } else if (account.password().algorithm().isWeak() && !acceptWeakHashes) {
            outcome = Outcome.WEAK_HASH_REFUSED;
        } else {
            outcome = Outcome.VERIFY;
        }
        return new LegacyCredentialCheck(outcome, account);
    }
}
