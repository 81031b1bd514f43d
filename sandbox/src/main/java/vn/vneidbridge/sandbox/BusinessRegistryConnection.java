package vn.vneidbridge.sandbox;

import java.io.IOException;
import java.util.Optional;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.business.BusinessDatabase;
import vn.vneidbridge.sandbox.business.BusinessRegistrySimulator;

/**
 * The business-registry simulator of a sandbox or test server, and the Keycloak options that point the
 * {@code dkkd-json} adapter at it with the sandbox's token.
 */
public final class BusinessRegistryConnection implements AutoCloseable {

    /** The sandbox's token and unit code (sandbox values, not secrets). */
    public static final String TOKEN = "sandbox-dkkd-token";
    public static final String UNIT_CODE = "000.00.00.H00";
    private static final String SPI = "spi-vneid-business-registry--dkkd-json--";

    private final BusinessRegistrySimulator simulator;

    private BusinessRegistryConnection(BusinessRegistrySimulator simulator) {
        this.simulator = simulator;
    }

    /** Starts the simulator on {@code port} (0: any free port) serving the sandbox's enterprises. */
    public static BusinessRegistryConnection start(int port) throws IOException {
        return new BusinessRegistryConnection(BusinessRegistrySimulator.start(port, BusinessDatabase.sandbox(),
                Optional.of(TOKEN)));
    }

    public BusinessRegistrySimulator simulator() {
        return simulator;
    }

    /** Adds the registry options to a server's configuration. */
    public KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder server) {
        return server
                .runtimeOption(SPI + "endpoint", simulator.endpoint().toString())
                .runtimeOption(SPI + "unit-code", UNIT_CODE)
                .runtimeOption(SPI + "token", TOKEN);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
