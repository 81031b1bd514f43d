package vn.vneidbridge.sandbox.remotesigning;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a subscriber signs with: the key of a persona's PKCS#12 file and its chain, leaf first, as the file holds it.
 *
 * @param file  the persona file it was read from, e.g. {@code an.p12}
 * @param key   the leaf's private key
 * @param chain the leaf, its issuing CA and, when the file has it, the root
 */
record SigningIdentity(String file, PrivateKey key, List<X509Certificate> chain) {

    SigningIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file);
        }
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    /** The leaf's serial number as SmartCA writes it: lower-case hex. */
    String serialHex() {
        return leaf().getSerialNumber().toString(16);
    }

    /** The leaf's issuing CA (the chain's second certificate), or null when the file has none. */
    X509Certificate issuingCa() {
        return chain.size() > 1 ? chain.get(1) : null;
    }

    /** The chain's last certificate when it is not the issuing CA itself, else null. */
    X509Certificate root() {
        return chain.size() > 2 ? chain.get(chain.size() - 1) : null;
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "SigningIdentity[" + file + "]";
    }
}
