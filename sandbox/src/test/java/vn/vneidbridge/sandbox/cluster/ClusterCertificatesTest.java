package vn.vneidbridge.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The TLS material generated at every start: what a browser, HAProxy and the nodes check. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCertificatesTest {

    @TempDir
    static Path dir;
    private ClusterCertificates tls;
    private X509Certificate ca;
    private List<X509Certificate> chain;

    @BeforeAll
    void generate() throws Exception {
        tls = ClusterCertificates.generate(dir);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(tls.caPem())) {
            ca = (X509Certificate) x509.generateCertificate(in);
        }
        try (InputStream in = Files.newInputStream(tls.certPem())) {
            chain = x509.generateCertificates(in).stream().map(X509Certificate.class::cast).toList();
        }
    }

    @Nested
    class GivenAFreshStart {

        @Test
        void thenTheServerCertificateIsSignedByTheClustersOwnAuthorityForLocalhostAndLoopback() throws Exception {
            X509Certificate server = chain.get(0);
            server.verify(ca.getPublicKey());
            assertThat(chain).hasSize(2);
            assertThat(chain.get(1)).isEqualTo(ca);
            assertThat(ca.getBasicConstraints()).as("an authority").isGreaterThanOrEqualTo(0);
            assertThat(server.getBasicConstraints()).as("not an authority").isEqualTo(-1);
            assertThat(server.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()).toList())
                    .containsExactlyInAnyOrder("localhost", "127.0.0.1");
            assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        }

        @Test
        void thenThePrivateKeyBelongsToTheCertificateAndOnlyItsOwnerReadsIt() throws Exception {
            String text = Files.readString(tls.keyPem()).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(new byte[] {1, 2, 3});
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(chain.get(0).getPublicKey());
            verifier.update(new byte[] {1, 2, 3});

            assertThat(verifier.verify(signature)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keyPem()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.haproxyPem())))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(tls.haproxyPem())).contains("BEGIN CERTIFICATE", "BEGIN PRIVATE KEY");
        }

        @Test
        void thenNoKeyStoreOrRequestIsLeftBehind() throws Exception {
            try (var files = Files.list(dir)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("ca.pem", "server-chain.pem", "server-key.pem", "haproxy.pem");
            }
        }
    }
}
