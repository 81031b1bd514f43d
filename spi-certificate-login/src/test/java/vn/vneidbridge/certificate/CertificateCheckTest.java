package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateCheckTest {

    private Path dir;
    private X509Certificate leaf;
    private X509Certificate expired;
    private X509Certificate root;
    private X509Certificate otherRoot;
    private X509Certificate encryptionOnly;
    private X509Certificate caCertificate;
    private X509Certificate notYetValid;
    private final List<String> ran = new ArrayList<>();

    @BeforeAll
    void certificates() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("certificates");
        leaf = SelfSignedCertificates.make(dir, "CN=An", "-1d", 30);
        expired = SelfSignedCertificates.make(dir, "CN=An expired", "-2y", 30);
        root = SelfSignedCertificates.make(dir, "CN=Sandbox root", "-1d", 365);
        otherRoot = SelfSignedCertificates.make(dir, "CN=Some web CA", "-1d", 365);
        encryptionOnly = SelfSignedCertificates.make(dir, "CN=An encryption", "-1d", 30,
                "KeyUsage:critical=keyEncipherment");
        caCertificate = SelfSignedCertificates.make(dir, "CN=An as a CA", "-1d", 30,
                "KeyUsage:critical=digitalSignature,keyCertSign", "BasicConstraints:critical=ca:true");
        notYetValid = SelfSignedCertificates.make(dir, "CN=An tomorrow", "+2d", 30);
    }

    @AfterAll
    void deleteFiles() throws Exception {
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }

    @BeforeEach
    void forget() {
        ran.clear();
    }

    private CertificateCheck.Step passes(String name) {
        return () -> ran.add(name);
    }

    private CertificateCheck.Step fails(String name) {
        return () -> {
            ran.add(name);
            throw new GeneralSecurityException(name + " failed");
        };
    }

    private CertificateCheck.Steps steps(CertificateCheck.Step trust, X509Certificate anchor,
                                         CertificateCheck.Step validity, CertificateCheck.Step usage,
                                         CertificateCheck.Step revocation, boolean listed) {
        return new CertificateCheck.Steps(trust, () -> anchor, validity, usage, revocation, () -> listed);
    }

    private CertificateCheck.Steps allPass() {
        return steps(passes("trust"), root, passes("validity"), passes("usage"), passes("revocation"), false);
    }

    private Optional<CertificateRefusal> check(X509Certificate certificate, CertificateCheck.Steps steps) {
        return CertificateCheck.check(certificate, Instant.now(), TrustedRoots.of(List.of(
                TrustedRoots.fingerprint(root))), steps);
    }

    @Nested
    class GivenAChainThatPassesEveryStep {

        @Test
        void thenItIsAcceptedAfterEveryStepRanInOrder() {
            assertThat(check(leaf, allPass())).isEmpty();
            assertThat(ran).containsExactly("trust", "validity", "usage", "revocation");
        }
    }

    @Nested
    class GivenAChainThatFailsAStep {

        @Test
        void thenAnExpiredLeafIsToldExpiredBeforeAnythingElseRuns() {
            assertThat(check(expired, allPass())).contains(CertificateRefusal.EXPIRED);
            assertThat(ran).isEmpty();
        }

        @Test
        void thenAPathToNoTrustedRootIsAnUntrustedIssuer() {
            assertThat(check(leaf, steps(fails("trust"), root, passes("validity"), passes("usage"),
                    passes("revocation"), false))).contains(CertificateRefusal.UNTRUSTED_ISSUER);
        }

        @Test
        void thenAPathToARootKeycloakTrustsButTheRealmDidNotPinIsAnUntrustedIssuer() {
            assertThat(check(leaf, steps(passes("trust"), otherRoot, passes("validity"), passes("usage"),
                    passes("revocation"), false))).contains(CertificateRefusal.UNTRUSTED_ISSUER);
            assertThat(check(leaf, new CertificateCheck.Steps(passes("trust"), () -> {
                throw new IllegalStateException("no path result");
            }, passes("validity"), passes("usage"), passes("revocation"), () -> false)))
                    .contains(CertificateRefusal.UNTRUSTED_ISSUER);
        }

        @Test
        void thenAnExpiredCaInThePathIsExpired() {
            assertThat(check(leaf, steps(passes("trust"), root, fails("validity"), passes("usage"),
                    passes("revocation"), false))).contains(CertificateRefusal.EXPIRED);
        }

        @Test
        void thenACertificateNotForSigningIsTheWrongUsage() {
            assertThat(check(leaf, steps(passes("trust"), root, passes("validity"), fails("usage"),
                    passes("revocation"), false))).contains(CertificateRefusal.WRONG_USAGE);
        }

        @Test
        void thenALeafNotForSigningOrACaCertificateIsTheWrongUsageEvenWhenKeycloaksStepPasses() {
            assertThat(check(encryptionOnly, allPass())).contains(CertificateRefusal.WRONG_USAGE);
            assertThat(check(caCertificate, allPass())).contains(CertificateRefusal.WRONG_USAGE);
            assertThat(ran).as("revocation is never asked about a refused certificate").doesNotContain("revocation");
        }

        @Test
        void thenALeafNotValidYetIsToldSoBeforeAnythingElseRuns() {
            assertThat(check(notYetValid, allPass())).contains(CertificateRefusal.NOT_YET_VALID);
            assertThat(ran).isEmpty();
        }

        @Test
        void thenAnUntrustedChainIsNeverCheckedForRevocation() {
            assertThat(check(leaf, steps(fails("trust"), root, passes("validity"), passes("usage"),
                    passes("revocation"), false))).contains(CertificateRefusal.UNTRUSTED_ISSUER);
            assertThat(ran).containsExactly("trust");
            ran.clear();
            assertThat(check(leaf, steps(passes("trust"), otherRoot, passes("validity"), passes("usage"),
                    passes("revocation"), false))).contains(CertificateRefusal.UNTRUSTED_ISSUER);
            assertThat(ran).containsExactly("trust");
        }

        @Test
        void thenARevocationFailureIsRevokedOnlyWhenTheListSaysSo() {
            assertThat(check(leaf, steps(passes("trust"), root, passes("validity"), passes("usage"),
                    fails("revocation"), true))).contains(CertificateRefusal.REVOKED);
            assertThat(check(leaf, steps(passes("trust"), root, passes("validity"), passes("usage"),
                    fails("revocation"), false))).contains(CertificateRefusal.REVOCATION_UNKNOWN);
            assertThat(check(leaf, new CertificateCheck.Steps(passes("trust"), () -> root, passes("validity"),
                    passes("usage"), fails("revocation"), () -> {
                        throw new IllegalStateException("the list cannot be read");
                    }))).contains(CertificateRefusal.REVOCATION_UNKNOWN);
        }
    }

    @Test
    void thenAStepWithoutPinnedRootsAcceptsNothing() {
        assertThat(CertificateCheck.check(leaf, Instant.now(), TrustedRoots.of(List.of()), allPass()))
                .contains(CertificateRefusal.NOT_CONFIGURED);
    }
}
