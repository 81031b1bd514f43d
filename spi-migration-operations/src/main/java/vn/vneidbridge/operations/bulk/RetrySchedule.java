package vn.vneidbridge.operations.bulk;

/**
 * When an account whose registry call failed is asked again: after 1, 2, 4, … minutes (at most an hour), and not
 * after {@link #MAX_ATTEMPTS} calls — the error then stays in the report.
 */
final class RetrySchedule {

    static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_DELAY_MILLIS = 60_000;
    private static final long MAX_DELAY_MILLIS = 3_600_000;

    private RetrySchedule() {
    }

    /** Whether an account that failed {@code attempts} times (≥ 1) is asked again. */
    static boolean retries(int attempts, boolean retryable) {
        return retryable && attempts < MAX_ATTEMPTS;
    }

    /** When to ask again after the {@code attempts}-th failed call (attempts ≥ 1). */
    static long nextAttemptAt(long nowMillis, int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 20);
        return nowMillis + Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << doublings);
    }
}
