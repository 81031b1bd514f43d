package vn.vneidbridge.sandbox.legacy;

import java.util.Objects;

/**
 * A password as the legacy table stores it: the four {@code password_*} columns.
 *
 * @param algorithm  {@code password_algorithm}: {@code bcrypt}, {@code pbkdf2-sha256}, {@code sha256-salted}
 *                   or {@code md5}
 * @param hash       {@code password_hash}, encoded as the contract says for the algorithm
 * @param salt       {@code password_salt}: Base64 for pbkdf2-sha256, the text for sha256-salted, else null
 * @param iterations {@code password_iterations}: pbkdf2-sha256 only, else null
 */
public record StoredPassword(String algorithm, String hash, String salt, Integer iterations) {

    public StoredPassword {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hash, "hash");
    }

    /** Never shows the hash or the salt. */
    @Override
    public String toString() {
        return "StoredPassword[" + algorithm + (iterations == null ? "" : ", " + iterations + " iterations") + "]";
    }
}
