package vn.vneidbridge.operations.bulk;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a job is and when it will end, from counts alone: {@code total} accounts the job covers (counted when it
 * started), {@code processed} of them settled or skipped, and the pace of the current run (accounts processed since
 * {@code runStartedMillis}, when the job last started or resumed, so a pause does not slow the estimate).
 */
public record JobProgress(long total, long processed, long processedAtRunStart, long runStartedMillis,
                          long nowMillis) {

    /** Whole per cent, 0–100; 100 for a job over nothing. */
    public int percent() {
        if (total <= 0) {
            return 100;
        }
        return (int) Math.min(100, processed * 100 / total);
    }

    /**
     * The time left at the current run's pace; empty while the run has processed nothing yet (no pace to tell) or
     * when the clock went backwards.
     */
    public Optional<Duration> eta() {
        long remaining = Math.max(0, total - processed);
        if (remaining == 0) {
            return Optional.of(Duration.ZERO);
        }
        long done = processed - processedAtRunStart;
        long elapsed = nowMillis - runStartedMillis;
        if (done <= 0 || elapsed <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil((double) remaining * elapsed / done)));
    }
}
