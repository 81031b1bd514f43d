package vn.vneidbridge.sandbox.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of the nodes: installed with {@code apt-get} when missing (as {@code .ci/run} installs
 * Chromium), its configuration written and checked ({@code haproxy -c}), run in the foreground as a child of this
 * JVM and stopped with it.
 */
public final class Haproxy implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread hook;

    private Haproxy(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.hook = new Thread(process::destroy, "stop-haproxy");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Writes {@code haproxy.cfg} into {@code dir}, starts HAProxy and waits until it listens on {@code lbPort}. */
    public static Haproxy start(Path dir, int lbPort, ClusterCertificates tls, List<HaproxyConfig.Backend> nodes)
            throws IOException {
        Path binary = installed();
        Files.createDirectories(dir);
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, HaproxyConfig.render(lbPort, tls, nodes), StandardCharsets.UTF_8);
        Path log = dir.resolve("haproxy.log");
        Process check = new ProcessBuilder(binary.toString(), "-c", "-q", "-f", cfg.toString())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(check, Duration.ofSeconds(30)) != 0) {
            throw new IllegalStateException("HAProxy refuses its configuration " + cfg + ":\n" + checked);
        }
        Process process = new ProcessBuilder(binary.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Haproxy haproxy = new Haproxy(process, log);
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                haproxy.close();
                throw new IllegalStateException("HAProxy exited with code " + process.exitValue() + "; see " + log
                        + ":\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", lbPort), 500);
                return haproxy;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        haproxy.close();
        throw new IllegalStateException("HAProxy did not listen on port " + lbPort + " in 20 s; see " + log);
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** HAProxy's binary; {@code apt-get install -y haproxy} first when there is none and we may install. */
    static Path installed() throws IOException {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        System.out.println("HAProxy is not installed: installing Debian's package haproxy (apt-get)…");
        ProcessBuilder install = new ProcessBuilder("sh", "-c",
                "apt-get update -qq && apt-get install -y -qq haproxy").inheritIO();
        install.environment().put("DEBIAN_FRONTEND", "noninteractive");
        int code = waitFor(install.start(), Duration.ofMinutes(10));
        return find().filter(path -> code == 0).orElseThrow(() -> new IllegalStateException(
                "HAProxy is needed in front of the nodes and could not be installed (apt-get exit " + code
                        + "); install it with: apt-get install -y haproxy"));
    }

    private static Optional<Path> find() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int waitFor(Process process, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
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
