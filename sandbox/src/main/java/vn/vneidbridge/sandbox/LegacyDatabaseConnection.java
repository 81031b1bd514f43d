package vn.vneidbridge.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * Where the legacy portal database of a sandbox or test server is, and the Keycloak options that bind the
 * named datasource {@code vneid-legacy} to it.
 *
 * @param dbKind   Keycloak's {@code db-kind-vneid-legacy}: {@code dev-file} (H2) or {@code postgres}
 * @param jdbcUrl  the JDBC URL, the same for our tools and for Keycloak
 */
public record LegacyDatabaseConnection(String dbKind, String jdbcUrl, String username, String password) {

    /** The named datasource (and JPA unit) of the legacy database. */
    public static final String DATASOURCE = "vneid-legacy";

    /** An H2 database in {@code directory} (file {@code legacy.mv.db}). */
    public static LegacyDatabaseConnection h2(Path directory) {
        return new LegacyDatabaseConnection("dev-file",
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("legacy") + ";NON_KEYWORDS=VALUE", "sa", "");
    }

    public static LegacyDatabaseConnection postgres(String jdbcUrl, String username, String password) {
        return new LegacyDatabaseConnection("postgres", jdbcUrl, username, password);
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Adds the datasource options to a server's configuration. */
    public KeycloakServerConfig.Builder configure(KeycloakServerConfig.Builder server) {
        return server.buildOption("db-kind-" + DATASOURCE, dbKind)
                // a legacy database outage must not make the node unready: VNeID logins go on without it
                .buildOption("db-health-exclude-" + DATASOURCE, "true")
                .runtimeOption("db-url-full-" + DATASOURCE, jdbcUrl)
                .runtimeOption("db-username-" + DATASOURCE, username)
                .runtimeOption("db-password-" + DATASOURCE, password.isEmpty() ? null : password)
                .runtimeOption("db-pool-max-size-" + DATASOURCE, "20");
    }
}
