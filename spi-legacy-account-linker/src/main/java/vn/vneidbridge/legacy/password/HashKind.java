package vn.vneidbridge.legacy.password;

/**
 * One kind of password hash the portal-account login computes; the tag {@code kind} of the metric
 * {@code vneid_bridge_password_hash_work_total}.
 */
public enum HashKind {

    /** One hash with the realm's password hash provider at the realm's password policy (Argon2id by default). */
    REALM_POLICY("realm-policy"),
    /** A legacy row's bcrypt, at the row's cost. */
    BCRYPT("bcrypt"),
    /** A legacy row's PBKDF2-SHA256, at the row's iteration count. */
    PBKDF2_SHA256("pbkdf2-sha256"),
    /** A legacy row's salted SHA-256: one fast digest. */
    SHA256_SALTED("sha256-salted"),
    /** A legacy row's MD5: one fast digest. */
    MD5("md5"),
    /** A bcrypt of a fixed password at the dummy cost, standing in for a legacy row's slow hash. */
    LEGACY_DUMMY("legacy-dummy");

    private final String code;

    HashKind(String code) {
        this.code = code;
    }

    /** The metric tag value, e.g. {@code legacy-dummy}. */
    public String code() {
        return code;
    }

    /** Whether this is a slow legacy hash: a row's bcrypt or PBKDF2, or the dummy that stands in for one. */
    public boolean isSlowLegacy() {
        return this == BCRYPT || this == PBKDF2_SHA256 || this == LEGACY_DUMMY;
    }

    /** The kind of checking a password against a row of this algorithm. */
    public static HashKind of(LegacyPasswordAlgorithm algorithm) {
        return switch (algorithm) {
            case BCRYPT -> BCRYPT;
            case PBKDF2_SHA256 -> PBKDF2_SHA256;
            case SHA256_SALTED -> SHA256_SALTED;
            case MD5 -> MD5;
        };
    }
}
