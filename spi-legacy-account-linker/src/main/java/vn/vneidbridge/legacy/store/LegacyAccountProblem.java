package vn.vneidbridge.legacy.store;

/**
 * Why a legacy row was skipped. The code goes into the admin event ({@code legacy_account_invalid}) so an
 * operator can fix the row; it never carries the row's personal data or password hash.
 */
public enum LegacyAccountProblem {
    MISSING_LEGACY_ID("missing-legacy-id"),
    MISSING_USERNAME("missing-username"),
    DUPLICATE_USERNAME("duplicate-username"),
    UNKNOWN_PASSWORD_ALGORITHM("unknown-password-algorithm"),
    MALFORMED_PASSWORD_HASH("malformed-password-hash"),
    MALFORMED_PASSWORD_SALT("malformed-password-salt"),
    BAD_PASSWORD_ITERATIONS("bad-password-iterations"),
    MALFORMED_CCCD("malformed-cccd"),
    MALFORMED_CMND("malformed-cmnd"),
    UNKNOWN_ACCOUNT_TYPE("unknown-account-type"),
    UNKNOWN_STATUS("unknown-status");

    private final String code;

    LegacyAccountProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
