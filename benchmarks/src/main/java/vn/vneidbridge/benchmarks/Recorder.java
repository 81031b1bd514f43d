package vn.vneidbridge.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the virtual users of one Gatling run report, each with the {@link System#nanoTime()} it ended at: every
 * finished login (start and end; its last request is the token exchange), every failed one, every named request
 * (the per-request breakdown) and the measured step inside the login when the journey has one (the CCCD check).
 * The runner asks for what ended within a slice of time (the warm-up's slices, then the measured window).
 * Thread-safe; one recorder per run.
 */
final class Recorder {

    private final List<long[]> logins = new ArrayList<>();
    private final List<Long> failures = new ArrayList<>();
    private final Map<String, List<long[]>> requests = new LinkedHashMap<>();
    private final List<long[]> steps = new ArrayList<>();

    synchronized void login(long startNanos, long endNanos) {
        logins.add(new long[] {startNanos, endNanos});
    }

    synchronized void failure() {
        failures.add(System.nanoTime());
    }

    /** One named request (authorize, login form, token, …) that took {@code endNanos - startNanos}. */
    synchronized void request(String name, long startNanos, long endNanos) {
        requests.computeIfAbsent(name, n -> new ArrayList<>()).add(new long[] {startNanos, endNanos});
    }

    synchronized void step(long nanos) {
        long now = System.nanoTime();
        steps.add(new long[] {now - nanos, now});
    }

    /** Logins that ended in {@code [from, to)}. */
    synchronized int loginsEnded(long from, long to) {
        return count(logins, from, to);
    }

    /** Named requests of any name that ended in {@code [from, to)}. */
    synchronized int requestsEnded(long from, long to) {
        return requests.values().stream().mapToInt(list -> count(list, from, to)).sum();
    }

    /** Everything that ended in {@code [from, to)}. */
    synchronized Window window(long from, long to) {
        Map<String, long[]> byName = new LinkedHashMap<>();
        requests.forEach((name, list) -> {
            long[] durations = durations(list, from, to);
            if (durations.length > 0) {
                byName.put(name, durations);
            }
        });
        long failed = failures.stream().filter(t -> t >= from && t < to).count();
        return new Window(to - from, durations(logins, from, to), failed, byName, durations(steps, from, to));
    }

    /** All logins finished so far (a preparation pass reports them). */
    synchronized int logins() {
        return logins.size();
    }

    synchronized long failures() {
        return failures.size();
    }

    private static int count(List<long[]> list, long from, long to) {
        int n = 0;
        for (long[] entry : list) {
            if (entry[1] >= from && entry[1] < to) {
                n++;
            }
        }
        return n;
    }

    private static long[] durations(List<long[]> list, long from, long to) {
        return list.stream().filter(e -> e[1] >= from && e[1] < to).mapToLong(e -> e[1] - e[0]).toArray();
    }

    /**
     * What ended within one measured window.
     *
     * @param nanos     the window's length
     * @param logins    the duration of each login that ended in it
     * @param failures  logins that failed in it
     * @param requests  per request name, the duration of each such request that ended in it
     * @param steps     the duration of each measured step (CCCD check) that ended in it
     */
    record Window(long nanos, long[] logins, long failures, Map<String, long[]> requests, long[] steps) {

        double seconds() {
            return nanos / 1e9;
        }

        double loginsPerSecond() {
            return logins.length / seconds();
        }

        int requestCount() {
            return requests.values().stream().mapToInt(d -> d.length).sum();
        }
    }
}
