package vn.vneidbridge.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * When a freshly started server is warm: its CPU-seconds per unit of work (a login, or a poll) measured over
 * consecutive slices of the warm-up (10 s each by default) have stopped falling. A fresh Keycloak JVM on two
 * saturated cores keeps getting cheaper for two to three minutes (JIT compilation, caches), so a fixed short
 * warm-up measures the JIT rather than the code. The warm-up is over when the last {@code slices} slices agree
 * within {@code tolerance} — (max − min) / median —, they cost no less than the {@code slices} slices before them
 * by more than half the tolerance (a server still getting cheaper by 1–2 % a slice passes the first test alone:
 * measured, ours at 0.278, 0.224, 0.198 CPU-s per login in three rounds after a warm-up that had "settled" at 30 s),
 * and the minimum has passed; or when the cap is reached (the report then says the server never settled).
 */
final class SteadyState {

    /** One slice of the warm-up: the server's CPU-seconds and the units of work that ended in it. */
    record Slice(double cpuSeconds, long units) {

        double costPerUnit() {
            return units == 0 ? Double.NaN : cpuSeconds / units;
        }
    }

    /** The judgement after each slice. */
    sealed interface Verdict permits Warming, Stable, Capped {
    }

    /** Not settled yet: go on warming up. */
    record Warming() implements Verdict {
    }

    /** Settled: the last slices agree, measure now. */
    record Stable(double spread) implements Verdict {
    }

    /** The cap is reached without the slices agreeing: measure anyway, and say so. */
    record Capped(double spread) implements Verdict {
    }

    private final int minSlices;
    private final int maxSlices;
    private final int slices;
    private final double tolerance;

    SteadyState(int minSlices, int maxSlices, int slices, double tolerance) {
        if (slices < 2 || minSlices < slices || maxSlices < minSlices || tolerance <= 0) {
            throw new IllegalArgumentException("need 2 <= slices <= minSlices <= maxSlices and tolerance > 0");
        }
        this.minSlices = minSlices;
        this.maxSlices = maxSlices;
        this.slices = slices;
        this.tolerance = tolerance;
    }

    Verdict judge(List<Slice> warmUp) {
        double spread = spread(warmUp);
        if (warmUp.size() >= minSlices && spread <= tolerance && !stillFalling(warmUp)) {
            return new Stable(spread);
        }
        if (warmUp.size() >= maxSlices) {
            return new Capped(spread);
        }
        return new Warming();
    }

    /**
     * Whether the last slices cost less than the slices before them by more than half the tolerance (medians), or
     * there are not yet twice as many slices to tell.
     */
    boolean stillFalling(List<Slice> warmUp) {
        if (warmUp.size() < 2 * slices) {
            return true;
        }
        double last = median(warmUp.subList(warmUp.size() - slices, warmUp.size()));
        double before = median(warmUp.subList(warmUp.size() - 2 * slices, warmUp.size() - slices));
        return last < before * (1 - tolerance / 2);
    }

    private static double median(List<Slice> slices) {
        double[] costs = slices.stream().mapToDouble(Slice::costPerUnit).sorted().toArray();
        return costs.length % 2 == 1 ? costs[costs.length / 2]
                : (costs[costs.length / 2 - 1] + costs[costs.length / 2]) / 2;
    }

    /** (max − min) / median of the last slices' cost per unit; infinite when one of them did no work. */
    double spread(List<Slice> warmUp) {
        if (warmUp.size() < slices) {
            return Double.POSITIVE_INFINITY;
        }
        double[] costs = warmUp.subList(warmUp.size() - slices, warmUp.size()).stream()
                .mapToDouble(Slice::costPerUnit).toArray();
        if (Arrays.stream(costs).anyMatch(c -> Double.isNaN(c) || c <= 0)) {
            return Double.POSITIVE_INFINITY;
        }
        Spread spread = Spread.of(costs);
        return (spread.max() - spread.min()) / spread.median();
    }
}
