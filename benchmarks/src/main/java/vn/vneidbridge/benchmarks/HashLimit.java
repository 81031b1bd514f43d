package vn.vneidbridge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import vn.vneidbridge.sandbox.legacy.LegacyPasswordHasher;
import vn.vneidbridge.sandbox.legacy.PasswordFormat;

/**
 * The floor under a first legacy login: the work no implementation can skip — one check of the legacy hash and
 * one Argon2id hash of the password for Keycloak (its default parameters: Argon2id v1.3, 7,168 KiB, 5 iterations,
 * parallelism 1, 32 bytes, as {@code org.keycloak.crypto.hash.Argon2Parameters} has them) — measured here as the
 * CPU time of one thread doing just that (median of repeated runs after a warm-up), on the same machine and JDK.
 * The report adds it to a stock password login's CPU-seconds (which already verifies one Argon2id hash).
 */
final class HashLimit {

    private static final int WARM_UP = 15;
    private static final int RUNS = 31;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private HashLimit() {
    }

    /** CPU-seconds of one Argon2id hash with Keycloak's default parameters. */
    static double argon2idSeconds() {
        byte[] salt = "benchmark-salt16".getBytes(StandardCharsets.US_ASCII);
        return median(() -> {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt)
                    .withParallelism(1)
                    .withMemoryAsKB(7168)
                    .withIterations(5)
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] result = new byte[32];
            generator.generateBytes(LoginSimulation.PASSWORD.toCharArray(), result);
        });
    }

    /** CPU-seconds of one legacy hash computation (what checking it costs) per format. */
    static Map<PasswordFormat, Double> legacySeconds(Set<PasswordFormat> formats) {
        Map<PasswordFormat, Double> seconds = new EnumMap<>(PasswordFormat.class);
        for (PasswordFormat format : formats) {
            seconds.put(format, median(() -> LegacyPasswordHasher.hash(format, LoginSimulation.PASSWORD, "seed")));
        }
        return seconds;
    }

    private static double median(Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.run();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            nanos[i] = THREADS.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2] / 1e9;
    }
}
