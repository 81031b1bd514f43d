package vn.vneidbridge.certificate.remote;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Whether a remote signature is the certificate's key signing this login's challenge, with the scheme the adapter
 * is configured for: the key must be of the scheme's type (an RSA certificate never verifies as ECDSA, or the other
 * way round), and the signature must verify over the challenge rebuilt from the login's own notes.
 */
public final class RemoteSignatureCheck {

    private RemoteSignatureCheck() {
    }

    public static boolean verifies(LoginChallenge challenge, byte[] signature, X509Certificate leaf,
                                   SignatureScheme scheme) {
        if (challenge == null || signature == null || signature.length == 0 || leaf == null || scheme == null
                || !scheme.fits(leaf.getPublicKey())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(scheme.algorithm());
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(challenge.bytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
