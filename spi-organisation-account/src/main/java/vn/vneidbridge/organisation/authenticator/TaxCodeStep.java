package vn.vneidbridge.organisation.authenticator;

import vn.vneidbridge.core.user.AccountKind;

/**
 * Whether the tax-code step asks an account for its tax code, and whether "Bỏ qua" is offered: pure functions of
 * where the account stands, so the rules are unit-tested without Keycloak.
 */
enum TaxCodeStep {
    /** A citizen's account, an administrator's, or an organisation whose code is matched or verified: nothing to ask. */
    PASS,
    /** An organisation's account without a tax code the registry matched or VNeID verified: the form. */
    ASK;

    static TaxCodeStep decide(AccountKind kind, boolean taxCodeKnown, boolean administrator) {
        return kind == AccountKind.ORGANISATION && !taxCodeKnown && !administrator ? ASK : PASS;
    }

    /** "Bỏ qua" while the setting allows it, never in the cutoff's link-only mode (the way on is VNeID). */
    static boolean skipAllowed(boolean allowSkipSetting, boolean linkOnly) {
        return allowSkipSetting && !linkOnly;
    }
}
