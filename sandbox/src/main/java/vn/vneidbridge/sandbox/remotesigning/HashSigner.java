package vn.vneidbridge.sandbox.remotesigning;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.HexFormat;

/**
 * What the phone does with a hash: a PKCS#1 v1.5 signature of {@code DigestInfo(SHA-256, hash)} by the raw RSA
 * operation ({@code NONEwithRSA}), which is exactly what {@code SHA256withRSA} over the bytes the hash was taken of
 * gives (VNPT SmartCA's hash signing, by its samples; the adapter's {@code rsa-pkcs1-sha256} scheme).
 */
final class HashSigner {

    /** The DER of {@code DigestInfo} for SHA-256 up to the digest itself (RFC 8017, section 9.2, note 1). */
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    private static final byte[] OTHER = "VNeID Bridge sandbox: not the hash the service provider sent"
            .getBytes(StandardCharsets.US_ASCII);

    private HashSigner() {
    }

    /** The signature of a 32-byte SHA-256 {@code hash}. */
    static byte[] sign(PrivateKey key, byte[] hash) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes");
        }
        try {
            Signature signature = Signature.getInstance("NONEwithRSA");
            signature.initSign(key);
            signature.update(SHA256_DIGEST_INFO);
            signature.update(hash);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the phone could not sign", e);
        }
    }

    /** Another SHA-256 than {@code hash}, derived from it: what {@link Misbehaviour#SIGN_OTHER_HASH} signs. */
    static byte[] otherHash(byte[] hash) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(OTHER);
            return digest.digest(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256", e);
        }
    }
}
