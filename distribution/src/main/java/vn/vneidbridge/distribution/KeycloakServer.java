package vn.vneidbridge.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak server started from the distribution zip: laid out under its instance directory,
 * built only when its build inputs changed, started on the configured ports and stopped with its
 * whole process tree — also when the JVM that started it exits.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(KeycloakServer.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final KeycloakServerConfig config;
    private final boolean built;
    private Duration startupTime;
    private final Path logFile;
    private final Thread shutdownHook;
    private Process process;

    private KeycloakServer(KeycloakServerConfig config, Process process, boolean built, Duration startupTime,
                           Path logFile, Thread shutdownHook) {
        this.config = config;
        this.process = process;
        this.built = built;
        this.startupTime = startupTime;
        this.logFile = logFile;
        this.shutdownHook = shutdownHook;
    }

    /** Lays out, builds when needed, starts and waits until the server reports itself ready. */
    public static KeycloakServer start(KeycloakServerConfig config) {
        Instant begin = Instant.now();
        try {
            Files.createDirectories(config.instanceDir());
            PidFile pidFile = new PidFile(config.instanceDir());
            pidFile.stopLeftover();
            Ports.requireFree(config.httpPort(), "HTTP");
            Ports.requireFree(config.managementPort(), "management");

            ServerLayout layout = new ServerLayout(config);
            layout.unpackDistribution();
            boolean mustBuild = layout.prepare();
            if (mustBuild) {
                runBuild(config, layout);
                layout.markBuilt();
            } else {
                LOG.log(Level.INFO, "Keycloak ''{0}'': build inputs unchanged, skipping kc.sh build", config.name());
            }

            Path logFile = config.instanceDir().resolve("server.log");
            List<String> command = new ArrayList<>(List.of(layout.kcScript().toString(), "start", "--optimized"));
            if (config.importRealms()) {
                command.add("--import-realm");
            }
            ProcessBuilder builder = processBuilder(config, layout, command)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUsername());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword());
            LOG.log(Level.INFO, "Keycloak ''{0}'': starting on port {1,number,#} (log: {2})",
                    config.name(), config.httpPort(), logFile);
            Process process = builder.start();
            Thread hook = new Thread(() -> destroyTree(process), "stop-keycloak-" + config.name());
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                pidFile.write(process.pid());
            } catch (IOException e) {
                destroyTree(process);
                throw e;
            }
            KeycloakServer server = new KeycloakServer(config, process, mustBuild,
                    Duration.between(begin, Instant.now()), logFile, hook);
            try {
                server.awaitReady();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            server.startupTime = Duration.between(begin, Instant.now());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak '" + config.name() + "'", e);
        }
    }

    /** The server's public base URL, e.g. {@code http://localhost:8080}. */
    public URI baseUri() {
        return URI.create("http://localhost:" + config.httpPort());
    }

    public URI realmUri(String realm) {
        return URI.create(baseUri() + "/realms/" + realm);
    }

    public URI managementUri() {
        return URI.create("http://localhost:" + config.managementPort());
    }

    public KeycloakServerConfig config() {
        return config;
    }

    /** Whether this start ran {@code kc.sh build} (false when an identical build was already there). */
    public boolean built() {
        return built;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Path logFile() {
        return logFile;
    }

    /** The server JVM's process id, e.g. to read its CPU time and memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server and every process it started; waits for them to exit. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        destroyTree(process);
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
        try {
            new PidFile(config.instanceDir()).delete();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot delete pid file", e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(managementUri() + "/health/ready");
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak '" + config.name() + "' exited with code "
                        + process.exitValue() + " while starting; its log ends with:\n" + tail(logFile, 40));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak '" + config.name() + "' was not ready after "
                + config.startTimeout().toSeconds() + " s; its log ends with:\n" + tail(logFile, 40));
    }

    private static void runBuild(KeycloakServerConfig config, ServerLayout layout) throws IOException {
        Path buildLog = config.instanceDir().resolve("build.log");
        LOG.log(Level.INFO, "Keycloak ''{0}'': running kc.sh build (log: {1})", config.name(), buildLog);
        Process build = processBuilder(config, layout, List.of(layout.kcScript().toString(), "build"))
                .redirectOutput(buildLog.toFile())
                .start();
        try {
            if (!build.waitFor(10, TimeUnit.MINUTES)) {
                destroyTree(build);
                throw new IllegalStateException("kc.sh build did not finish in 10 minutes; see " + buildLog);
            }
        } catch (InterruptedException e) {
            destroyTree(build);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during kc.sh build", e);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + build.exitValue()
                    + "); its log ends with:\n" + tail(buildLog, 40));
        }
    }

    private static ProcessBuilder processBuilder(KeycloakServerConfig config, ServerLayout layout,
                                                 List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(layout.home().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // Options come from conf/keycloak.conf only, the realm files' placeholders from config.environment():
        // drop any KC_* or DVC_* the caller's shell happens to have.
        env.keySet().removeIf(key -> key.startsWith("KC_") || key.startsWith("DVC_") || key.equals("JAVA_OPTS")
                || key.equals("JAVA_OPTS_APPEND"));
        env.put("JAVA_HOME", Optional.ofNullable(System.getenv("JAVA_HOME"))
                .orElse(Path.of(System.getProperty("java.home")).toString()));
        env.put("JAVA_OPTS_KC_HEAP", config.heapOptions());
        if (!config.jvmOptions().isBlank()) {
            env.put("JAVA_OPTS_APPEND", config.jvmOptions());
        }
        env.putAll(config.environment());
        return builder;
    }

    static void destroyTree(Process process) {
        destroyTree(process.toHandle());
    }

    static void destroyTree(ProcessHandle handle) {
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            handle.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            handle.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
