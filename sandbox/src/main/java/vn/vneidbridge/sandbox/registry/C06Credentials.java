package vn.vneidbridge.sandbox.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The user and secret a calling unit signs its C06 requests with:
 * {@code Authorization: Basic base64(user ":" hex(sha256(url + user + timestamp + secret)))}, where {@code url} is
 * the endpoint URL exactly as called and {@code timestamp} the {@code Timestamp} header ({@code yyyyMMddHHmmss},
 * Asia/Ho_Chi_Minh).
 *
 * @param user   the unit's user name; no {@code :}
 * @param secret the shared secret
 */
public record C06Credentials(String user, String secret) {

    /** The time zone of the {@code Timestamp} header. */
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withZone(TIME_ZONE);

    public C06Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
        if (user.isBlank() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the C06 user must be non-blank and without ':'");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the C06 secret is empty");
        }
    }

    /** The {@code Timestamp} header for an instant: {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The {@code Authorization} header value for a call of {@code url} with this {@code timestamp}. */
    public String authorization(String url, String timestamp) {
        String credentials = user + ":" + signature(url, timestamp);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code authorization} is this user's signature of {@code url} and {@code timestamp}. Hex case does
     * not matter; the comparison takes the same time wherever the signatures differ. Null arguments are refused.
     */
    public boolean accepts(String authorization, String url, String timestamp) {
        if (authorization == null || url == null || timestamp == null
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(bytes(decoded.substring(0, colon)), bytes(user));
        boolean signatureMatches = MessageDigest.isEqual(
                bytes(decoded.substring(colon + 1).toLowerCase(Locale.ROOT)), bytes(signature(url, timestamp)));
        return userMatches & signatureMatches;
    }

    /** {@code hex(sha256(url + user + timestamp + secret))}, lower case. */
    String signature(String url, String timestamp) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(bytes(url + user + timestamp + secret)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The user only; never the secret. */
    @Override
    public String toString() {
        return "C06Credentials[user=" + user + "]";
    }
}
