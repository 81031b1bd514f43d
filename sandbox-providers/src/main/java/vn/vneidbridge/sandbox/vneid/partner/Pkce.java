package vn.vneidbridge.sandbox.vneid.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE (RFC 7636) as the face honours it: S256 or plain, verifier of 43-128 unreserved characters. */
final class Pkce {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    /** Whether an authorization request's method is one the face accepts (absent means plain, as the RFC says). */
    static boolean supportedMethod(String method) {
        return method == null || method.isEmpty() || "S256".equals(method) || "plain".equals(method);
    }

    /** A verifier's S256 challenge (base64url without padding of its SHA-256). */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a token request's verifier answers the challenge stored with the code; with no challenge stored
     * (PKCE not used) a verifier is not needed, and one sent anyway is refused (a downgrade or a mix-up).
     */
    static boolean verifies(String challenge, String method, String verifier) {
        if (challenge == null || challenge.isEmpty()) {
            return verifier == null || verifier.isEmpty();
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        String expected = "S256".equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
