package vn.vneidbridge.benchmarks;

import java.util.Arrays;

/** The median of repeated values and their range (min–max), as the report gives a ratio over the pairs. */
record Spread(int count, double median, double min, double max) {

    static final Spread NONE = new Spread(0, Double.NaN, Double.NaN, Double.NaN);

    static Spread of(double... values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return NONE;
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(n, median, sorted[0], sorted[n - 1]);
    }

    /** Whether {@code other}'s median lies within this range, or this median within {@code other}'s. */
    boolean agreesWith(Spread other) {
        return (other.median >= min && other.median <= max) || (median >= other.min && median <= other.max);
    }

    /** A value, not a ratio: "36.30 (35.10–37.00)" with {@code pattern} "%.2f", or "36.30" for a single value. */
    String format(String pattern) {
        if (count == 0) {
            return "—";
        }
        String m = String.format(java.util.Locale.ROOT, pattern, median);
        return count == 1 ? m : m + " (" + String.format(java.util.Locale.ROOT, pattern, min) + "–"
                + String.format(java.util.Locale.ROOT, pattern, max) + ")";
    }

    /** "0.97× (0.95–0.99)", or "0.97×" for a single value. */
    String format() {
        if (count == 0) {
            return "—";
        }
        return count == 1 ? String.format(java.util.Locale.ROOT, "%.2f×", median)
                : String.format(java.util.Locale.ROOT, "%.2f× (%.2f–%.2f)", median, min, max);
    }
}
