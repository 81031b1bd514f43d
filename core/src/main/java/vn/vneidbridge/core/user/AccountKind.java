package vn.vneidbridge.core.user;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Whether an account is a citizen's or an organisation's: the one place that tells them apart. Organisations
 * (the legacy portal's {@code ORGANISATION} accounts, or a user whose tax code is verified)
 * are identified by their tax code, never by a personal id number: they are no link candidate for a citizen's
 * VNeID login, the CCCD check does not ask them for one, and their cutoff date is their own.
 */
public enum AccountKind {
    CITIZEN,
    ORGANISATION;

    /**
     * @param legacyAccountType the account's {@link UserAttributes#LEGACY_ACCOUNT_TYPE} or the legacy row's type
     *                          (any case, surrounding spaces ignored); anything else, or none, is a citizen
     * @param taxCodeVerified   whether the account holds a verified tax code (an organisation created from VNeID
     *                          has no legacy type)
     */
    public static AccountKind of(String legacyAccountType, boolean taxCodeVerified) {
        if (taxCodeVerified) {
            return ORGANISATION;
        }
        if (legacyAccountType == null) {
            return CITIZEN;
        }
        // BUSINESS stays a person's: the legacy portals' household businesses (hộ kinh doanh) are run by their owner
        // under the owner's personal id; their cutoff date is the organisations' all the same (CutoffPolicy)
        return legacyAccountType.strip().toUpperCase(Locale.ROOT).equals("ORGANISATION") ? ORGANISATION : CITIZEN;
    }

    /**
     * The kind of a Keycloak user, from its attributes {@link UserAttributes#LEGACY_ACCOUNT_TYPE} and
     * {@link UserAttributes#TAX_CODE_VERIFIED}.
     *
     * @param firstAttribute the user's first value of an attribute ({@code user::getFirstAttribute})
     */
    public static AccountKind ofUser(UnaryOperator<String> firstAttribute) {
        return of(firstAttribute.apply(UserAttributes.LEGACY_ACCOUNT_TYPE),
                "true".equals(firstAttribute.apply(UserAttributes.TAX_CODE_VERIFIED)));
    }

    /** The kind of an account known by its legacy type alone. */
    public static AccountKind ofLegacyType(String legacyAccountType) {
        return of(legacyAccountType, false);
    }
}
