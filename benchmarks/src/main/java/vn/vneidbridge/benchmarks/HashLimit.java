package vn.vneidbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import vn.vneidbridge.sandbox.legacy.LegacyPasswordHasher;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;

/**
 * The floor under a first legacy login: the work no implementation can skip — one check of the legacy hash and
 * one Argon2id hash of the password for Keycloak (its default parameters: Argon2id v1.3, 7,168 KiB, 5 iterations,
 * parallelism 1, 32 bytes, as {@code org.keycloak.crypto.hash.Argon2Parameters} has them) — measured here as the
 * CPU time of a thread doing just that (median of repeated runs after a warm-up), on the same machine and JDK,
 * with every core hashing at once ({@link #THREADS_AT_ONCE} threads, each measured): the server pays for a first
 * login's hashes with both cores busy, and a memory-hard hash costs a core more when the other core hashes too (on
 * one idle thread, bcrypt's floor came out 30 % under what the server's login paid beyond stock's in runs E and G).
 * The report adds it to a stock password login's CPU-seconds (which already verifies one Argon2id hash). The
 * warm-up lasts at least 3 CPU-seconds (quick mode: 1, {@link Precision}) and until the hash's cost is stable (a fresh runner once measured 0.19
 * CPU-s per Argon2id hash after 15 runs, 0.05 in another run); the runner measures the floor again at the end and
 * the report uses the lower of the two (the faster machine: the stricter floor).
 */
final class HashLimit {

    private static final int WARM_UP = 15;
    private static final int BATCH = 7;
    private static final int MAX_BATCHES = 40;
    private static final double TOLERANCE = 0.05;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** One hashing thread per core: every core busy while the floor is measured, as in a login window. */
    static final int THREADS_AT_ONCE = Runtime.getRuntime().availableProcessors();
    private static final byte[] SALT = "benchmark-salt16".getBytes(StandardCharsets.US_ASCII);

    /**
     * How closely a floor is measured: at least this much CPU time of warm-up per thread (a slow phase before
     * compilation can be flat for seconds), then this many measured runs per thread.
     */
    enum Precision {
        /** Full mode: 3 CPU-seconds of warm-up, 31 runs. */
        FULL(3_000_000_000L, 31),
        /** Quick mode (indicative only): 1 CPU-second of warm-up, 11 runs; its floor took 13 s of its few minutes. */
        QUICK(1_000_000_000L, 11);

        private final long minWarmUpNanos;
        private final int runs;

        Precision(long minWarmUpNanos, int runs) {
            this.minWarmUpNanos = minWarmUpNanos;
            this.runs = runs;
        }
    }

    private HashLimit() {
    }

    /** CPU-seconds of one Argon2id hash with Keycloak's default parameters. */
    static double argon2idSeconds(Precision precision) {
        return median(HashLimit::argon2id, precision);
    }

    /** One Argon2id hash with Keycloak's default parameters. */
    static byte[] argon2id() {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(SALT)
                .withParallelism(1)
                .withMemoryAsKB(7168)
                .withIterations(5)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] result = new byte[32];
        generator.generateBytes(LoginSimulation.PASSWORD.toCharArray(), result);
        return result;
    }

    /** CPU-seconds of one legacy hash computation (what checking it costs) per format. */
    static Map<PasswordFormat, Double> legacySeconds(Set<PasswordFormat> formats, Precision precision) {
        Map<PasswordFormat, Double> seconds = new EnumMap<>(PasswordFormat.class);
        for (PasswordFormat format : formats) {
            seconds.put(format, median(() -> LegacyPasswordHasher.hash(format, LoginSimulation.PASSWORD, "seed"),
                    precision));
        }
        return seconds;
    }

    /**
     * The median CPU time of the work over the precision's measured runs on each of {@link #THREADS_AT_ONCE} threads,
     * every thread warmed up first and hashing on (unmeasured) until all have measured theirs, so that no run is
     * measured with a core idle.
     */
    private static double median(Runnable work, Precision precision) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS_AT_ONCE);
        CountDownLatch measured = new CountDownLatch(THREADS_AT_ONCE);
        try {
            List<Future<long[]>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS_AT_ONCE; t++) {
                threads.add(pool.submit(() -> {
                    long[] nanos;
                    try {
                        nanos = measure(work, precision);
                    } finally {
                        measured.countDown(); // also when it failed: the others stop waiting for it
                    }
                    while (measured.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                        work.run();
                    }
                    return nanos;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> thread : threads) {
                long[] nanos = thread.get();
                int at = all.length;
                all = Arrays.copyOf(all, at + nanos.length);
                System.arraycopy(nanos, 0, all, at, nanos.length);
            }
            Arrays.sort(all);
            return all[all.length / 2] / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the hash floor", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the hash floor could not be measured", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** On the calling thread: the warm-up, then the precision's runs' CPU time each. */
    private static long[] measure(Runnable work, Precision precision) {
        warmUp(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            return THREADS.getCurrentThreadCpuTime() - start;
        }, precision);
        long[] nanos = new long[precision.runs];
        for (int i = 0; i < precision.runs; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
        }
        return nanos;
    }

    /**
     * Runs the work at least {@value #WARM_UP} times and for at least the precision's CPU time (3 CPU-seconds in full
     * mode), then in batches of {@value #BATCH} until the medians of two batches in a row agree within 5 % (at most
     * {@value #MAX_BATCHES} batches after the minimum); returns how many runs it took.
     */
    static int warmUp(LongSupplier oneRunNanos, Precision precision) {
        int runs = 0;
        long spent = 0;
        for (; runs < WARM_UP || spent < precision.minWarmUpNanos; runs++) {
            spent += oneRunNanos.getAsLong();
        }
        double previous = Double.NaN;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            long[] nanos = new long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                nanos[i] = oneRunNanos.getAsLong();
            }
            runs += BATCH;
            Arrays.sort(nanos);
            double median = nanos[BATCH / 2];
            if (Math.abs(median - previous) <= TOLERANCE * Math.max(median, previous)) {
                break;
            }
            previous = median;
        }
        return runs;
    }
}
