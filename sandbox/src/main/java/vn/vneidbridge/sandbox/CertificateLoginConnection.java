package vn.vneidbridge.sandbox;

import static vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.CLIENT_CAS_P12;
import static vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.ISSUING_PEM;
import static vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.REVOKED_ISSUING_PEM;
import static vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.ROOT_PEM;
import static vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.SERVER_KEY_PEM;
import static vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority.SERVER_PEM;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.ca.SandboxCrlServer;

/**
 * "Usb ký số" in a sandbox or test server: the test CA and its CRL server, and the Keycloak options that open an
 * HTTPS listener asking for a client certificate from the CA's chains, trust the CA for the chain's validation and
 * pin its root in the realm files.
 */
public final class CertificateLoginConnection implements AutoCloseable {

    /** What the realm files write where realm {@code dvc}'s certificate step pins the test root. */
    public static final String ROOT_PIN_PLACEHOLDER = "SANDBOX-CA-ROOT-SHA256";

    private final SandboxCrlServer crlServer;
    private final SandboxCertificateAuthority authority;

    private CertificateLoginConnection(SandboxCrlServer crlServer, SandboxCertificateAuthority authority) {
        this.crlServer = crlServer;
        this.authority = authority;
    }

    /**
     * Starts the CRL server on {@code crlPort} (0: any free port) and then generates the CA into {@code dir}: the
     * certificates name the server's address, known only once it is bound.
     */
    public static CertificateLoginConnection start(Path dir, int crlPort) throws IOException {
        Clock clock = Clock.systemUTC();
        SandboxCrlServer crlServer = SandboxCrlServer.start(crlPort, clock);
        try {
            SandboxCertificateAuthority authority = SandboxCertificateAuthority.generate(dir, crlServer.baseUri(),
                    clock);
            crlServer.publish(authority);
            return new CertificateLoginConnection(crlServer, authority);
        } catch (IOException | RuntimeException e) {
            crlServer.close();
            throw e;
        }
    }

    public SandboxCertificateAuthority authority() {
        return authority;
    }

    public SandboxCrlServer crlServer() {
        return crlServer;
    }

    /**
     * Adds the HTTPS listener on {@code httpsPort}: the CA's server certificate; a client certificate asked for
     * ({@code request}: a login without one still works) from the CAs of {@code client-cas.p12}; Keycloak's trust
     * store holding the root and both issuing CAs, so the certificate step can validate a chain that a browser sent
     * without its root; the management interface kept on HTTP; and the root's pin in place of
     * {@link #ROOT_PIN_PLACEHOLDER} in the realm files.
     */
    public KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder server, int httpsPort) {
        Path dir = authority.dir().toAbsolutePath();
        return server
                .runtimeOption("https-port", Integer.toString(httpsPort))
                .runtimeOption("https-certificate-file", file(dir, SERVER_PEM))
                .runtimeOption("https-certificate-key-file", file(dir, SERVER_KEY_PEM))
                .runtimeOption("https-client-auth", "request")
                .runtimeOption("https-trust-store-file", file(dir, CLIENT_CAS_P12))
                .runtimeOption("https-trust-store-password", SandboxCertificateAuthority.TRUST_STORE_PASSWORD)
                .runtimeOption("https-trust-store-type", "PKCS12")
                .runtimeOption("truststore-paths", String.join(",", file(dir, ROOT_PEM), file(dir, ISSUING_PEM),
                        file(dir, REVOKED_ISSUING_PEM)))
                .runtimeOption("http-management-scheme", "http")
                .replaceInRealms(ROOT_PIN_PLACEHOLDER, authority.rootPin());
    }

    private static String file(Path dir, String name) {
        return dir.resolve(name).toString();
    }

    /** Stops the CRL server; the CA's files stay until the next start replaces them. */
    @Override
    public void close() {
        crlServer.close();
    }
}
