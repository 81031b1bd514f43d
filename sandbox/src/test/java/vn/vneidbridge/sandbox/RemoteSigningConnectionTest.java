package vn.vneidbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.ca.SandboxCertificateAuthority;
import vn.vneidbridge.sandbox.remotesigning.SmartCaStandIn;

/** "Sim ký số" in the sandbox: Keycloak's {@code vnpt-smartca} adapter is pointed at the running stand-in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteSigningConnectionTest {

    private Path dir;
    private RemoteSigningConnection connection;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("sandbox-smartca");
        SandboxCertificateAuthority authority = SandboxCertificateAuthority.generate(dir,
                URI.create("http://127.0.0.1:8084"), Clock.systemUTC());
        connection = RemoteSigningConnection.start(0, authority);
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
    void thenTheAdapterGetsTheStandInsEndpointAndTheSandboxCredentials() {
        KeycloakServerConfig config = connection.configure(KeycloakServerConfig.builder().name("sandbox")
                .distributionZip(Path.of("keycloak.zip")).serversDir(Path.of("servers"))
                .httpPort(8080).managementPort(9000)).build();

        assertThat(config.runtimeOptions())
                .containsEntry("spi-vneid-remote-signing--vnpt-smartca--endpoint",
                        connection.standIn().baseUri() + "/sca/sp769")
                .containsEntry("spi-vneid-remote-signing--vnpt-smartca--sp-id", SmartCaStandIn.SP_ID)
                .containsEntry("spi-vneid-remote-signing--vnpt-smartca--sp-password", SmartCaStandIn.SP_PASSWORD);
        assertThat(connection.standIn().endpoint().getScheme()).isEqualTo("https");
    }
}
