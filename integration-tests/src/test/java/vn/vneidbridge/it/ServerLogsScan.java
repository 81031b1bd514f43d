package vn.vneidbridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.it.support.PersonaNumbers;
import vn.vneidbridge.it.support.ServerLogScan;

/**
 * After the whole integration-test suite: no id number of any test person in any Keycloak server's log at INFO or
 * above. Not an {@code *IT}: failsafe's second execution (integration-tests/pom.xml) runs it alone, after the
 * first execution has run every other test class and stopped the servers, and the build's {@code verify} fails
 * on its failure like on any other. It reads {@code server.log} (the server's whole console output) of every
 * server under {@code keycloak.servers.dir} that this build started (written since {@code build.started}): the
 * H2 server, the one on PostgreSQL, both nodes of the cluster, the launcher test's stock servers.
 */
class ServerLogsScan {

    @Nested
    class GivenTheLogsOfEveryKeycloakServerThisBuildStarted {

        @Test
        void thenNoneHoldsAnIdNumberAtInfoOrAbove() {
            List<Path> logs = serverLogs();
            Assumptions.assumeFalse(logs.isEmpty(), "no Keycloak server ran in this build: no log to scan");
            Set<String> numbers = PersonaNumbers.all();
            assertThat(numbers).as("the test people's numbers").contains("052189000123", "164438056",
                    "001090001234", "079195004567", "042085007890", "036088002468", "025678901", "001195009876");

            List<String> findings = new ArrayList<>();
            long lines = 0;
            for (Path log : logs) {
                ServerLogScan scan = scan(log, numbers);
                lines += scan.lines();
                System.out.printf("server log %s: %d lines, %d at INFO or above, %d with an id number%n",
                        log, scan.lines(), scan.linesAtInfoOrAbove(), scan.findings().size());
                scan.findings().forEach(finding -> findings.add(log.getParent().getFileName() + " " + finding));
            }
            System.out.printf("%d server logs written since %s, %d lines scanned for %d id numbers%n", logs.size(),
                    System.getProperty("build.started", "(any time)"), lines, numbers.size());

            assertThat(findings).as("lines at INFO or above holding an id number (masked here)").isEmpty();
        }
    }

    private static ServerLogScan scan(Path log, Set<String> numbers) {
        ServerLogScan scan = new ServerLogScan(numbers);
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            reader.lines().forEach(scan::accept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return scan;
    }

    /** {@code <servers>/<name>/server.log} of the servers started since the build began (all without a start). */
    private static List<Path> serverLogs() {
        Path servers = Path.of(System.getProperty("keycloak.servers.dir", "target/keycloak-servers"));
        Optional<Instant> since = Optional.ofNullable(System.getProperty("build.started"))
                .filter(started -> !started.isBlank()).map(Instant::parse);
        if (!Files.isDirectory(servers)) {
            return List.of();
        }
        try (Stream<Path> instances = Files.list(servers)) {
            return instances.map(instance -> instance.resolve("server.log")).filter(Files::isRegularFile)
                    .filter(log -> since.map(start -> !modified(log).isBefore(start)).orElse(true))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + servers, e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
