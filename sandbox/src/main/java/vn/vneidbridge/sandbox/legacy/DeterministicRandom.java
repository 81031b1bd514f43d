package vn.vneidbridge.sandbox.legacy;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a fixed, documented algorithm, so that a seed gives the same values
 * on every JVM and version. Each synthetic row gets its own stream from {@code (seed, purpose, row)}, so a row's
 * values do not depend on how many values other rows drew.
 */
final class DeterministicRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    private DeterministicRandom(long state) {
        this.state = state;
    }

    /** The stream for one row and one purpose (e.g. the person, or the account around it). */
    static DeterministicRandom forRow(long seed, long purpose, long row) {
        return new DeterministicRandom(mix(mix(seed ^ mix(purpose)) + row * GOLDEN_GAMMA));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)} (multiply-shift, bias below 2^-32). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return (nextLong() >>> 11) * 0x1.0p-53 < p;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
