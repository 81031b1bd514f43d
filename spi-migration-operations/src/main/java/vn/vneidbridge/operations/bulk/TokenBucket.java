package vn.vneidbridge.operations.bulk;

import java.util.function.LongSupplier;

/**
 * At most {@code ratePerSecond} permits a second on average, with bursts of at most {@code burst}: the registry
 * calls of one bulk job. Kept as the time the next permit is due (whole nanoseconds, so no rounding drifts over a
 * long job); the clock ({@code nanoTime}) is injected so the arithmetic is tested without sleeping. Thread-safe.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long interval;
    private final long burstWindow;
    private final LongSupplier nanoTime;
    /** When the bucket is empty again if no permit is taken: each permit moves it one interval on. */
    private long emptyAt;

    TokenBucket(int ratePerSecond, int burst, LongSupplier nanoTime) {
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        this.interval = NANOS_PER_SECOND / ratePerSecond;
        this.burstWindow = (burst - 1) * interval;
        this.nanoTime = nanoTime;
        this.emptyAt = nanoTime.getAsLong();
    }

    /**
     * Takes a permit if one is there; otherwise takes nothing and answers how many nanoseconds until one will be
     * (0 means taken).
     */
    synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        long allowedAt = emptyAt - burstWindow;
        if (now - allowedAt < 0) {
            return allowedAt - now;
        }
        emptyAt = Math.max(emptyAt, now) + interval;
        return 0;
    }

    /** Takes a permit, sleeping until there is one. */
    void acquire() throws InterruptedException {
        for (long wait = tryAcquire(); wait > 0; wait = tryAcquire()) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
