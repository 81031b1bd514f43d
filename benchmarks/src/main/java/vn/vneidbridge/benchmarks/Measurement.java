package vn.vneidbridge.benchmarks;

/**
 * One measured run: a flow on one server variant.
 *
 * @param flow          what is measured, e.g. "Password login"
 * @param variant       "stock", "ours", or what distinguishes the run (a hash format, a database size)
 * @param pair          the key shared by the stock and ours runs of a pair, null for a run without a stock twin
 * @param throughput    logins per second over the window
 * @param latencies     whole-login latencies (authorization request to tokens)
 * @param logins        logins finished (also after the window closed)
 * @param failures      logins that failed
 * @param cpuSeconds    server JVM CPU seconds (user + system) during the run
 * @param peakRssBytes  the server JVM's VmHWM after the run (peak since it started)
 * @param step          latencies of the measured step inside the login (the CCCD check request), or NONE
 * @param registryCalls population-registry requests the simulator received during the run
 */
record Measurement(String flow, String variant, String pair, double throughput, Latencies latencies, int logins,
                   long failures, double cpuSeconds, long peakRssBytes, Latencies step, long registryCalls) {

    double cpuSecondsPerLogin() {
        return logins == 0 ? Double.NaN : cpuSeconds / logins;
    }

    double peakRssMiB() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
