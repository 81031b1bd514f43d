package vn.vneidbridge.sandbox;

import java.io.IOException;
import java.util.Optional;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.registry.C06Credentials;
import vn.vneidbridge.sandbox.registry.PopulationDatabase;
import vn.vneidbridge.sandbox.registry.PopulationRegistrySimulator;

/**
 * The population-database simulator of a sandbox or test server, and the Keycloak options that point both
 * registry adapters ({@code c06-soap}, {@code lgsp-json}) at it with the sandbox's credentials.
 */
public final class PopulationRegistryConnection implements AutoCloseable {

    /** The sandbox's C06 credentials and LGSP token (sandbox values, not secrets). */
    public static final C06Credentials C06 = new C06Credentials("dvc-sandbox", "sandbox-c06-secret");
    public static final String LGSP_TOKEN = "sandbox-lgsp-token";
    private static final String SPI = "spi-vneid-population-registry--";

    private final PopulationRegistrySimulator simulator;

    private PopulationRegistryConnection(PopulationRegistrySimulator simulator) {
        this.simulator = simulator;
    }

    /** Starts the simulator on {@code port} (0: any free port) serving the personas and N synthetic people. */
    public static PopulationRegistryConnection start(int port, int syntheticPeople) throws IOException {
        PopulationDatabase database = PopulationDatabase.sandbox();
        if (syntheticPeople > 0) {
            database = database.withSynthetic(syntheticPeople, 42);
        }
        return new PopulationRegistryConnection(PopulationRegistrySimulator.start(port, database,
                Optional.of(C06), Optional.of(LGSP_TOKEN)));
    }

    public PopulationRegistrySimulator simulator() {
        return simulator;
    }

    /** Adds the registry options to a server's configuration. */
    public KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder server) {
        return server
                .runtimeOption(SPI + "c06-soap--endpoint", simulator.c06Endpoint().toString())
                .runtimeOption(SPI + "c06-soap--unit-code", "000.00.00.H00")
                .runtimeOption(SPI + "c06-soap--integration-code", "DVCQG")
                .runtimeOption(SPI + "c06-soap--user", C06.user())
                .runtimeOption(SPI + "c06-soap--secret", C06.secret())
                .runtimeOption(SPI + "c06-soap--api-key", "sandbox-api-key")
                .runtimeOption(SPI + "lgsp-json--endpoint", simulator.lgspEndpoint().toString())
                .runtimeOption(SPI + "lgsp-json--unit-code", "000.00.00.H00")
                .runtimeOption(SPI + "lgsp-json--token", LGSP_TOKEN);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
