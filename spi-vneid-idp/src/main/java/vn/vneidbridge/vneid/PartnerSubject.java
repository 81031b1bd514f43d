package vn.vneidbridge.vneid;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import vn.vneidbridge.core.crypto.KeyedDigest;

/**
 * The federated identity's user id of a partner-API login, which has no {@code sub}: {@code pid-} and 32 hex digits
 * (128 bits) of HMAC-SHA256 over the 12-digit id number, keyed with a secret of the realm (its HS512 key, which the
 * admin API never shows). The same construction as the usernames of users created from VNeID
 * ({@code VneidUsernames} in the legacy-account module, which this module cannot depend on) with its own context
 * string, so the two values differ and neither reveals the number: the 10^12 numbers cannot be tried without the key.
 */
final class PartnerSubject {

    static final String PREFIX = "pid-";
    private static final int BYTES = 16;
    private static final byte[] CONTEXT = "vneid-partner-subject\0".getBytes(StandardCharsets.US_ASCII);

    private PartnerSubject() {
    }

    static String of(byte[] key, String idNumber) {
        byte[] digest = KeyedDigest.of(key, CONTEXT, idNumber.getBytes(StandardCharsets.US_ASCII));
        return PREFIX + HexFormat.of().formatHex(digest, 0, BYTES);
    }
}
