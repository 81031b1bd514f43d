package vn.vneidbridge.sandbox;

import java.io.IOException;
import java.time.Clock;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn;

/**
 * "Sim ký số" in a sandbox or test server: the stand-in of VNPT SmartCA and the Keycloak options that point the
 * {@code vnpt-smartca} adapter at it with the sandbox's service provider credentials. It serves HTTPS with the test
 * CA's server certificate, so it needs {@link CertificateLoginConnection}'s CA, and Keycloak trusts it through the
 * {@code truststore-paths} that connection sets.
 */
public final class RemoteSigningConnection implements AutoCloseable {

    private static final String SPI = "spi-vneid-remote-signing--vnpt-smartca--";

    private final SmartCaStandIn standIn;

    private RemoteSigningConnection(SmartCaStandIn standIn) {
        this.standIn = standIn;
    }

    /** Starts the stand-in on {@code port} (0: any free port) with the CA's server certificate and personas. */
    public static RemoteSigningConnection start(int port, SandboxCertificateAuthority authority) throws IOException {
        return new RemoteSigningConnection(SmartCaStandIn.start(port, authority, Clock.systemUTC()));
    }

    public SmartCaStandIn standIn() {
        return standIn;
    }

    /** Adds the adapter's endpoint and credentials to a server's configuration. */
    public KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder server) {
        return server
                .runtimeOption(SPI + "endpoint", standIn.endpoint().toString())
                .runtimeOption(SPI + "sp-id", SmartCaStandIn.SP_ID)
                .runtimeOption(SPI + "sp-password", SmartCaStandIn.SP_PASSWORD);
    }

    @Override
    public void close() {
        standIn.close();
    }
}
