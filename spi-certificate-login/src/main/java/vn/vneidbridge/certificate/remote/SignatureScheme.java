package vn.vneidbridge.certificate.remote;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a remote-signing provider signs the challenge's hash, as its adapter is configured (never as an answer says):
 * the JDK's algorithm that verifies it over the challenge's bytes, and the key type it needs.
 */
public enum SignatureScheme {
    /** PKCS#1 v1.5 over SHA-256 (VNPT SmartCA's hash signing, by its samples). */
    RSA_PKCS1_SHA256("rsa-pkcs1-sha256", "SHA256withRSA", RSAPublicKey.class),
    /** ECDSA P-256 or larger over SHA-256. */
    ECDSA_SHA256("ecdsa-sha256", "SHA256withECDSA", ECPublicKey.class);

    private final String setting;
    private final String algorithm;
    private final Class<? extends PublicKey> keyType;

    SignatureScheme(String setting, String algorithm, Class<? extends PublicKey> keyType) {
        this.setting = setting;
        this.algorithm = algorithm;
        this.keyType = keyType;
    }

    /** The scheme an adapter's setting names, in any case; empty for any other name. */
    public static Optional<SignatureScheme> named(String setting) {
        String wanted = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scheme -> scheme.setting.equals(wanted)).findFirst();
    }

    public String setting() {
        return setting;
    }

    String algorithm() {
        return algorithm;
    }

    boolean fits(PublicKey key) {
        return keyType.isInstance(key);
    }
}
