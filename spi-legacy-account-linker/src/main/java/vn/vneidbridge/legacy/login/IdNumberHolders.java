package vn.vneidbridge.legacy.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.cccd.verification.IdentityField;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * The citizens' accounts that hold a person's id number as trusted, among Keycloak's users and the legacy databases,
 * counted once per user id: a 12-digit number held as a verified CCCD not disowned; a 9-digit CMND held beside such
 * a CCCD. Used by the "CMT/CCCD" tab of the password form (where the password then proves the account) and by the
 * certificate login (where nothing else does: there the CMND must have been compared by the population database,
 * review 2026-12-06 F1). Only {@link One} names an account; the others name none.
 */
public final class IdNumberHolders {

    /** Who holds a number. */
    public sealed interface Holders permits None, One, Several, Unavailable {
    }

    /** No citizen's account holds the number as trusted. */
    public record None() implements Holders {
    }

    /**
     * Exactly one: the account's Keycloak user id (a legacy row's future one), its username, and, while it is only a
     * legacy row, that row (to import it by itself, never by a username another store may also hold).
     */
    public record One(String userId, String username, Optional<LegacyUserStorage.LegacyAccountRef> legacyRow)
            implements Holders {
        @Override
        public String toString() {
            return "One[account]";
        }
    }

    /** Two or more accounts hold it: none of them is the number's. */
    public record Several() implements Holders {
    }

    /** A legacy database did not answer: nothing can be said. */
    public record Unavailable() implements Holders {
    }

    /** How a CMND counts. */
    public enum CmndTrust {
        /** Beside a verified CCCD (the password then proves the account). */
        BESIDE_VERIFIED_CCCD,
        /**
         * Beside a verified CCCD, and compared by the population database itself (mark {@code CMND} in
         * {@link CccdVerifier#VERIFIED_FIELDS}); a legacy row's CMND never is: the old portal's word.
         */
        REGISTRY_CONFIRMED
    }

    /**
     * One account holding the number: its Keycloak user id (present or future), name, what decides, and its legacy
     * row while it is only one.
     */
    record Holder(String userId, String username, AccountKind kind, boolean numberTrusted,
                  Optional<LegacyUserStorage.LegacyAccountRef> legacyRow) {

        Holder(String userId, String username, AccountKind kind, boolean numberTrusted) {
            this(userId, username, kind, numberTrusted, Optional.empty());
        }

        @Override
        public String toString() {
            return "Holder[" + kind + ", trusted=" + numberTrusted + "]";
        }
    }

    private IdNumberHolders() {
    }

    /** The pure rule: one citizen's account holding the number as trusted, counted once per user id. */
    static Holders of(List<Holder> holders) {
        Map<String, Holder> byUser = new LinkedHashMap<>();
        holders.forEach(holder -> byUser.putIfAbsent(holder.userId(), holder));
        List<Holder> named = byUser.values().stream()
                .filter(holder -> holder.kind() == AccountKind.CITIZEN && holder.numberTrusted()).toList();
        if (named.size() > 1) {
            return new Several();
        }
        if (named.isEmpty() || named.get(0).username() == null) {
            return new None();
        }
        Holder one = named.get(0);
        return new One(one.userId(), one.username(), one.legacyRow());
    }

    /** The holders of a 12-digit number (its form is the caller's to check). */
    public static Holders ofCccd(KeycloakSession session, RealmModel realm, String number) {
        try {
            return of(holders(session, realm, number, UserAttributes.CCCD,
                    LegacyUserStorage.accountsWithCccd(session, realm, number), user -> true, true));
        } catch (LegacyDatabaseUnavailableException unavailable) {
            return new Unavailable();
        }
    }

    /** The holders of a 9-digit CMND (its form is the caller's to check), trusted as {@code trust} says. */
    public static Holders ofCmnd(KeycloakSession session, RealmModel realm, String number, CmndTrust trust) {
        boolean confirmed = trust == CmndTrust.REGISTRY_CONFIRMED;
        try {
            return of(holders(session, realm, number, UserAttributes.CMND,
                    LegacyUserStorage.accountsWithCmnd(session, realm, number),
                    user -> !confirmed || registryConfirmedCmnd(user), !confirmed));
        } catch (LegacyDatabaseUnavailableException unavailable) {
            return new Unavailable();
        }
    }

    private static boolean registryConfirmedCmnd(UserModel user) {
        return user.getAttributeStream(CccdVerifier.VERIFIED_FIELDS).anyMatch(IdentityField.CMND.mark()::equals);
    }

    private static List<Holder> holders(KeycloakSession session, RealmModel realm, String number, String attribute,
                                        List<LegacyUserStorage.LegacyAccountRef> legacyRows,
                                        Predicate<UserModel> numberConfirmed,
                                        boolean legacyRowsTrusted) {
        List<Holder> holders = new ArrayList<>();
        // two trusted holders already make the number nobody's: no more are read (review A8: a placeholder number
        // on thousands of users)
        session.users().searchForUserByUserAttributeStream(realm, attribute, number)
                .filter(user -> number.equals(user.getFirstAttribute(attribute)))
                .map(user -> holder(user, numberConfirmed))
                .filter(holder -> holder.kind() == AccountKind.CITIZEN && holder.numberTrusted())
                .limit(2)
                .forEach(holders::add);
        for (LegacyUserStorage.LegacyAccountRef ref : legacyRows) {
            String id = LegacyUserStorage.userId(realm, ref);
            UserModel imported = session.users().getUserById(realm, id);
            if (imported != null) {
                // the Keycloak user is the truth once imported: it holds the number still, or it is no holder
                if (number.equals(imported.getFirstAttribute(attribute))) {
                    holders.add(holder(imported, numberConfirmed));
                }
                continue;
            }
            var row = ref.account();
            holders.add(new Holder(id, row.username(), row.kind(), legacyRowsTrusted && row.cccdVerified(),
                    Optional.of(ref)));
        }
        return holders;
    }

    private static Holder holder(UserModel user, Predicate<UserModel> numberConfirmed) {
        boolean verified = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED))
                && user.getFirstAttribute(UserAttributes.CCCD) != null
                && user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT) == null;
        return new Holder(user.getId(), user.getUsername(), AccountKind.ofUser(user::getFirstAttribute),
                verified && numberConfirmed.test(user));
    }
}
