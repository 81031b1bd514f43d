package vn.vneidbridge.benchmarks;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One Gatling run as the runner sets it up for {@link LoginSimulation} (which Gatling instantiates itself, in
 * this JVM): the server, the journey, the accounts, the closed-model concurrency and either a duration (a timed
 * run) or none (a preparation run: every account of a use-once source logs in once). {@code stop} tells a chain
 * that loops for as long as the run lasts ({@link Journey#QR_WAITING}) when to end; by default a timed run stops
 * once its duration has passed since this object was made, a preparation run at once.
 */
record BenchRun(String name, String baseUrl, Journey journey, UserSource users, int concurrency,
                Duration duration, Recorder recorder, BooleanSupplier stop) {

    private static volatile BenchRun current;

    BenchRun(String name, String baseUrl, Journey journey, UserSource users, int concurrency, Duration duration,
             Recorder recorder) {
        this(name, baseUrl, journey, users, concurrency, duration, recorder, after(duration));
    }

    /** Stops once {@code duration} has passed from now; at once when there is none. */
    static BooleanSupplier after(Duration duration) {
        if (duration == null) {
            return () -> true;
        }
        long end = System.nanoTime() + duration.toNanos();
        return () -> System.nanoTime() - end >= 0;
    }

    static void set(BenchRun run) {
        current = run;
    }

    static BenchRun current() {
        BenchRun run = current;
        if (run == null) {
            throw new IllegalStateException("LoginSimulation runs from BenchmarkMain, which sets the run first");
        }
        return run;
    }

    boolean timed() {
        return duration != null;
    }
}
