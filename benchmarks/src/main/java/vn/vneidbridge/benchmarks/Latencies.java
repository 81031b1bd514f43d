package vn.vneidbridge.benchmarks;

import java.util.Arrays;

/** Percentiles of a set of durations, nearest-rank, in milliseconds. */
record Latencies(int count, double p50, double p95, double p99) {

    static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN);

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)));
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} % of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
