package vn.vneidbridge.operations.bulk;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a committed batch changes a job's counts: each account's new outcome counts once, and an account asked again
 * (a registry error retried) leaves its old outcome's count; rows scanned (new accounts and skipped rows) advance
 * the progress, retries do not.
 */
final class CountDelta {

    enum Counter { VERIFIED, MISMATCH, NOT_FOUND, CONFLICT, REGISTRY_ERROR, SKIPPED }

    private final Map<Counter, Long> deltas = new EnumMap<>(Counter.class);
    private long scanned;

    /** A row of the scan not checked. */
    void skipped() {
        add(Counter.SKIPPED, 1);
        scanned++;
    }

    /** A row of the scan with its outcome. */
    void scanned(AccountOutcome outcome) {
        add(counter(outcome.code()), 1);
        scanned++;
    }

    /** An account asked again: its previous outcome's count goes to the new one. */
    void retried(String previousCode, AccountOutcome outcome) {
        add(counter(previousCode), -1);
        add(counter(outcome.code()), 1);
    }

    /** A row of the scan that already had an outcome in this job (a batch redone): moved, and scanned. */
    void rescanned(String previousCode, AccountOutcome outcome) {
        retried(previousCode, outcome);
        scanned++;
    }

    long of(Counter counter) {
        return deltas.getOrDefault(counter, 0L);
    }

    long scanned() {
        return scanned;
    }

    private void add(Counter counter, long delta) {
        deltas.merge(counter, delta, Long::sum);
    }

    static Counter counter(String outcomeCode) {
        return switch (outcomeCode) {
            case "VERIFIED" -> Counter.VERIFIED;
            case "MISMATCH" -> Counter.MISMATCH;
            case "NOT_FOUND" -> Counter.NOT_FOUND;
            case "CONFLICT" -> Counter.CONFLICT;
            case "REGISTRY_ERROR" -> Counter.REGISTRY_ERROR;
            default -> throw new IllegalArgumentException("unknown outcome " + outcomeCode);
        };
    }
}
