package vn.vneidbridge.sandbox.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sandbox CA's CRL server: CRLs signed per request by the server's clock (so a sandbox running for days still
 * serves fresh ones, review F13), and a relying party that checks the whole path against them refuses a certificate
 * of a revoked CA (review F4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxCrlServerTest {

    private static final List<String> PATHS = List.of(SandboxCertificateAuthority.CRL_PATH,
            SandboxCertificateAuthority.ROOT_CRL_PATH, SandboxCertificateAuthority.REVOKED_CA_CRL_PATH);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MovableClock clock = new MovableClock(Instant.now());
    private Path dir;
    private SandboxCrlServer server;
    private SandboxCertificateAuthority ca;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("sandbox-ca");
        server = SandboxCrlServer.start(0, clock);
        ca = SandboxCertificateAuthority.generate(dir, server.baseUri(), clock);
        server.publish(ca);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        CaTestFiles.deleteTree(dir);
    }

    @AfterEach
    void servingAgain() {
        server.outage(false);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private X509CRL crl(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
    }

    /** Every CRL the server serves, as a relying party's CRL cache holds them after one fetch of each. */
    private List<X509CRL> served() throws Exception {
        List<X509CRL> crls = new ArrayList<>();
        for (String path : PATHS) {
            HttpResponse<byte[]> response = get(path);
            if (response.statusCode() == 200) {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(response.body())));
            }
        }
        return crls;
    }

    @Nested
    class GivenTheCrlPaths {

        @Test
        void thenEachIsADerCrlSignedByItsCa() throws Exception {
            Map<String, X509Certificate> issuers = Map.of(SandboxCertificateAuthority.CRL_PATH, ca.issuing(),
                    SandboxCertificateAuthority.ROOT_CRL_PATH, ca.root(),
                    SandboxCertificateAuthority.REVOKED_CA_CRL_PATH, ca.revokedIssuing());
            for (String path : PATHS) {
                assertThat(get(path).headers().firstValue("Content-Type")).as(path)
                        .hasValue(SandboxCrlServer.CONTENT_TYPE);
                X509CRL crl = crl(path);
                crl.verify(issuers.get(path).getPublicKey());
                assertThat(crl.getIssuerX500Principal()).isEqualTo(issuers.get(path).getSubjectX500Principal());
            }
        }

        @Test
        void thenTheyAreStillFreshTwoDaysLater() throws Exception {
            clock.advance(Duration.ofDays(2));
            try {
                for (String path : PATHS) {
                    X509CRL crl = crl(path);
                    assertThat(crl.getThisUpdate().toInstant()).as(path).isBefore(clock.instant());
                    assertThat(crl.getNextUpdate().toInstant()).as(path).isAfter(clock.instant());
                    crl.verify((path.equals(SandboxCertificateAuthority.ROOT_CRL_PATH) ? ca.root()
                            : path.equals(SandboxCertificateAuthority.CRL_PATH) ? ca.issuing() : ca.revokedIssuing())
                            .getPublicKey());
                }
            } finally {
                clock.advance(Duration.ofDays(-2));
            }
        }

        @Test
        void thenAnyOtherPathIsNotFoundAndAnyOtherMethodNotAllowed() throws Exception {
            assertThat(get("/crl/unknown.crl").statusCode()).isEqualTo(404);
            assertThat(get("/").statusCode()).isEqualTo(404);
            HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                    + SandboxCertificateAuthority.CRL_PATH)).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        }

        @Test
        void thenAnOutageAnswers503UntilItEnds() throws Exception {
            server.outage(true);
            for (String path : PATHS) {
                assertThat(get(path).statusCode()).as(path).isEqualTo(503);
            }
            server.outage(false);
            for (String path : PATHS) {
                assertThat(get(path).statusCode()).as(path).isEqualTo(200);
            }
        }
    }

    @Nested
    class GivenARelyingPartyCheckingEveryCertificateOfThePath {

        @Test
        void thenAnsCertificatePasses() throws Exception {
            CaTestFiles.validate(ca.file("an.p12"), ca.root(), served());
        }

        @Test
        void thenTheCertificateOfTheRevokedCaIsRevoked() {
            assertThatThrownBy(() -> CaTestFiles.validate(ca.file("an-revoked-ca.p12"), ca.root(), served()))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e -> {
                        assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED);
                        assertThat(e.getIndex()).as("the CA, not the leaf").isEqualTo(1);
                    });
        }

        @Test
        void thenTheRevokedCertificateIsRevoked() {
            assertThatThrownBy(() -> CaTestFiles.validate(ca.file("an-revoked.p12"), ca.root(), served()))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                            assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
        }

        @Test
        void thenDuringAnOutageTheRevocationStatusIsUnknown() {
            server.outage(true);
            assertThatThrownBy(() -> CaTestFiles.validate(ca.file("an.p12"), ca.root(), served()))
                    .isInstanceOfSatisfying(CertPathValidatorException.class, e ->
                            assertThat(e.getReason()).isEqualTo(
                                    CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS));
        }
    }

    @Nested
    class GivenNoCaPublishedYet {

        @Test
        void thenTheCrlPathsAnswer503() throws Exception {
            try (SandboxCrlServer empty = SandboxCrlServer.start(0, clock)) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(empty.baseUri()
                        + SandboxCertificateAuthority.CRL_PATH)).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(empty.baseUri().toString()).startsWith("http://127.0.0.1:");
            }
        }
    }
}
