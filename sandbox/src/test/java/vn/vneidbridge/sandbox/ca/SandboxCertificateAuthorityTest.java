package vn.vneidbridge.sandbox.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxCertificateAuthorityTest {

    private static final URI CRL = URI.create("http://localhost:8084" + SandboxCertificateAuthority.CRL_PATH);

    private Path dir;
    private SandboxCertificateAuthority ca;

    @BeforeAll
    void generate() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("certificates");
        ca = SandboxCertificateAuthority.generate(dir, CRL, Clock.systemUTC());
    }

    @AfterAll
    void deleteFiles() throws Exception {
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }

    /** The chain of a persona's PKCS#12 file, opened with the PIN. */
    private List<X509Certificate> chain(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ca.file(file))) {
            store.load(in, SandboxCertificateAuthority.PIN.toCharArray());
        }
        assertThat(store.getKey("sandbox", SandboxCertificateAuthority.PIN.toCharArray())).as("the private key")
                .isNotNull();
        return Arrays.stream(store.getCertificateChain("sandbox")).map(X509Certificate.class::cast).toList();
    }

    /** PKIX validation of a persona's certificate to {@code anchor}, its revocation read from the sandbox CA's CRL. */
    private void validate(String file, X509Certificate anchor) throws Exception {
        List<X509Certificate> chain = chain(file);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
        parameters.addCertPathChecker(revocation);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(
                List.of(crlFromFile()))));
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0,
                chain.size() - 1)), parameters);
    }

    private X509CRL crlFromFile() throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("sandbox-ca.crl"))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    @Nested
    class GivenAnsCertificate {

        @Test
        void thenItChainsToTheRootAndIsNotRevoked() throws Exception {
            List<X509Certificate> chain = chain("an.p12");
            assertThat(chain).hasSize(3);
            assertThat(chain.get(2)).isEqualTo(ca.root());
            validate("an.p12", ca.root());
        }

        @Test
        void thenItsSubjectNamesHimByTheUidAndSaysItIsATestCertificate() throws Exception {
            String subject = chain("an.p12").get(0).getSubjectX500Principal().getName(X500Principal.RFC2253);
            assertThat(subject).contains("UID=CCCD:001090001234").contains(SandboxCertificateAuthority.TEST_MARK);
            assertThat(ca.root().getSubjectX500Principal().getName()).contains("TEST CA");
        }

        @Test
        void thenItIsForSigningAndNamesTheCrl() throws Exception {
            X509Certificate leaf = chain("an.p12").get(0);
            assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
            assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
            assertThat(new String(leaf.getExtensionValue("2.5.29.31"), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains(CRL.toString());
        }
    }

    @Nested
    class GivenTheCertificatesThatMustBeRefused {

        @Test
        void thenTheRevokedOneIsInTheCrlAndNoOtherIs() throws Exception {
            X509CRL crl = crlFromFile();
            crl.verify(ca.issuing().getPublicKey());
            assertThat(crl.getRevokedCertificates()).hasSize(1);
            assertThat(crl.isRevoked(ca.certificate("an-revoked.p12"))).isTrue();
            assertThat(crl.isRevoked(ca.certificate("an.p12"))).isFalse();
            assertThatThrownBy(() -> validate("an-revoked.p12", ca.root()))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                            assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        }

        @Test
        void thenTheExpiredOneIsExpired() {
            assertThatThrownBy(() -> validate("an-expired.p12", ca.root()))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                            assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED));
        }

        @Test
        void thenTheForeignOneDoesNotChainToTheSandboxRoot() throws Exception {
            assertThat(chain("an-foreign.p12").get(1)).isEqualTo(ca.foreignRoot());
            assertThatThrownBy(() -> validate("an-foreign.p12", ca.root()))
                    .isInstanceOf(CertPathValidatorException.class);
        }

        @Test
        void thenTheOneWithoutIdHasNoUid() throws Exception {
            assertThat(chain("an-no-id.p12").get(0).getSubjectX500Principal().getName(X500Principal.RFC2253))
                    .doesNotContain("UID=");
            validate("an-no-id.p12", ca.root());
        }
    }

    @Nested
    class GivenTheFilesForTheHttpsListener {

        @Test
        void thenTheServerCertificateIsForLocalhostAndTheClientCasNameBothRoots() throws Exception {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> server;
            try (InputStream in = Files.newInputStream(dir.resolve("server.pem"))) {
                server = factory.generateCertificates(in);
            }
            X509Certificate leaf = (X509Certificate) server.iterator().next();
            assertThat(leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                    .contains("localhost", "127.0.0.1");
            leaf.verify(ca.issuing().getPublicKey());
            try (InputStream in = Files.newInputStream(dir.resolve("client-cas.pem"))) {
                assertThat(List.<Certificate>copyOf(factory.generateCertificates(in))).containsExactly(ca.issuing(), ca.root(),
                        ca.foreignRoot());
            }
            assertThat(Files.readString(dir.resolve("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        }
    }
}
