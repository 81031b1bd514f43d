package vn.vneidbridge.operations.bulk;

/**
 * How many accounts one batch reads: about five seconds of registry calls at the job's rate, between 10 and 500,
 * so a pause or cancel takes effect within seconds and the cursor is committed often, while a fast job does not
 * spend its time on commits.
 */
final class BatchSize {

    static final int MIN = 10;
    static final int MAX = 500;

    private BatchSize() {
    }

    static int of(int ratePerSecond) {
        return (int) Math.max(MIN, Math.min(MAX, ratePerSecond * 5L));
    }
}
