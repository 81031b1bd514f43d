package vn.vneidbridge.cccd.registry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code vneid_registry_lookup_seconds{outcome}}: one CCCD check's lookup as the authenticator sees it, the cache
 * included ({@link LookupOutcome}), with a percentile histogram from 50 µs to 5 s (so p50 and p99 can be read from
 * the buckets). Every outcome is published at zero.
 */
final class LookupTimers {

    static final String NAME = "vneid.registry.lookup";
    static final Duration FASTEST = Duration.ofNanos(50_000);
    static final Duration SLOWEST = Duration.ofSeconds(5);

    private final Map<LookupOutcome, Timer> timers = new EnumMap<>(LookupOutcome.class);

    LookupTimers(MeterRegistry meters) {
        for (LookupOutcome outcome : LookupOutcome.values()) {
            timers.put(outcome, Timer.builder(NAME)
                    .description("A CCCD check's population registry lookup, cache included, by outcome")
                    .tag("outcome", outcome.tag())
                    .publishPercentileHistogram().minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST)
                    .register(meters));
        }
    }

    void record(LookupOutcome outcome, long nanos) {
        timers.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
}
