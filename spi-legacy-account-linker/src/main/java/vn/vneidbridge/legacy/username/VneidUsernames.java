package vn.vneidbridge.legacy.username;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import vn.vneidbridge.core.crypto.KeyedDigest;

/**
 * The username of a user created from VNeID: {@code vneid-} and 20 hex digits (80 bits) of HMAC-SHA256 over the
 * id number, keyed with a secret of the realm. Not the number, and not reversible to it: the 10^12 possible
 * numbers cannot be tried without the key (a plain hash could be, in minutes). The same number always gives the
 * same username in one realm, so two first logins of one citizen racing on two nodes still collide on Keycloak's
 * unique username, as they did when the username was the number.
 */
public final class VneidUsernames {

    public static final String PREFIX = "vneid-";
    /** What {@link #of} makes: the prefix and 20 lowercase hex digits. */
    public static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("vneid-[0-9a-f]{20}");
    private static final int BYTES = 10;
    private static final byte[] CONTEXT = "vneid-username\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;

    public VneidUsernames(byte[] key) {
        KeyedDigest.requireKey(key);
        this.key = key.clone();
    }

    /** The username for this id number (the number as VNeID gave it, digits only). */
    public String of(String idNumber) {
        if (idNumber == null || idNumber.isEmpty()) {
            throw new IllegalArgumentException("no id number");
        }
        byte[] digest = KeyedDigest.of(key, CONTEXT, idNumber.getBytes(StandardCharsets.US_ASCII));
        return PREFIX + HexFormat.of().formatHex(digest, 0, BYTES);
    }
}
