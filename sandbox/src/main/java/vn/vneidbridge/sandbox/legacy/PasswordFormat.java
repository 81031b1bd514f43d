package vn.vneidbridge.sandbox.legacy;

/**
 * The stored-password formats the sandbox writes: each {@code password_algorithm} of the contract, and for
 * bcrypt each of its three modular-crypt prefixes, so that every variant a real portal may hold is exercised.
 */
public enum PasswordFormat {
    /** bcrypt, {@code $2a$} prefix (Spring Security, older PHP). */
    BCRYPT_2A("bcrypt"),
    /** bcrypt, {@code $2b$} prefix (OpenBSD, Node.js). */
    BCRYPT_2B("bcrypt"),
    /** bcrypt, {@code $2y$} prefix (PHP {@code password_hash}). */
    BCRYPT_2Y("bcrypt"),
    /** PBKDF2 with HMAC-SHA-256, Base64 key and salt, iteration count in its own column. */
    PBKDF2_SHA256("pbkdf2-sha256"),
    /** Lower-case hex of SHA-256(salt + password), salt as text. */
    SHA256_SALTED("sha256-salted"),
    /** Lower-case hex of MD5(password): weak, accepted and flagged by VNeID Bridge. */
    MD5("md5");

    private final String algorithm;

    PasswordFormat(String algorithm) {
        this.algorithm = algorithm;
    }

    /** The value of the {@code password_algorithm} column, e.g. {@code "pbkdf2-sha256"}. */
    public String algorithm() {
        return algorithm;
    }
}
