package vn.vneidbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;

/** "Usb ký số" in the sandbox: the CA names its running CRL server; Keycloak gets the HTTPS listener's options. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateLoginConnectionTest {

    private Path dir;
    private CertificateLoginConnection connection;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("sandbox-ca");
        connection = CertificateLoginConnection.start(dir, 0);
    }

    @AfterAll
    void stop() throws IOException {
        connection.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void thenTheCertificatesNameTheRunningCrlServer() throws Exception {
        String crl = connection.crlServer().baseUri() + SandboxCertificateAuthority.CRL_PATH;
        byte[] extension = connection.authority().certificate("an.p12").getExtensionValue("2.5.29.31");
        assertThat(new String(extension, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(crl);
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(crl)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void thenKeycloakGetsTheHttpsListenerTheTrustAndTheRootsPin() {
        KeycloakServerConfig config = connection.configure(KeycloakServerConfig.builder().name("sandbox")
                .distributionZip(Path.of("keycloak.zip")).serversDir(Path.of("servers"))
                .httpPort(8080).managementPort(9000), 8443).build();
        Path ca = dir.toAbsolutePath();

        assertThat(config.runtimeOptions())
                .containsEntry("https-port", "8443")
                .containsEntry("https-certificate-file", ca.resolve("server.pem").toString())
                .containsEntry("https-certificate-key-file", ca.resolve("server-key.pem").toString())
                .containsEntry("https-client-auth", "request")
                .containsEntry("https-trust-store-file", ca.resolve("client-cas.p12").toString())
                .containsEntry("https-trust-store-password", SandboxCertificateAuthority.TRUST_STORE_PASSWORD)
                .containsEntry("https-trust-store-type", "PKCS12")
                .containsEntry("truststore-paths", ca.resolve("root.pem") + "," + ca.resolve("issuing.pem") + ","
                        + ca.resolve("issuing-revoked.pem"))
                .containsEntry("http-management-scheme", "http");
        assertThat(config.realmReplacements()).isEqualTo(Map.of(CertificateLoginConnection.ROOT_PIN_PLACEHOLDER,
                connection.authority().rootPin()));
        for (String file : new String[] {"server.pem", "server-key.pem", "client-cas.p12", "root.pem", "issuing.pem",
            "issuing-revoked.pem"}) {
            assertThat(ca.resolve(file)).as(file).isRegularFile();
        }
    }

    @Test
    void thenClosingStopsTheCrlServer() throws Exception {
        CertificateLoginConnection other = CertificateLoginConnection.start(dir.resolve("other"), 0);
        URI crl = URI.create(other.crlServer().baseUri() + SandboxCertificateAuthority.ROOT_CRL_PATH);
        other.close();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(crl).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
    }
}
