package vn.vneidbridge.sandbox.legacy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The sandbox's own producer of legacy password hashes, in the encodings of the legacy database contract.
 *
 * <p>Deterministic: every salt is derived from a {@code saltSeed} (the username for personas), so seeding the
 * same rows twice writes the same hashes. That is fine for a sandbox and wrong for a real system.
 *
 * <p>PBKDF2 uses {@value #PBKDF2_ITERATIONS} iterations: real portals use more (OWASP advises 600,000 for
 * PBKDF2-HMAC-SHA256, many portals stayed at 10,000–210,000), but the count is read from the row, so a small one
 * keeps seeding and the tests fast and still exercises the column.
 */
public final class LegacyPasswordHasher {

    /** bcrypt cost factor (2^10 rounds), the common default of PHP and Spring. */
    public static final int BCRYPT_COST = 10;
    /** PBKDF2 iteration count written to {@code password_iterations}. */
    public static final int PBKDF2_ITERATIONS = 27_500;
    /** PBKDF2 derived-key length: 32 bytes (256 bits). */
    public static final int PBKDF2_KEY_BYTES = 32;
    /** PBKDF2 salt length: 16 bytes. */
    public static final int PBKDF2_SALT_BYTES = 16;

    private static final int BCRYPT_SALT_BYTES = 16;
    private static final int SHA256_SALT_BYTES = 8;

    private LegacyPasswordHasher() {
    }

    /**
     * Hashes {@code password} in {@code format}, with salts derived from {@code saltSeed}.
     *
     * @param format   the stored format
     * @param password the password, hashed as UTF-8
     * @param saltSeed any text; the same seed gives the same salt (ignored by {@link PasswordFormat#MD5})
     * @return the four {@code password_*} column values
     */
    public static StoredPassword hash(PasswordFormat format, String password, String saltSeed) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        switch (format) {
            case BCRYPT_2A:
                return bcrypt(BCrypt.Version.VERSION_2A, utf8, saltSeed);
            case BCRYPT_2B:
                return bcrypt(BCrypt.Version.VERSION_2B, utf8, saltSeed);
            case BCRYPT_2Y:
                return bcrypt(BCrypt.Version.VERSION_2Y, utf8, saltSeed);
            case PBKDF2_SHA256:
                return pbkdf2(password, saltBytes("pbkdf2", saltSeed, PBKDF2_SALT_BYTES));
            case SHA256_SALTED:
                String salt = HexFormat.of().formatHex(saltBytes("sha256", saltSeed, SHA256_SALT_BYTES));
                String hex = HexFormat.of().formatHex(digest("SHA-256", (salt + password).getBytes(StandardCharsets.UTF_8)));
                return new StoredPassword(format.algorithm(), hex, salt, null);
            case MD5:
                return new StoredPassword(format.algorithm(), HexFormat.of().formatHex(digest("MD5", utf8)), null, null);
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
    }

    private static StoredPassword bcrypt(BCrypt.Version version, byte[] password, String saltSeed) {
        byte[] salt = saltBytes("bcrypt", saltSeed, BCRYPT_SALT_BYTES);
        String hash = new String(BCrypt.with(version).hash(BCRYPT_COST, salt, password), StandardCharsets.US_ASCII);
        return new StoredPassword("bcrypt", hash, null, null);
    }

    private static StoredPassword pbkdf2(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, PBKDF2_ITERATIONS, PBKDF2_KEY_BYTES * 8);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return new StoredPassword(PasswordFormat.PBKDF2_SHA256.algorithm(), base64.encodeToString(key),
                    base64.encodeToString(salt), PBKDF2_ITERATIONS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** {@code length} bytes of SHA-256("vneid-bridge-sandbox/" + purpose + "/" + seed). */
    private static byte[] saltBytes(String purpose, String seed, int length) {
        String input = "vneid-bridge-sandbox/" + purpose + "/" + seed;
        return Arrays.copyOf(digest("SHA-256", input.getBytes(StandardCharsets.UTF_8)), length);
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
