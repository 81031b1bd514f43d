package vn.vneidbridge.sandbox.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.vneidbridge.sandbox.ca.CaTestFiles.chain;
import static vn.vneidbridge.sandbox.ca.CaTestFiles.open;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxCertificateAuthorityTest {

    private static final URI CRL_BASE = URI.create("http://localhost:8084");

    private Path dir;
    private SandboxCertificateAuthority ca;

    @BeforeAll
    void generate() throws Exception {
        dir = Files.createTempDirectory("certificates");
        ca = SandboxCertificateAuthority.generate(dir, CRL_BASE, Clock.systemUTC());
    }

    @AfterAll
    void deleteFiles() throws Exception {
        CaTestFiles.deleteTree(dir);
    }

    /** The chain validated with every CA's CRL as signed now, the way the CRL server serves them. */
    private void validate(String file, X509Certificate anchor) throws Exception {
        Instant now = Instant.now();
        CaTestFiles.validate(ca.file(file), anchor, List.of(ca.issuingCrl(now), ca.rootCrl(now),
                ca.revokedIssuingCrl(now)));
    }

    private static String distributionPoints(X509Certificate certificate) {
        return new String(certificate.getExtensionValue("2.5.29.31"), StandardCharsets.ISO_8859_1);
    }

    @Nested
    class GivenAnsCertificate {

        @Test
        void thenItChainsToTheRootAndIsNotRevoked() throws Exception {
            List<X509Certificate> chain = chain(ca.file("an.p12"));
            assertThat(chain).hasSize(3);
            assertThat(chain.get(2)).isEqualTo(ca.root());
            assertThat(open(ca.file("an.p12"), SandboxCertificateAuthority.PIN)
                    .getKey("sandbox", SandboxCertificateAuthority.PIN.toCharArray())).as("the private key")
                    .isNotNull();
            validate("an.p12", ca.root());
        }

        @Test
        void thenItsSubjectNamesHimByTheUidAndSaysItIsATestCertificate() throws Exception {
            String subject = ca.certificate("an.p12").getSubjectX500Principal().getName(X500Principal.RFC2253);
            assertThat(subject).contains("UID=CCCD:001090001234").contains(SandboxCertificateAuthority.TEST_MARK);
            assertThat(ca.root().getSubjectX500Principal().getName()).contains("TEST CA");
        }

        @Test
        void thenItIsForSigningAndNamesTheIssuingCasCrl() {
            X509Certificate leaf = ca.certificate("an.p12");
            assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
            assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
            assertThat(distributionPoints(leaf)).contains(CRL_BASE + SandboxCertificateAuthority.CRL_PATH);
        }

        @Test
        void thenItsIssuingCaNamesTheRootsCrl() {
            assertThat(distributionPoints(ca.issuing())).contains(CRL_BASE + SandboxCertificateAuthority.ROOT_CRL_PATH);
            assertThat(distributionPoints(ca.revokedIssuing()))
                    .contains(CRL_BASE + SandboxCertificateAuthority.ROOT_CRL_PATH);
        }
    }

    @Nested
    class GivenTheCertificatesThatMustBeRefused {

        @Test
        void thenTheRevokedOneIsInTheIssuingCasCrlAndNoOtherIs() throws Exception {
            X509CRL crl = ca.issuingCrl(Instant.now());
            crl.verify(ca.issuing().getPublicKey());
            assertThat(crl.getRevokedCertificates()).hasSize(1);
            assertThat(crl.isRevoked(ca.certificate("an-revoked.p12"))).isTrue();
            assertThat(crl.isRevoked(ca.certificate("an.p12"))).isFalse();
            assertThatThrownBy(() -> validate("an-revoked.p12", ca.root()))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                            assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        }

        @Test
        void thenTheOneOfTheRevokedCaIsValidItselfButItsCaIsInTheRootsCrl() throws Exception {
            List<X509Certificate> chain = chain(ca.file("an-revoked-ca.p12"));
            assertThat(chain).containsExactly(ca.certificate("an-revoked-ca.p12"), ca.revokedIssuing(), ca.root());
            assertThat(chain.get(0).getSubjectX500Principal().getName(X500Principal.RFC2253))
                    .contains("UID=CCCD:001090001234");
            assertThat(distributionPoints(chain.get(0)))
                    .contains(CRL_BASE + SandboxCertificateAuthority.REVOKED_CA_CRL_PATH);
            X509CRL rootCrl = ca.rootCrl(Instant.now());
            rootCrl.verify(ca.root().getPublicKey());
            assertThat(rootCrl.getRevokedCertificates()).hasSize(1);
            assertThat(rootCrl.isRevoked(ca.revokedIssuing())).isTrue();
            assertThat(rootCrl.isRevoked(ca.issuing())).isFalse();
            X509CRL ownCrl = ca.revokedIssuingCrl(Instant.now());
            ownCrl.verify(ca.revokedIssuing().getPublicKey());
            assertThat(ownCrl.getRevokedCertificates()).isNull();
            assertThatThrownBy(() -> validate("an-revoked-ca.p12", ca.root()))
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
            assertThat(chain(ca.file("an-foreign.p12")).get(1)).isEqualTo(ca.foreignRoot());
            assertThatThrownBy(() -> validate("an-foreign.p12", ca.root()))
                    .isInstanceOf(CertPathValidatorException.class);
        }

        @Test
        void thenTheOneWithoutIdHasNoUid() throws Exception {
            assertThat(ca.certificate("an-no-id.p12").getSubjectX500Principal().getName(X500Principal.RFC2253))
                    .doesNotContain("UID=");
            validate("an-no-id.p12", ca.root());
        }
    }

    @Nested
    class GivenTheCrls {

        @Test
        void thenEachIsSignedWhenAskedFreshForADayAndNumberedUpwards() throws Exception {
            Instant now = Instant.parse("2027-03-01T08:00:00Z");
            X509CRL first = ca.issuingCrl(now);
            X509CRL second = ca.issuingCrl(now.plus(Duration.ofDays(3)));

            assertThat(first.getThisUpdate().toInstant()).isEqualTo(now.minus(Duration.ofMinutes(5)));
            assertThat(first.getNextUpdate().toInstant()).isEqualTo(now.plus(Duration.ofDays(1)));
            assertThat(second.getNextUpdate().toInstant()).isEqualTo(now.plus(Duration.ofDays(4)));
            assertThat(number(second)).isGreaterThan(number(first));
            assertThat(first.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
            assertThat(ca.rootCrl(now).getIssuerX500Principal()).isEqualTo(ca.root().getSubjectX500Principal());
        }

        private BigInteger number(X509CRL crl) {
            byte[] value = ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.20")).getOctets();
            return ASN1Integer.getInstance(value).getValue();
        }

        @Test
        void thenTheyAreServedFromTheirPathsAndNoOther() {
            Instant now = Instant.now();
            assertThat(ca.crlAt(SandboxCertificateAuthority.CRL_PATH, now)).get()
                    .extracting(X509CRL::getIssuerX500Principal).isEqualTo(ca.issuing().getSubjectX500Principal());
            assertThat(ca.crlAt(SandboxCertificateAuthority.ROOT_CRL_PATH, now)).get()
                    .extracting(X509CRL::getIssuerX500Principal).isEqualTo(ca.root().getSubjectX500Principal());
            assertThat(ca.crlAt(SandboxCertificateAuthority.REVOKED_CA_CRL_PATH, now)).get()
                    .extracting(X509CRL::getIssuerX500Principal)
                    .isEqualTo(ca.revokedIssuing().getSubjectX500Principal());
            assertThat(ca.crlAt("/crl/other.crl", now)).isEmpty();
        }
    }

    @Nested
    class GivenTheFilesForTheHttpsListener {

        @Test
        void thenTheServerCertificateIsForLocalhostAndTheClientCasNameEveryCa() throws Exception {
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
                assertThat(List.<Certificate>copyOf(factory.generateCertificates(in))).containsExactly(ca.issuing(),
                        ca.revokedIssuing(), ca.root(), ca.foreignRoot());
            }
            assertThat(Files.readString(dir.resolve("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        }

        @Test
        void thenTheTrustStoreHoldsTheSameCasAsTrustedCertificatesAndNoKey() throws Exception {
            KeyStore store = open(dir.resolve(SandboxCertificateAuthority.CLIENT_CAS_P12),
                    SandboxCertificateAuthority.TRUST_STORE_PASSWORD);
            List<String> aliases = Collections.list(store.aliases());
            assertThat(aliases).hasSize(4).allSatisfy(alias ->
                    assertThat(store.isCertificateEntry(alias)).as(alias).isTrue());
            assertThat(aliases.stream().map(alias -> {
                try {
                    return store.getCertificate(alias);
                } catch (java.security.KeyStoreException e) {
                    throw new IllegalStateException(e);
                }
            }).toList()).containsExactlyInAnyOrder(ca.issuing(), ca.revokedIssuing(), ca.root(), ca.foreignRoot());
        }

        @Test
        void thenTheRootPinIsTheSha256OfItsDerInLowerCaseHex() throws Exception {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ca.root().getEncoded()));
            assertThat(ca.rootPin()).isEqualTo(expected).matches("[0-9a-f]{64}");
        }
    }

    @Nested
    class GivenTheFolder {

        @Test
        void thenNoFileHoldsACaKey() throws Exception {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".pem") && !name.equals(SandboxCertificateAuthority.SERVER_KEY_PEM)) {
                        assertThat(Files.readString(file)).as(name).doesNotContain("PRIVATE KEY");
                    }
                    if (name.endsWith(".p12") && !name.equals(SandboxCertificateAuthority.CLIENT_CAS_P12)) {
                        KeyStore store = open(file, SandboxCertificateAuthority.PIN);
                        for (String alias : Collections.list(store.aliases())) {
                            if (store.isKeyEntry(alias)) {
                                assertThat(((X509Certificate) store.getCertificate(alias)).getBasicConstraints())
                                        .as(name + " holds the key of a CA").isEqualTo(-1);
                            }
                        }
                    }
                }
            }
            assertThat(Files.readString(dir.resolve(SandboxCertificateAuthority.SERVER_KEY_PEM)))
                    .contains("PRIVATE KEY");
        }

        @Test
        void thenTheKeyFilesAreTheOwnersOnly() throws Exception {
            assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> keyFiles = files.filter(file -> {
                    String name = file.getFileName().toString();
                    return (name.endsWith(".p12") && !name.equals(SandboxCertificateAuthority.CLIENT_CAS_P12))
                            || name.equals(SandboxCertificateAuthority.SERVER_KEY_PEM);
                }).toList();
                assertThat(keyFiles).hasSize(SandboxCertificateAuthority.PERSONAS.size() + 1);
                for (Path file : keyFiles) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .as(file.getFileName().toString()).isEqualTo("rw-------");
                }
            }
        }

        @Test
        void thenWhatAnEarlierStartLeftIsRemovedAndNothingElse() throws Exception {
            Path other = Files.createTempDirectory("certificates-again");
            try {
                Files.writeString(other.resolve("old-persona.p12"), "left by an earlier version");
                Files.writeString(other.resolve("sandbox-ca.crl"), "a stale CRL");
                Files.writeString(other.resolve("old.pem"), "stale");
                Files.writeString(other.resolve("notes.txt"), "not the CA's");

                SandboxCertificateAuthority.generate(other, CRL_BASE, Clock.systemUTC());

                assertThat(other.resolve("old-persona.p12")).doesNotExist();
                assertThat(other.resolve("sandbox-ca.crl")).doesNotExist();
                assertThat(other.resolve("old.pem")).doesNotExist();
                assertThat(other.resolve("notes.txt")).hasContent("not the CA's");
                assertThat(other.resolve("an.p12")).exists();
            } finally {
                CaTestFiles.deleteTree(other);
            }
        }
    }
}
