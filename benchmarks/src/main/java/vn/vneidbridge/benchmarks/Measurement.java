package vn.vneidbridge.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured window: a scenario on one freshly started server.
 *
 * @param scenario      the scenario's key, e.g. "password-migrated"
 * @param title         what is measured, as the report names it
 * @param variant       "stock", "ours", or what distinguishes the run (a hash format, a database size)
 * @param pair          the key shared by the stock and ours runs of a pair, null for a run without a stock twin
 * @param repetition    which pair (1, 2, 3 …) or 1 for a run made once
 * @param unit          what one unit of work is (a login, or a waiting browser's poll)
 * @param concurrency   closed-model virtual users
 * @param window        what ended within the window
 * @param cpuSeconds    server JVM CPU seconds (user + system) over the window
 * @param peakRssBytes  the server JVM's VmHWM after the window (peak since it started)
 * @param warmUp        how the warm-up before it ended
 * @param registryCalls population-registry requests the simulator received in the window
 * @param timers        server-side timers read from /metrics before and after the window
 * @param load          the machine's load average when the window closed
 * @param idleServerCpuSeconds CPU-seconds of the other server, idle during the window (NaN without one)
 */
record Measurement(String scenario, String title, String variant, String pair, int repetition, Unit unit,
                   int concurrency, Recorder.Window window, double cpuSeconds, long peakRssBytes, WarmUp warmUp,
                   long registryCalls, List<ServerTimers.Delta> timers, String load, double idleServerCpuSeconds,
                   boolean loadEndedEarly) {

    /** What one unit of work is. */
    enum Unit { LOGIN, POLL }

    /** How the warm-up before the window ended: after how long, and whether the slices had settled. */
    record WarmUp(long seconds, boolean stable, double spread) {
    }

    int logins() {
        return window.logins().length;
    }

    /**
     * The same window under another name: quick mode's stock reference of a scenario of ours is the pair's stock
     * window of that login ({@link StockReference#ofPairWindows}), recorded again as the reference of that scenario's
     * window {@code repetition}.
     */
    Measurement reusedAs(String scenario, String title, String variant, String pair, int repetition) {
        return new Measurement(scenario, title, variant, pair, repetition, unit, concurrency, window, cpuSeconds,
                peakRssBytes, warmUp, registryCalls, timers, load, idleServerCpuSeconds, loadEndedEarly);
    }

    /** Logins per second (polls per second for a polling scenario) over the window. */
    double throughput() {
        return unit == Unit.LOGIN ? window.loginsPerSecond() : window.requestCount() / window.seconds();
    }

    Latencies latencies() {
        return Latencies.of(window.logins());
    }

    /** CPU-seconds per login; for a polling scenario, CPU-seconds per waiting browser per second. */
    double cpuPerUnit() {
        if (unit == Unit.POLL) {
            return cpuSeconds / (concurrency * window.seconds());
        }
        return logins() == 0 ? Double.NaN : cpuSeconds / logins();
    }

    Latencies step() {
        return Latencies.of(window.steps());
    }

    /** Per request name, the latencies of that request in the window. */
    Map<String, Latencies> requests() {
        Map<String, Latencies> byName = new LinkedHashMap<>();
        window.requests().forEach((name, nanos) -> byName.put(name, Latencies.of(nanos)));
        return byName;
    }

    double peakRssMiB() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
