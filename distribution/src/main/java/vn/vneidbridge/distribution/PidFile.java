package vn.vneidbridge.distribution;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds and stops a server left running from an instance directory by a JVM that was killed before it
 * could run its shutdown hook, so the directory and its ports can be reused. {@code kc.sh} forks the
 * server JVM: the script whose pid the file holds, and any Keycloak JVM started with this directory's
 * {@code -Dkc.home.dir}, are stopped — nothing else that merely mentions the path.
 */
final class PidFile {

    private static final Logger LOG = System.getLogger(PidFile.class.getName());

    private final Path file;
    private final String home;
    private final String script;

    PidFile(Path instanceDir) {
        this.file = instanceDir.resolve("server.pid");
        this.home = instanceDir.toAbsolutePath().resolve("keycloak").toString();
        this.script = instanceDir.toAbsolutePath().resolve("keycloak").resolve("bin").resolve("kc.sh").toString();
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
        Optional<Long> recorded = Files.isRegularFile(file) ? parse(Files.readString(file)) : Optional.empty();
        ProcessHandle.allProcesses()
                .filter(handle -> !handle.equals(self))
                .filter(handle -> isKeycloakJvm(handle) || recorded.filter(pid -> pid == handle.pid())
                        .map(pid -> isScript(handle)).orElse(false))
                .forEach(handle -> {
                    LOG.log(Level.WARNING, "stopping a Keycloak process left running from {0} (pid {1,number,#})",
                            home, handle.pid());
                    KeycloakServer.destroyTree(handle);
                });
        delete();
    }

    private boolean isKeycloakJvm(ProcessHandle handle) {
        return handle.info().arguments().map(args -> java.util.Arrays.asList(args).contains("-Dkc.home.dir=" + home)
                || java.util.Arrays.stream(args).anyMatch(arg -> arg.equals("-Dkc.home.dir=" + home + "/")))
                .orElse(false);
    }

    private boolean isScript(ProcessHandle handle) {
        return handle.info().arguments().map(args -> java.util.Arrays.asList(args).contains(script)).orElse(false);
    }

    private static Optional<Long> parse(String pid) {
        try {
            return Optional.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
