package vn.vneidbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.BusinessRegistryConnection;
import vn.vneidbridge.sandbox.CertificateLoginConnection;
import vn.vneidbridge.sandbox.RemoteSigningConnection;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.legacy.LegacyDatabaseSeeder;
import vn.vneidbridge.sandbox.legacy.LegacySchema;

/**
 * One real Keycloak with VNeID Bridge for the whole test run, its legacy portal database on H2 (the
 * sandbox's setup): started from the distribution on free ports the first time a test asks for it, stopped
 * when the run ends, with the population database simulator beside it. Tests change realm settings through
 * the admin API instead of restarting it. The business registry simulator runs beside it too. Inject
 * {@link KeycloakServer}, {@link AdminApi}, {@link LegacyDatabaseConnection}, {@link PopulationRegistryConnection} or
 * {@link BusinessRegistryConnection} as a parameter. The server also listens on HTTPS asking for client certificates
 * of the sandbox's test CA ({@link CertificateLoginConnection}, injectable too), for the certificate login, and the
 * stand-in of VNPT SmartCA ({@link RemoteSigningConnection}, injectable too) answers the remote-signing login.
 */
public class TestKeycloak implements ParameterResolver {

    /** Synthetic people (seed 42) the population database simulator knows besides the personas. */
    public static final int SYNTHETIC_PEOPLE = 200;
    private static final String LINK_WEBHOOK = "spi-events-listener--vneid-link-webhook--";
    private static final String BRIDGE_ADMIN = "spi-admin-realm-restapi-extension--vneid-bridge--";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == AdminApi.class || type == LegacyDatabaseConnection.class
                || type == PopulationRegistryConnection.class || type == BusinessRegistryConnection.class
                || type == CertificateLoginConnection.class || type == RemoteSigningConnection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningServer running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(serverName(), key -> start(), RunningServer.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == AdminApi.class) {
            return running.admin();
        }
        if (type == PopulationRegistryConnection.class) {
            return running.registry();
        }
        if (type == BusinessRegistryConnection.class) {
            return running.businessRegistry();
        }
        if (type == CertificateLoginConnection.class) {
            return running.certificates();
        }
        if (type == RemoteSigningConnection.class) {
            return running.remoteSigning();
        }
        return type == LegacyDatabaseConnection.class ? running.legacy() : running.server();
    }

    /** The server's instance name (its folder under the servers directory). */
    protected String serverName() {
        return "it";
    }

    /** The legacy database this server reads, created and seeded before Keycloak starts. */
    protected LegacyDatabaseConnection legacyDatabase(Path workDir) {
        return LegacyDatabaseConnection.h2(workDir.resolve("legacy-db"));
    }

    protected AutoCloseable legacyDatabaseResource() {
        return () -> { };
    }

    /**
     * Whether link webhooks may reach loopback and private addresses (server option
     * {@code allow-private-addresses}): here yes, as the test portals listen on 127.0.0.1; a subclass that runs
     * as in production says no.
     */
    protected boolean allowPrivateWebhookAddresses() {
        return true;
    }

    /** Keycloak's own database: the launcher's default (H2 file) unless a subclass gives another. */
    protected KeycloakServerConfig.Builder ownDatabase(KeycloakServerConfig.Builder builder, Path workDir) {
        return builder;
    }

    private RunningServer start() {
        Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
        Path workDir = servers.resolve(serverName() + "-data");
        LegacyDatabaseConnection legacy = legacyDatabase(workDir);
        try {
            deleteRecursively(workDir.resolve("legacy-db"));
            try (Connection connection = legacy.open()) {
                LegacySchema.create(connection);
                LegacyDatabaseSeeder.seedPersonas(connection);
                LegacyFixtures.install(connection);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot prepare the legacy database " + legacy.jdbcUrl(), e);
        }
        int httpPort = freePort();
        int managementPort = freePort();
        while (managementPort == httpPort) {
            managementPort = freePort();
        }
        PopulationRegistryConnection registry;
        try {
            registry = PopulationRegistryConnection.start(0, SYNTHETIC_PEOPLE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the population database simulator", e);
        }
        BusinessRegistryConnection businessRegistry;
        try {
            businessRegistry = BusinessRegistryConnection.start(0);
        } catch (IOException e) {
            registry.close();
            throw new UncheckedIOException("cannot start the business registry simulator", e);
        }
        CertificateLoginConnection certificates;
        try {
            certificates = CertificateLoginConnection.start(workDir.resolve("ca"), 0);
        } catch (IOException e) {
            businessRegistry.close();
            registry.close();
            throw new UncheckedIOException("cannot start the test CA of the certificate login", e);
        }
        RemoteSigningConnection remoteSigning;
        try {
            remoteSigning = RemoteSigningConnection.start(0, certificates.authority());
        } catch (IOException e) {
            certificates.close();
            businessRegistry.close();
            registry.close();
            throw new UncheckedIOException("cannot start the remote-signing stand-in", e);
        }
        int httpsPort = freePort();
        while (httpsPort == httpPort || httpsPort == managementPort) {
            httpsPort = freePort();
        }
        KeycloakServer server;
        try {
            server = KeycloakServer.start(ownDatabase(remoteSigning.configure(certificates.configure(businessRegistry.configure(
                    registry.configure(legacy.configure(KeycloakServerConfig.builder()
                    .name(serverName())
                    .distributionZip(requiredFile("keycloak.dist.zip"))
                    .providersBundle(requiredFile("vneid.providers.bundle"))
                    .extraBundle(requiredFile("vneid.sandbox.bundle"))
                    .serversDir(servers)
                    .httpPort(httpPort)
                    .managementPort(managementPort)
                    // the client address from X-Forwarded-For, as behind the operators' proxy (tests of per-address limits)
                    .runtimeOption("proxy-headers", "xforwarded")
                    .runtimeOption("proxy-trusted-addresses", "127.0.0.1")
                    // link events: poll the outbox every second, retry after 1-3 s (defaults 5 s, 10 s-1 h)
                    .runtimeOption(LINK_WEBHOOK + "poll-seconds", "1")
                    .runtimeOption(LINK_WEBHOOK + "initial-backoff-seconds", "1")
                    .runtimeOption(LINK_WEBHOOK + "max-backoff-seconds", "3")
                    // the bridge's gauges (migration progress, webhook backlog) every 2 s (defaults 300 s, 30 s)
                    .runtimeOption(BRIDGE_ADMIN + "metrics-refresh-seconds", "2")
                    .runtimeOption(BRIDGE_ADMIN + "backlog-refresh-seconds", "2")
                    // the test portals' webhooks listen on 127.0.0.1 (see allowPrivateWebhookAddresses)
                    .runtimeOption(LINK_WEBHOOK + "allow-private-addresses",
                            String.valueOf(allowPrivateWebhookAddresses()))))), httpsPort)), workDir)
                    .build());
        } catch (RuntimeException e) {
            remoteSigning.close();
            certificates.close();
            businessRegistry.close();
            registry.close();
            throw e;
        }
        return new RunningServer(server, new AdminApi(server.baseUri(), server.config().adminUsername(),
                server.config().adminPassword()), legacy, registry, businessRegistry, certificates, remoteSigning,
                legacyDatabaseResource());
    }

    public static Path requiredFile(String property) {
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

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** A started server and what it uses, closed by JUnit when the whole run ends. */
    private record RunningServer(KeycloakServer server, AdminApi admin, LegacyDatabaseConnection legacy,
                                 PopulationRegistryConnection registry, BusinessRegistryConnection businessRegistry,
                                 CertificateLoginConnection certificates, RemoteSigningConnection remoteSigning,
                                 AutoCloseable legacyResource)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                try {
                    businessRegistry.close();
                    remoteSigning.close();
                    certificates.close();
                } finally {
                    registry.close();
                    legacyResource.close();
                }
            }
        }
    }
}
