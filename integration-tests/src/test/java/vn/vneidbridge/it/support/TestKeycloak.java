package vn.vneidbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * One real Keycloak with VNeID Bridge for the whole test run: started from the distribution on free ports
 * the first time a test asks for it, stopped when the run ends. Tests change realm settings through the
 * admin API instead of restarting it. Inject {@link KeycloakServer} or {@link AdminApi} as a parameter.
 */
public final class TestKeycloak implements ParameterResolver {

    private static final String KEY = "vneid-bridge-keycloak";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == AdminApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new Running(startServer()), Running.class);
        return parameter.getParameter().getType() == AdminApi.class ? running.admin() : running.server();
    }

    private static KeycloakServer startServer() {
        int httpPort = freePort();
        int managementPort = freePort();
        while (managementPort == httpPort) {
            managementPort = freePort();
        }
        return KeycloakServer.start(KeycloakServerConfig.builder()
                .name("it")
                .distributionZip(requiredFile("keycloak.dist.zip"))
                .providersBundle(requiredFile("vneid.providers.bundle"))
                .serversDir(Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers")))
                .httpPort(httpPort)
                .managementPort(managementPort)
                .build());
    }

    static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name an existing file (set by"
                    + " the integration-tests pom; run the tests with ./mvnw verify), was: " + value);
        }
        return Path.of(value);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The started server, closed by JUnit when the whole run ends. */
    private record Running(KeycloakServer server, AdminApi admin)
            implements ExtensionContext.Store.CloseableResource {
        Running(KeycloakServer server) {
            this(server, new AdminApi(server.baseUri(), server.config().adminUsername(),
                    server.config().adminPassword()));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
