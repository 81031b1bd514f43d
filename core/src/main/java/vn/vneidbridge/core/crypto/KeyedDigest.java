package vn.vneidbridge.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a message under a secret key, after a context label that keeps one use's digests apart from
 * another's under the same key (usernames of users created from VNeID, the partner API's subjects, bulk
 * pre-verification results): the one place the project computes a keyed digest of personal data.
 */
public final class KeyedDigest {

    /** The shortest key accepted: 128 bits. */
    public static final int MIN_KEY_BYTES = 16;

    private KeyedDigest() {
    }

    /** Refuses a key shorter than {@value #MIN_KEY_BYTES} bytes (or none). */
    public static void requireKey(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a key of at least 128 bits is needed");
        }
    }

    /** HMAC-SHA256(key, context ‖ message), 32 bytes. */
    public static byte[] of(byte[] key, byte[] context, byte[] message) {
        requireKey(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(context);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
