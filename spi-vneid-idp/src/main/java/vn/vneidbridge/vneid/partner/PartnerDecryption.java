package vn.vneidbridge.vneid.partner;

import java.util.Objects;

/** The outcome of decrypting something VNeID's partner API sent: the plaintext, or a refusal. */
public sealed interface PartnerDecryption {

    /** The plaintext bytes. */
    record Decrypted(byte[] plaintext) implements PartnerDecryption {
        public Decrypted {
            Objects.requireNonNull(plaintext, "plaintext");
        }
    }

    /**
     * Nothing usable.
     *
     * @param reason a short machine-readable reason for events ({@link #UNREADABLE}, {@link #NOT_AN_ENVELOPE},
     *               ...): it never tells which layer of the cryptography failed (RSA, key, AES, base64), so it can
     *               be no padding oracle, and it holds no personal data
     */
    record Refused(String reason) implements PartnerDecryption {
        /** Any failure of the cryptography, whatever layer. */
        public static final String UNREADABLE = "unreadable";
        /** The body is not the JSON object {@code {"data","key"}}. */
        public static final String NOT_AN_ENVELOPE = "not_an_envelope";
        /** The realm has no RSA1_5 encryption key. */
        public static final String NO_KEY = "no_key";

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
