package vn.vneidbridge.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A presented chain checked by the JDK's PKIX over the path to a pinned root, with each certificate's revocation
 * asked of the lists its own distribution points name (review 2026-12-06, F3 and F4).
 */
class CertificatePathTest {

    private static final URI ROOT_LIST = URI.create("http://crl.test/root.crl");
    private static final URI CA_LIST = URI.create("http://crl.test/ca.crl");

    private TestCa root;
    private TestCa ca;
    private X509Certificate person;
    private final Map<URI, byte[]> served = new HashMap<>();
    private CrlCache crls;

    @BeforeEach
    void aLicensedCaBelowThePinnedRoot() throws Exception {
        root = TestCa.root("TEST ROOT");
        ca = root.subCa("TEST CA", ROOT_LIST);
        person = ca.person("CCCD:001090001234", CA_LIST);
        crls = new CrlCache(uri -> {
            byte[] bytes = served.get(uri);
            if (bytes == null) {
                throw new IllegalStateException("HTTP 503");
            }
            return bytes;
        }, TestCa::distributionPoints, Clock.systemUTC());
    }

    private void serve(URI where, X509CRL crl) throws Exception {
        served.put(where, crl.getEncoded());
    }

    private CertificatePath path(X509Certificate... presented) {
        return new CertificatePath(presented, List.of(), List.of(root.certificate), new Date());
    }

    private void checkRevocation(CertificatePath path) throws GeneralSecurityException {
        path.checkRevocation(CertificatePath.Revocation.CRL_ONLY, null,
                (certificate, issuer) -> crls.crls(certificate, issuer, Duration.ZERO));
    }

    @Nested
    class GivenListsThatNameNobody {

        @Test
        void thenThePathEndsInThePinnedRootAndPasses() throws Exception {
            serve(ROOT_LIST, root.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            serve(CA_LIST, ca.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            CertificatePath path = path(person, ca.certificate);

            path.build();
            checkRevocation(path);

            assertThat(path.anchor()).isEqualTo(root.certificate);
        }

        @Test
        void thenAChainToAnotherRootHasNoPathEvenWithTheSameNames() throws Exception {
            TestCa other = TestCa.root("TEST ROOT");
            TestCa lookAlike = other.subCa("TEST CA", ROOT_LIST);
            X509Certificate forged = lookAlike.person("CCCD:001090001234", CA_LIST);

            assertThatThrownBy(() -> path(forged, lookAlike.certificate).build())
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Nested
    class GivenARevocation {

        @Test
        void thenAPersonOnTheCasListIsRevoked() throws Exception {
            serve(ROOT_LIST, root.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            serve(CA_LIST, ca.crl(Instant.now().minusSeconds(60), Duration.ofDays(1), person));
            CertificatePath path = path(person, ca.certificate);
            path.build();

            assertThatThrownBy(() -> checkRevocation(path)).isInstanceOf(GeneralSecurityException.class);
            assertThat(path.listedRevoked()).isTrue();
        }

        @Test
        void thenACaTheRootRevokedTakesItsPeopleWithIt() throws Exception {
            serve(ROOT_LIST, root.crl(Instant.now().minusSeconds(60), Duration.ofDays(1), ca.certificate));
            serve(CA_LIST, ca.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            CertificatePath path = path(person, ca.certificate);
            path.build();

            assertThatThrownBy(() -> checkRevocation(path)).isInstanceOf(GeneralSecurityException.class);
            assertThat(path.listedRevoked()).isTrue();
        }
    }

    @Nested
    class GivenListsThatAreNoAnswer {

        @Test
        void thenAListSignedByAnotherCaIsNotUsedAndTheStatusIsUnknown() throws Exception {
            TestCa stranger = TestCa.root("TEST CA");
            serve(ROOT_LIST, root.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            serve(CA_LIST, stranger.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            CertificatePath path = path(person, ca.certificate);
            path.build();

            assertThatThrownBy(() -> checkRevocation(path)).isInstanceOf(GeneralSecurityException.class);
            assertThat(path.listedRevoked()).as("unknown, not revoked").isFalse();
        }

        @Test
        void thenAListPastItsNextUpdateIsNoAnswer() throws Exception {
            serve(ROOT_LIST, root.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            serve(CA_LIST, ca.crl(Instant.now().minus(Duration.ofDays(3)), Duration.ofDays(1)));
            CertificatePath path = path(person, ca.certificate);
            path.build();

            assertThatThrownBy(() -> checkRevocation(path)).isInstanceOf(GeneralSecurityException.class);
            assertThat(path.listedRevoked()).isFalse();
        }

        @Test
        void thenNoListForTheIntermediateIsNoAnswerEither() throws Exception {
            serve(CA_LIST, ca.crl(Instant.now().minusSeconds(60), Duration.ofDays(1)));
            CertificatePath path = path(person, ca.certificate);
            path.build();

            assertThatThrownBy(() -> checkRevocation(path)).isInstanceOf(GeneralSecurityException.class);
            assertThat(path.listedRevoked()).isFalse();
        }
    }
}
