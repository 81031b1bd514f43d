package vn.vneidbridge.vneid.partner;

import java.util.Locale;
import java.util.Optional;

/**
 * How VNeID's partner API encrypts with the AES key it sends: {@link #ECB} (its sample code, the default) or
 * {@link #CBC} with a random IV as the first 16 bytes of the ciphertext. Both with PKCS#5 padding.
 */
public enum PartnerAesMode {
    ECB("AES/ECB/PKCS5Padding"),
    CBC("AES/CBC/PKCS5Padding");

    /** Length of the IV that precedes the ciphertext in {@link #CBC}. */
    static final int IV_LENGTH = 16;

    private final String transformation;

    PartnerAesMode(String transformation) {
        this.transformation = transformation;
    }

    String transformation() {
        return transformation;
    }

    /** {@code ECB}/{@code CBC} in any case; anything else, null included, is empty. */
    public static Optional<PartnerAesMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT);
        for (PartnerAesMode mode : values()) {
            if (mode.name().equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
