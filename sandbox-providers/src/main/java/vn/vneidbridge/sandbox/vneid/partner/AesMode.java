package vn.vneidbridge.sandbox.vneid.partner;

import java.util.Locale;

/**
 * The AES mode of the partner API's envelopes and encrypted codes: {@code ECB} (VNeID's sample code, the default)
 * or {@code CBC} with a random 16-byte IV written before the ciphertext (an integrator's earlier assumption).
 */
enum AesMode {
    ECB("AES/ECB/PKCS5Padding"),
    CBC("AES/CBC/PKCS5Padding");

    /** Client attribute of the relying party's client in realm vneid-sandbox. */
    static final String ATTRIBUTE = "partner.api.aes.mode";

    final String transformation;

    AesMode(String transformation) {
        this.transformation = transformation;
    }

    /** The configured mode; absent or blank means ECB, anything else unknown is refused (a misconfiguration). */
    static AesMode of(String configured) {
        if (configured == null || configured.isBlank()) {
            return ECB;
        }
        return valueOf(configured.trim().toUpperCase(Locale.ROOT));
    }
}
