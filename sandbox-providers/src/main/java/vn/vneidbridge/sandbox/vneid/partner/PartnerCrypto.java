package vn.vneidbridge.sandbox.vneid.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stand-in VNeID's side of the partner API's encryption (section 3b of the domain facts): a fresh AES-256 key
 * per message, the key's base64 text encrypted to the relying party's RSA public key with RSA/ECB/PKCS1Padding,
 * the message encrypted with AES in the configured mode. Pure JDK, no state but the random source.
 */
final class PartnerCrypto {

    private static final String RSA = "RSA/ECB/PKCS1Padding";
    private static final int AES_KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    private final SecureRandom random;

    PartnerCrypto(SecureRandom random) {
        this.random = random;
    }

    /** The encrypted form of one message: both parts base64 (standard alphabet, padded). */
    record Sealed(String data, String key) {
    }

    Sealed seal(String plaintext, PublicKey recipient, AesMode mode) {
        byte[] aesKey = new byte[AES_KEY_BYTES];
        random.nextBytes(aesKey);
        try {
            Cipher aes = Cipher.getInstance(mode.transformation);
            byte[] iv = new byte[0];
            if (mode == AesMode.CBC) {
                iv = new byte[IV_BYTES];
                random.nextBytes(iv);
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            } else {
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
            }
            byte[] ciphertext = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] data = new byte[iv.length + ciphertext.length];
            System.arraycopy(iv, 0, data, 0, iv.length);
            System.arraycopy(ciphertext, 0, data, iv.length, ciphertext.length);

            Cipher rsa = Cipher.getInstance(RSA);
            rsa.init(Cipher.ENCRYPT_MODE, recipient);
            byte[] wrappedKey = rsa.doFinal(Base64.getEncoder().encodeToString(aesKey).getBytes(StandardCharsets.US_ASCII));
            return new Sealed(Base64.getEncoder().encodeToString(data), Base64.getEncoder().encodeToString(wrappedKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt to the relying party's key", e);
        }
    }

    /**
     * An RSA public key from a PEM {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo), as the relying party
     * publishes it; anything else is refused.
     */
    static RSAPublicKey publicKeyFromPem(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM");
        }
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM public key (BEGIN PUBLIC KEY)");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            return (RSAPublicKey) key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key", e);
        }
    }
}
