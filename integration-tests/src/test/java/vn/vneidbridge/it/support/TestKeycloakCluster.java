package vn.vneidbridge.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.vneidbridge.distribution.KeycloakServer;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.CertificateLoginConnection;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;
import vn.vneidbridge.sandbox.PopulationRegistryConnection;
import vn.vneidbridge.sandbox.RemoteSigningConnection;
import vn.vneidbridge.sandbox.legacy.LegacyDatabaseSeeder;
import vn.vneidbridge.sandbox.legacy.LegacySchema;

/**
 * Two Keycloak nodes with VNeID Bridge in one cluster, as operators run it: one PostgreSQL for Keycloak's
 * database (which also lets the nodes find each other, Keycloak's default JDBC_PING discovery), one PostgreSQL
 * legacy portal database, one population database simulator, embedded Infinispan caches ({@code --cache=ispn})
 * bound to 127.0.0.1, and the sandbox's test CA (each node with its own HTTPS listener) with the stand-in of VNPT
 * SmartCA that both nodes call. The first node imports the realms; the second joins it. Started once for the run when
 * a test asks for {@link Cluster}.
 */
public final class TestKeycloakCluster implements ParameterResolver {

    /** The two nodes and what they share. */
    public record Cluster(KeycloakServer first, KeycloakServer second, AdminApi admin, AdminApi adminOnSecond,
                          PopulationRegistryConnection registry, CertificateLoginConnection certificates,
                          RemoteSigningConnection remoteSigning) {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("it-cluster", key -> start(), Running.class).cluster();
    }

    private static Running start() {
        Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
        Path workDir = servers.resolve("it-cluster-data");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("postgres"))
                    .setCleanDataDirectory(true).setPort(TestKeycloak.freePort()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for the cluster", e);
        }
        Running running = new Running(postgres);
        try {
            LegacyDatabaseConnection legacy = LegacyDatabaseConnection.postgres(
                    postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            try (Connection connection = legacy.open(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE keycloak");
                LegacySchema.create(connection);
                LegacyDatabaseSeeder.seedPersonas(connection);
                LegacyFixtures.install(connection);
            }
            running.registry = PopulationRegistryConnection.start(0, TestKeycloak.SYNTHETIC_PEOPLE);
            running.certificates = CertificateLoginConnection.start(workDir.resolve("ca"), 0);
            running.remoteSigning = RemoteSigningConnection.start(0, running.certificates.authority());
            String keycloakDb = postgres.getJdbcUrl("postgres", "keycloak");
            running.first = KeycloakServer.start(node("it-node1", servers, legacy, running, keycloakDb)
                    .importRealms(true).build());
            running.second = KeycloakServer.start(node("it-node2", servers, legacy, running, keycloakDb)
                    .importRealms(false).build());
            running.admin = new AdminApi(running.first.baseUri(), running.first.config().adminUsername(),
                    running.first.config().adminPassword());
            running.adminOnSecond = new AdminApi(running.second.baseUri(), running.second.config().adminUsername(),
                    running.second.config().adminPassword());
            return running;
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                running.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start the two-node cluster", e);
        }
    }

    private static KeycloakServerConfig.Builder node(String name, Path servers, LegacyDatabaseConnection legacy,
                                                     Running running, String keycloakDb) {
        int httpPort = TestKeycloak.freePort();
        int managementPort = TestKeycloak.freePort();
        int httpsPort = TestKeycloak.freePort();
        return running.remoteSigning.configure(running.certificates.configure(running.registry.configure(
                legacy.configure(KeycloakServerConfig.builder()
                .name(name)
                .distributionZip(TestKeycloak.requiredFile("keycloak.dist.zip"))
                .providersBundle(TestKeycloak.requiredFile("vneid.providers.bundle"))
                .extraBundle(TestKeycloak.requiredFile("vneid.sandbox.bundle"))
                .serversDir(servers)
                .httpPort(httpPort)
                .managementPort(managementPort)
                .buildOption("db", "postgres")
                .buildOption("cache", "ispn")
                .runtimeOption("cache", "ispn")
                .runtimeOption("cache-embedded-network-bind-address", "127.0.0.1")
                .runtimeOption("cache-embedded-network-bind-port", String.valueOf(TestKeycloak.freePort()))
                .runtimeOption("db-url", keycloakDb)
                .runtimeOption("db-username", "postgres")
                .runtimeOption("db-password", "postgres"))), httpsPort));
    }

    /** What the cluster runs on, closed by JUnit when the whole run ends. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final EmbeddedPostgres postgres;
        private PopulationRegistryConnection registry;
        private CertificateLoginConnection certificates;
        private RemoteSigningConnection remoteSigning;
        private KeycloakServer first;
        private KeycloakServer second;
        private AdminApi admin;
        private AdminApi adminOnSecond;

        Running(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        Cluster cluster() {
            return new Cluster(first, second, admin, adminOnSecond, registry, certificates, remoteSigning);
        }

        @Override
        public void close() throws Exception {
            try {
                if (second != null) {
                    second.close();
                }
            } finally {
                try {
                    if (first != null) {
                        first.close();
                    }
                } finally {
                    try {
                        if (remoteSigning != null) {
                            remoteSigning.close();
                        }
                        if (certificates != null) {
                            certificates.close();
                        }
                        if (registry != null) {
                            registry.close();
                        }
                    } finally {
                        postgres.close();
                    }
                }
            }
        }
    }
}
