package vn.vneidbridge.distribution;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and stops a server left running from an instance directory by a JVM that was killed before it
 * could run its shutdown hook, so the directory and its ports can be reused. {@code kc.sh} forks the
 * server JVM, so both the script (whose pid the file holds) and any JVM whose command line names this
 * directory's Keycloak home are stopped.
 */
final class PidFile {

    private static final Logger LOG = System.getLogger(PidFile.class.getName());

    private final Path file;
    private final String home;

    PidFile(Path instanceDir) {
        this.file = instanceDir.resolve("server.pid");
        this.home = instanceDir.toAbsolutePath().resolve("keycloak").toString();
    }

    void write(long pid) throws IOException {
        Files.writeString(file, Long.toString(pid));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Stops every process still running from this instance's Keycloak home. */
    void stopLeftover() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.allProcesses()
                .filter(handle -> !handle.equals(self))
                .filter(handle -> handle.info().arguments()
                        .map(args -> String.join(" ", args).contains(home))
                        .orElse(false))
                .forEach(handle -> {
                    LOG.log(Level.WARNING, "stopping a Keycloak process left running from {0} (pid {1,number,#})",
                            home, handle.pid());
                    KeycloakServer.destroyTree(handle);
                });
        delete();
    }
}
