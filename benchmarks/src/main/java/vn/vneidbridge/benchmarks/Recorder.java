package vn.vneidbridge.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the virtual users of one Gatling run report: the start and end of every finished login (its last request
 * is the token exchange), the number of failed ones, and the duration of one measured step inside the login when
 * the journey has one (the CCCD check). Thread-safe; one recorder per run.
 */
final class Recorder {

    private final List<long[]> logins = new ArrayList<>();
    private final List<Long> stepNanos = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();

    synchronized void login(long startNanos, long endNanos) {
        logins.add(new long[] {startNanos, endNanos});
    }

    synchronized void step(long nanos) {
        stepNanos.add(nanos);
    }

    void failure() {
        failures.incrementAndGet();
    }

    /** How long each finished login took. */
    synchronized long[] loginNanos() {
        return logins.stream().mapToLong(login -> login[1] - login[0]).toArray();
    }

    /**
     * Logins per second over the measured window: the logins that ended within {@code window} of the first
     * login's start, divided by the window (the logins still running when the window closes finish afterwards
     * and are not counted, so the closed model's drain does not flatter the rate).
     */
    synchronized double throughput(Duration window) {
        if (logins.isEmpty()) {
            return 0;
        }
        long first = logins.stream().mapToLong(login -> login[0]).min().orElseThrow();
        long end = first + window.toNanos();
        long done = logins.stream().filter(login -> login[1] <= end).count();
        return done / (window.toNanos() / 1e9);
    }

    synchronized long[] stepNanos() {
        return stepNanos.stream().mapToLong(Long::longValue).toArray();
    }

    synchronized int logins() {
        return logins.size();
    }

    long failures() {
        return failures.get();
    }
}
