package vn.vneidbridge.legacy.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a password against a {@link LegacyPasswordHash}. Stateless and thread-safe.
 *
 * <p>Passwords are used as typed, encoded in UTF-8 (no Unicode normalisation: the legacy portal hashed the bytes
 * it received). Digests are compared in constant time. A password longer than {@value #MAX_PASSWORD_LENGTH}
 * characters is refused before any hashing, so a huge input cannot be used to load PBKDF2 or bcrypt.
 *
 * <p>bcrypt only uses the first 72 bytes of the UTF-8 password. Longer passwords are truncated to 72 bytes (the
 * library's {@code truncate} strategy), which is what OpenBSD, PHP and jBCrypt did when the legacy hashes were
 * made; the library's default strategy would refuse such passwords instead, locking their owners out.
 */
public final class LegacyPasswordVerifier {

    /** Longest password checked, in UTF-16 characters; longer ones never match. */
    public static final int MAX_PASSWORD_LENGTH = 1_024;

    /** Version taken from each hash ($2a$, $2b$, $2y$ alike); 72 bytes is the limit of all three. */
    private static final BCrypt.Verifyer BCRYPT =
            BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    /**
     * Whether {@code password} is the one {@code hash} was made from.
     *
     * @param hash     the legacy hash, not null
     * @param password the password typed, may be null
     * @return false for a null or empty password, or one longer than {@value #MAX_PASSWORD_LENGTH} characters
     * @throws IllegalStateException when the JDK lacks the algorithm (e.g. MD5 in a FIPS-only JDK)
     */
    public boolean matches(LegacyPasswordHash hash, String password) {
        Objects.requireNonNull(hash, "hash");
        if (!hashes(password)) {
            return false;
        }
        return switch (hash.algorithm()) {
            case BCRYPT -> matchesBcrypt(hash.hash(), password);
            case PBKDF2_SHA256 -> {
                byte[] expected = Base64.getDecoder().decode(hash.hash());
                byte[] salt = Base64.getDecoder().decode(hash.salt());
                yield MessageDigest.isEqual(pbkdf2(password, salt, hash.iterations(), expected.length), expected);
            }
            case SHA256_SALTED -> digestEquals("SHA-256", hash.salt() + password, hash.hash());
            case MD5 -> digestEquals("MD5", password, hash.hash());
        };
    }

    /**
     * Whether {@link #matches} hashes this password at all: it refuses a null or empty password, or one longer than
     * {@value #MAX_PASSWORD_LENGTH} characters, without hashing.
     */
    public static boolean hashes(String password) {
        return password != null && !password.isEmpty() && password.length() <= MAX_PASSWORD_LENGTH;
    }

    private static boolean matchesBcrypt(String hash, String password) {
        char[] chars = password.toCharArray();
        try {
            return BCRYPT.verify(chars, hash).verified;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static boolean digestEquals(String algorithm, String text, String hexHash) {
        byte[] expected = HexFormat.of().parseHex(hexHash);
        try {
            byte[] actual = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(actual, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** PBKDF2WithHmacSHA256 of the UTF-8 password; no bounds checked here (the hash has been parsed). */
    static byte[] pbkdf2(String password, byte[] salt, int iterations, int keyBytes) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
