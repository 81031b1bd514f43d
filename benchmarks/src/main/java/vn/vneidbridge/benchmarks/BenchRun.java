package vn.vneidbridge.benchmarks;

import java.time.Duration;

/**
 * One Gatling run as the runner sets it up for {@link LoginSimulation} (which Gatling instantiates itself, in
 * this JVM): the server, the journey, the accounts, the closed-model concurrency and either a duration (a timed
 * run) or none (a preparation run: every account of a use-once source logs in once).
 */
record BenchRun(String name, String baseUrl, Journey journey, UserSource users, int concurrency,
                Duration duration, Recorder recorder) {

    private static volatile BenchRun current;

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
