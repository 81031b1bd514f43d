package vn.vneidbridge.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import vn.vneidbridge.distribution.KeycloakServerConfig;

/**
 * Which way a fresh JVM compiles Argon2 ({@code --argon2-lottery=N}): starts N JVMs as Keycloak ships them and N
 * with {@link KeycloakServerConfig#ARGON2_INLINING}, taking turns, each hashing Argon2id with Keycloak's parameters
 * on two threads (Keycloak hashes on at most one thread per core) for {@link #WARM_UP_SECONDS} and then
 * {@link #MEASURED_SECONDS} more; prints each JVM's CPU-seconds per hash over the measured part, and how many JVMs of
 * each kind were slow. No server is started.
 */
final class Argon2Lottery {

    static final int THREADS = 2;
    static final int WARM_UP_SECONDS = 20;
    static final int MEASURED_SECONDS = 10;
    /** A JVM is slow when its hash costs more than this times the cheapest JVM's of the run. */
    static final double SLOW = 2.0;
    private static final String RESULT = "cpu-seconds-per-hash=";

    private Argon2Lottery() {
    }

    /** The whole comparison: {@code jvms} JVMs of each kind, one at a time. */
    static void run(PrintStream out, int jvms) throws IOException, InterruptedException {
        out.printf("Argon2 lottery: %d fresh JVMs as Keycloak ships them and %d with %s, taking turns; each hashes on"
                + " %d threads, %d s warm-up, %d s measured%n", jvms, jvms, KeycloakServerConfig.ARGON2_INLINING,
                THREADS, WARM_UP_SECONDS, MEASURED_SECONDS);
        List<Double> plain = new ArrayList<>();
        List<Double> inlined = new ArrayList<>();
        for (int i = 1; i <= jvms; i++) {
            plain.add(child(out, "plain  ", i, ""));
            inlined.add(child(out, "inlined", i, KeycloakServerConfig.ARGON2_INLINING));
        }
        double fastest = List.of(plain, inlined).stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
                .min().orElse(Double.NaN);
        out.println(summary("as shipped", plain, fastest));
        out.println(summary("inlined   ", inlined, fastest));
    }

    /** E.g. "as shipped: 3 of 9 slow (above 2.0x the fastest JVM's 0.047); CPU-s per hash 0.047-0.183". */
    static String summary(String label, List<Double> seconds, double fastest) {
        long slow = seconds.stream().filter(s -> s > SLOW * fastest).count();
        Spread spread = Spread.of(seconds.stream().mapToDouble(Double::doubleValue).toArray());
        return String.format(Locale.ROOT, "%s: %d of %d slow (above %.1fx the fastest JVM's %.3f); CPU-s per hash"
                + " %.3f-%.3f", label, slow, seconds.size(), SLOW, fastest, spread.min(), spread.max());
    }

    /** The child's result line, or NaN when it printed none. */
    static double parse(String line) {
        return line != null && line.startsWith(RESULT) ? Double.parseDouble(line.substring(RESULT.length()))
                : Double.NaN;
    }

    private static double child(PrintStream out, String label, int i, String jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms128m");
        command.add("-Xmx1024m");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Argon2Lottery.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double seconds = Double.NaN;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                double parsed = parse(line);
                if (!Double.isNaN(parsed)) {
                    seconds = parsed;
                }
            }
        }
        int exit = process.waitFor();
        out.printf(Locale.ROOT, "  %s JVM %2d: %.4f CPU-s per hash%s%n", label, i, seconds,
                exit == 0 ? "" : " (exit " + exit + ")");
        return seconds;
    }

    /** The child JVM: hashes on {@link #THREADS} threads, prints its CPU-seconds per hash over the measured part. */
    public static void main(String[] args) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong hashes = new AtomicLong();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    HashLimit.argon2id();
                    hashes.incrementAndGet();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(WARM_UP_SECONDS * 1000L);
        long cpu = os.getProcessCpuTime();
        long done = hashes.get();
        Thread.sleep(MEASURED_SECONDS * 1000L);
        long hashed = hashes.get() - done;
        double seconds = hashed == 0 ? Double.NaN : (os.getProcessCpuTime() - cpu) / 1e9 / hashed;
        System.out.println(RESULT + seconds);
        System.exit(0);
    }
}
