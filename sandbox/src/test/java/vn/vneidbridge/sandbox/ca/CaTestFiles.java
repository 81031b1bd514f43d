package vn.vneidbridge.sandbox.ca;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the CA tests do with its files: open a persona's PKCS#12 file, validate its chain as a relying party does. */
final class CaTestFiles {

    private CaTestFiles() {
    }

    static KeyStore open(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    /** The chain of a persona's PKCS#12 file, opened with the PIN. */
    static List<X509Certificate> chain(Path file) throws Exception {
        return Arrays.stream(open(file, SandboxCertificateAuthority.PIN).getCertificateChain("sandbox"))
                .map(X509Certificate.class::cast).toList();
    }

    /**
     * PKIX validation of a persona's chain to {@code anchor}, the revocation of every certificate of the path (not
     * the leaf only) read from {@code crls} and nowhere else: a missing CRL is "status unknown".
     */
    static void validate(Path file, X509Certificate anchor, Collection<X509CRL> crls) throws Exception {
        List<X509Certificate> chain = chain(file);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(revocation);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(
                chain.subList(0, chain.size() - 1)), parameters);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
