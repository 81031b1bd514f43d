package vn.vneidbridge.legacy.password;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The password columns of one legacy row, checked for form only (see {@link LegacyPasswordVerifier} for the
 * check against a password).
 *
 * <p>Every instance is well formed: the constructor refuses what {@link #parse} reports as a problem. Surrounding
 * whitespace of the hash and of a Base64 salt is dropped; a {@code sha256-salted} salt is kept exactly. Columns
 * the algorithm does not use (the salt of {@code bcrypt} and {@code md5}, the iterations of all but
 * {@code pbkdf2-sha256}) are ignored and read as null. {@link #toString()} masks the hash and the salt.
 *
 * @param algorithm  the algorithm
 * @param hash       the stored hash; a secret: keep it out of logs and events
 * @param salt       {@code pbkdf2-sha256}: Base64 of the salt bytes; {@code sha256-salted}: the salt text
 *                   (may be empty); otherwise null
 * @param iterations {@code pbkdf2-sha256}: the iteration count; otherwise null
 */
public record LegacyPasswordHash(LegacyPasswordAlgorithm algorithm, String hash, String salt, Integer iterations) {

    /** Fewest PBKDF2 iterations accepted, as the contract says. */
    public static final int MIN_PBKDF2_ITERATIONS = 1_000;
    /** Most PBKDF2 iterations accepted, so that one row cannot stall a login thread. */
    public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;
    /** Shortest PBKDF2 derived key accepted, in bytes. */
    public static final int MIN_PBKDF2_KEY_BYTES = 16;
    /** Longest hash accepted, in characters: the width of the {@code password_hash} column. */
    public static final int MAX_HASH_LENGTH = 255;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-fA-F]{32}");

    /**
     * Normalises as described above and checks the form.
     *
     * @throws IllegalArgumentException with the {@linkplain Problem#code() problem code} as message
     */
    public LegacyPasswordHash {
        Objects.requireNonNull(algorithm, "algorithm");
        hash = hash == null ? null : hash.strip();
        salt = saltFor(algorithm, salt);
        iterations = algorithm == LegacyPasswordAlgorithm.PBKDF2_SHA256 ? iterations : null;
        Problem problem = check(algorithm, hash, salt, iterations);
        if (problem != null) {
            throw new IllegalArgumentException(problem.code());
        }
    }

    /**
     * Checks the password columns of a legacy row. Never throws, whatever the input.
     *
     * @param algorithmCode {@code password_algorithm}, may be null
     * @param hash          {@code password_hash}, may be null
     * @param salt          {@code password_salt}, may be null
     * @param iterations    {@code password_iterations}, may be null
     * @return the hash, or the first problem found
     */
    public static Parsed parse(String algorithmCode, String hash, String salt, Integer iterations) {
        LegacyPasswordAlgorithm algorithm = LegacyPasswordAlgorithm.fromCode(algorithmCode).orElse(null);
        if (algorithm == null) {
            return new Parsed(null, Problem.UNKNOWN_ALGORITHM);
        }
        String strippedHash = hash == null ? null : hash.strip();
        String usedSalt = saltFor(algorithm, salt);
        Integer usedIterations = algorithm == LegacyPasswordAlgorithm.PBKDF2_SHA256 ? iterations : null;
        Problem problem = check(algorithm, strippedHash, usedSalt, usedIterations);
        return problem == null
                ? new Parsed(new LegacyPasswordHash(algorithm, strippedHash, usedSalt, usedIterations), null)
                : new Parsed(null, problem);
    }

    private static String saltFor(LegacyPasswordAlgorithm algorithm, String salt) {
        return switch (algorithm) {
            case PBKDF2_SHA256 -> salt == null ? null : salt.strip();
            case SHA256_SALTED -> salt;
            case BCRYPT, MD5 -> null;
        };
    }

    private static Problem check(LegacyPasswordAlgorithm algorithm, String hash, String salt, Integer iterations) {
        if (hash == null || hash.isEmpty() || hash.length() > MAX_HASH_LENGTH) {
            return Problem.MALFORMED_HASH;
        }
        return switch (algorithm) {
            case BCRYPT -> BCRYPT.matcher(hash).matches() ? null : Problem.MALFORMED_HASH;
            case PBKDF2_SHA256 -> checkPbkdf2(hash, salt, iterations);
            case SHA256_SALTED -> !HEX_64.matcher(hash).matches() ? Problem.MALFORMED_HASH
                    : salt == null ? Problem.MALFORMED_SALT : null;
            case MD5 -> HEX_32.matcher(hash).matches() ? null : Problem.MALFORMED_HASH;
        };
    }

    private static Problem checkPbkdf2(String hash, String salt, Integer iterations) {
        if (decodedLength(hash) < MIN_PBKDF2_KEY_BYTES) {
            return Problem.MALFORMED_HASH;
        }
        if (salt == null || decodedLength(salt) < 1) {
            return Problem.MALFORMED_SALT;
        }
        return iterations == null || iterations < MIN_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS
                ? Problem.BAD_ITERATIONS
                : null;
    }

    /** Decoded length of standard Base64 (padding optional), or -1 when it is not Base64. */
    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The algorithm, with hash and salt masked, e.g. {@code LegacyPasswordHash[md5, hash=***, salt=null]}. */
    @Override
    public String toString() {
        return "LegacyPasswordHash[" + algorithm.code() + ", hash=***, salt=" + (salt == null ? "null" : "***")
                + (iterations == null ? "" : ", iterations=" + iterations) + "]";
    }

    /** Why the password columns of a row cannot be used; the code is stable, for an event detail. */
    public enum Problem {
        /** {@code password_algorithm} is missing or not one of the contract's values. */
        UNKNOWN_ALGORITHM("unknown-algorithm"),
        /** {@code password_hash} is missing or not in the algorithm's encoding (or a PBKDF2 key is too short). */
        MALFORMED_HASH("malformed-hash"),
        /** {@code password_salt} is missing, or (PBKDF2) not Base64 or empty. */
        MALFORMED_SALT("malformed-salt"),
        /** {@code password_iterations} is missing or outside 1,000–10,000,000 (PBKDF2). */
        BAD_ITERATIONS("bad-iterations");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        /** The stable kebab-case code, e.g. {@code malformed-hash}. */
        public String code() {
            return code;
        }
    }

    /** The outcome of {@link #parse}: a hash, or exactly one problem. */
    public static final class Parsed {

        private final LegacyPasswordHash hash;
        private final Problem problem;

        private Parsed(LegacyPasswordHash hash, Problem problem) {
            this.hash = hash;
            this.problem = problem;
        }

        /** Whether the row's password columns are usable. */
        public boolean isValid() {
            return hash != null;
        }

        /** The hash, present exactly when {@link #isValid()}. */
        public Optional<LegacyPasswordHash> hash() {
            return Optional.ofNullable(hash);
        }

        /** The problem, present exactly when not {@link #isValid()}. */
        public Optional<Problem> problem() {
            return Optional.ofNullable(problem);
        }

        @Override
        public String toString() {
            return isValid() ? "valid " + hash : "invalid " + problem.code();
        }
    }
}
