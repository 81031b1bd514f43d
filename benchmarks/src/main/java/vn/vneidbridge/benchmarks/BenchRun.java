package vn.vneidbridge.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Gatling run as the runner sets it up for {@link LoginSimulation} (which Gatling instantiates itself, in
 * this JVM): the server, the journey, the accounts, the closed-model concurrency, and either a cap (a measured
 * run, which goes on until the runner says {@link #stop()} — after the warm-up and the window — or the cap) or
 * none (a preparation run: every account of a use-once source logs in once).
 */
record BenchRun(String name, String baseUrl, Journey journey, UserSource users, int concurrency,
                Duration cap, Recorder recorder, AtomicBoolean stopFlag) {

    private static volatile BenchRun current;

    static BenchRun measured(String name, String baseUrl, Journey journey, UserSource users, int concurrency,
                             Duration cap, Recorder recorder) {
        return new BenchRun(name, baseUrl, journey, users, concurrency, cap, recorder, new AtomicBoolean());
    }

    static BenchRun preparation(String name, String baseUrl, Journey journey, UserSource users, int concurrency,
                                Recorder recorder) {
        return new BenchRun(name, baseUrl, journey, users, concurrency, null, recorder, new AtomicBoolean());
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
        return cap != null;
    }

    /** The measured window is over: no virtual user starts another login (or poll). */
    void stop() {
        stopFlag.set(true);
    }

    boolean stopped() {
        return stopFlag.get();
    }
}
