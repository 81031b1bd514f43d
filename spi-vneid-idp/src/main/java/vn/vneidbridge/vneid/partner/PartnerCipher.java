package vn.vneidbridge.vneid.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts what VNeID's partner API encrypts to the relying party: an AES key wrapped with the relying party's
 * RSA public key (RSA/ECB/PKCS1Padding, base64), and a payload encrypted with that AES key in the configured
 * {@link PartnerAesMode} (base64). The RSA plaintext may be the raw 16/24/32 key bytes or the base64 text of them.
 *
 * <p><b>No padding oracle.</b> The wrapped key of an authorization response comes from the query string, so an
 * attacker chooses it. PKCS#1 v1.5 decryption that answers differently for bad padding is Bleichenbacher's oracle.
 * This class uses <em>implicit rejection</em>: when RSA decryption fails, or gives something that is no AES key,
 * it goes on with a pseudo-random AES key derived from the private key and the wrapped key (HMAC-SHA256), so the
 * AES step fails (or yields garbage that VNeID's token endpoint refuses) exactly as with a wrong key. Every failure
 * is one {@link PartnerDecryption.Refused#UNREADABLE}, whatever the layer.
 *
 * <p>Keys are tried in order (the realm's active key first, then the other enabled ones, so a rotated key still
 * decrypts what was encrypted to it); every key is tried even after a success would be known, never fewer.
 */
public final class PartnerCipher {

    private static final byte[] REJECTION_CONTEXT = "vneid-partner-implicit-rejection\0"
            .getBytes(StandardCharsets.US_ASCII);

    private final List<PrivateKey> keys;
    private final PartnerAesMode mode;
    private final PartnerDecryptionListener listener;

    /**
     * @param keys the RSA private keys to try, the active one first; may be empty (then nothing decrypts)
     * @param mode the AES mode of the payloads
     */
    public PartnerCipher(List<PrivateKey> keys, PartnerAesMode mode) {
        this(keys, mode, PartnerDecryptionListener.NONE);
    }

    /** @param listener told the time of each {@link #decrypt(PartnerPayload, String, String)} */
    public PartnerCipher(List<PrivateKey> keys, PartnerAesMode mode, PartnerDecryptionListener listener) {
        this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        this.mode = Objects.requireNonNull(mode, "mode");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * {@link #decrypt(String, String)} of a token or userinfo envelope, its time told to the listener as a decryption
     * of {@code what} whatever its outcome: the envelopes come from VNeID's own endpoints over TLS. A code is timed by
     * {@link PartnerAnswers#code} through {@link #told}, and only once it decrypted to a code.
     */
    public PartnerDecryption decrypt(PartnerPayload what, String wrappedKey, String data) {
        long start = System.nanoTime();
        PartnerDecryption result = decrypt(wrappedKey, data);
        told(what, System.nanoTime() - start);
        return result;
    }

    /**
     * Tells the listener one decryption's time; a listener that throws changes nothing (metrics never change a
     * login). The {@code encrypt_key} of a code comes from the callback's query, chosen by whoever sends it: the time
     * of each failure on {@code /metrics} would be a clean timing oracle on realm dvc's RSA key (a bad padding and a
     * good padding without an AES key inside are not quite the same work), so a failed code is never told.
     */
    void told(PartnerPayload what, long nanos) {
        try {
            listener.decrypted(what, nanos);
        } catch (RuntimeException e) {
            // metrics never change a login
        }
    }

    /**
     * @param wrappedKey the base64 RSA ciphertext of the AES key (may be null or junk)
     * @param data       the base64 AES ciphertext (may be null or junk)
     */
    public PartnerDecryption decrypt(String wrappedKey, String data) {
        if (keys.isEmpty()) {
            return new PartnerDecryption.Refused(PartnerDecryption.Refused.NO_KEY);
        }
        byte[] wrapped = base64(wrappedKey);
        byte[] ciphertext = base64(data);
        byte[] plaintext = null;
        for (PrivateKey key : keys) {
            byte[] aesKey = unwrap(key, wrapped);
            byte[] candidate = aes(aesKey, ciphertext);
            if (plaintext == null && candidate != null) {
                plaintext = candidate;
            }
        }
        return plaintext == null ? new PartnerDecryption.Refused(PartnerDecryption.Refused.UNREADABLE)
                : new PartnerDecryption.Decrypted(plaintext);
    }

    /** The AES key: the RSA plaintext when it is one, else the implicit-rejection key. Never null, never throws. */
    private byte[] unwrap(PrivateKey key, byte[] wrapped) {
        byte[] rejection = rejectionKey(key, wrapped);
        byte[] plain = null;
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.DECRYPT_MODE, key);
            plain = rsa.doFinal(wrapped);
        } catch (GeneralSecurityException | RuntimeException e) {
            // implicit rejection: no exception, no early return, no log of which step failed
        }
        return plain == null ? rejection : aesKey(plain).orElse(rejection);
    }

    /**
     * The AES key in an RSA plaintext: the base64 text of 16/24/32 bytes (what VNeID sends), else raw 16/24/32
     * bytes. Base64 first: a random raw key that happens to be base64 text of a key length is vanishingly rare.
     */
    static Optional<byte[]> aesKey(byte[] plain) {
        String text = new String(plain, StandardCharsets.ISO_8859_1).strip();
        if (!text.isEmpty() && text.chars().allMatch(PartnerCipher::isBase64Char)) {
            try {
                byte[] decoded = Base64.getDecoder().decode(text);
                if (isAesKeyLength(decoded.length)) {
                    return Optional.of(decoded);
                }
            } catch (IllegalArgumentException e) {
                // not base64 after all: maybe raw bytes
            }
        }
        return isAesKeyLength(plain.length) ? Optional.of(plain.clone()) : Optional.empty();
    }

    private static boolean isBase64Char(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '+' || c == '/' || c == '=';
    }

    private static boolean isAesKeyLength(int length) {
        return length == 16 || length == 24 || length == 32;
    }

    /** HMAC-SHA256 keyed with a digest of the private key, over the wrapped key: a stable pseudo-random AES key. */
    private static byte[] rejectionKey(PrivateKey key, byte[] wrapped) {
        try {
            byte[] encoded = key.getEncoded();
            byte[] secret = MessageDigest.getInstance("SHA-256").digest(encoded == null ? new byte[0] : encoded);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(REJECTION_CONTEXT);
            return mac.doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 and SHA-256 are part of every JDK", e);
        }
    }

    /** The AES plaintext, or null when it does not decrypt (wrong key, bad padding, bad length, no IV). */
    private byte[] aes(byte[] key, byte[] ciphertext) {
        if (ciphertext.length == 0) {
            return null;
        }
        try {
            Cipher aes = Cipher.getInstance(mode.transformation());
            SecretKeySpec secret = new SecretKeySpec(key, "AES");
            if (mode == PartnerAesMode.CBC) {
                if (ciphertext.length <= PartnerAesMode.IV_LENGTH) {
                    return null;
                }
                aes.init(Cipher.DECRYPT_MODE, secret, new IvParameterSpec(ciphertext, 0, PartnerAesMode.IV_LENGTH));
                return aes.doFinal(ciphertext, PartnerAesMode.IV_LENGTH,
                        ciphertext.length - PartnerAesMode.IV_LENGTH);
            }
            aes.init(Cipher.DECRYPT_MODE, secret);
            return aes.doFinal(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Standard base64 (line breaks and surrounding blanks tolerated); junk gives an empty array. */
    static byte[] base64(String text) {
        if (text == null) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(text.strip().replace("\r", "").replace("\n", ""));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
