package vn.vneidbridge.legacy.password;

import java.util.Locale;
import java.util.Optional;

/** The values of the legacy {@code password_algorithm} column, as defined by the legacy database contract. */
public enum LegacyPasswordAlgorithm {

    /** Modular-crypt bcrypt, {@code $2a$}, {@code $2b$} or {@code $2y$}; salt and cost are in the hash. */
    BCRYPT("bcrypt"),
    /** PBKDF2WithHmacSHA256: Base64 derived key, Base64 salt, an iteration count. */
    PBKDF2_SHA256("pbkdf2-sha256"),
    /** Hex of SHA-256 over the UTF-8 of salt followed by password. */
    SHA256_SALTED("sha256-salted"),
    /** Hex of MD5 over the UTF-8 of the password: unsalted, see {@link #isWeak()}. */
    MD5("md5");

    private final String code;

    LegacyPasswordAlgorithm(String code) {
        this.code = code;
    }

    /** The column value, e.g. {@code pbkdf2-sha256}. */
    public String code() {
        return code;
    }

    /**
     * Whether the algorithm is an unsalted fast hash. Such hashes are accepted only to migrate the account
     * on its first login (the password is then stored again with Keycloak's policy), and every use is flagged
     * in the events.
     */
    public boolean isWeak() {
        return this == MD5;
    }

    /**
     * Whether checking a password against this algorithm costs a work factor (bcrypt's cost, PBKDF2's iteration
     * count), as opposed to one fast digest (salted SHA-256, MD5) that answers in microseconds.
     */
    public boolean isSlow() {
        return this == BCRYPT || this == PBKDF2_SHA256;
    }

    /**
     * The algorithm with this column value, ignoring surrounding whitespace and case.
     *
     * @param code the column value, may be null
     * @return the algorithm, or empty when {@code code} is null or unknown
     */
    public static Optional<LegacyPasswordAlgorithm> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (LegacyPasswordAlgorithm algorithm : values()) {
            if (algorithm.code.equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
