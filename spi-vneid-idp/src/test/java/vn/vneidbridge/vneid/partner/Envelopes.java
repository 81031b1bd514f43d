package vn.vneidbridge.vneid.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts as VNeID's partner API does, for tests (the relying party never encrypts). */
final class Envelopes {

    /** Seeded, so every run draws the same keys: a wrong key's padding check passes by chance (1 in 256) either
     *  always or never, not now and then. */
    private static final SecureRandom RANDOM = seeded();

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(20261202L);
            return random;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Envelopes() {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] aesKey(int length) {
        byte[] key = new byte[length];
        RANDOM.nextBytes(key);
        return key;
    }

    /** base64(RSA/ECB/PKCS1Padding(plaintext)). */
    static String wrap(PublicKey key, byte[] plaintext) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key);
            return Base64.getEncoder().encodeToString(rsa.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as VNeID sends it: the base64 text of the AES key, wrapped. */
    static String wrapAsText(PublicKey key, byte[] aesKey) {
        return wrap(key, Base64.getEncoder().encodeToString(aesKey).getBytes(StandardCharsets.US_ASCII));
    }

    /** base64(AES(plaintext)) in the mode; CBC with a random IV first. */
    static String encrypt(byte[] aesKey, PartnerAesMode mode, String plaintext) {
        try {
            Cipher aes = Cipher.getInstance(mode.transformation());
            byte[] iv = new byte[0];
            if (mode == PartnerAesMode.CBC) {
                iv = aesKey(16);
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            } else {
                aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
            }
            byte[] ciphertext = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ciphertext.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The envelope {@code {"data","key"}} of {@code json}. */
    static String envelope(PublicKey key, PartnerAesMode mode, String json) {
        byte[] aesKey = aesKey(32);
        return "{\"data\":\"" + encrypt(aesKey, mode, json) + "\",\"key\":\"" + wrapAsText(key, aesKey) + "\"}";
    }
}
