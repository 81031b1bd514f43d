package vn.vneidbridge.legacy.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code vneid_legacy_lookup_by_cccd_seconds{outcome}}: the legacy-database lookup of the accounts holding a VNeID id
 * number that a first VNeID login makes to decide what to link, by how many accounts it found ({@code found}: one,
 * {@code none}, {@code several}) or {@code error} (the database did not answer), with a percentile histogram from
 * 50 µs to 5 s. Every outcome is published at zero.
 */
public final class LegacyLookupTimers {

    public static final String NAME = "vneid.legacy.lookup.by.cccd";
    static final Duration FASTEST = Duration.ofNanos(50_000);
    static final Duration SLOWEST = Duration.ofSeconds(5);

    /** The {@code outcome} tag: a fixed set, never a number or a name. */
    enum Outcome {
        FOUND("found"),
        NONE("none"),
        SEVERAL("several"),
        ERROR("error");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }

        static Outcome of(int accounts) {
            return accounts == 0 ? NONE : accounts == 1 ? FOUND : SEVERAL;
        }
    }

    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    LegacyLookupTimers(MeterRegistry meters) {
        for (Outcome outcome : Outcome.values()) {
            timers.put(outcome, Timer.builder(NAME)
                    .description("Legacy-database lookups of the accounts holding a VNeID id number, by outcome")
                    .tag("outcome", outcome.tag())
                    .publishPercentileHistogram().minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST)
                    .register(meters));
        }
    }

    /** The timers in Keycloak's registry. */
    public static LegacyLookupTimers global() {
        return Global.TIMERS;
    }

    /**
     * Runs the lookup and times it under the number of accounts it found, or {@code error} when it throws (the
     * exception goes on).
     */
    public <T> List<T> time(Supplier<List<T>> lookup) {
        long start = System.nanoTime();
        Outcome outcome = Outcome.ERROR;
        try {
            List<T> accounts = lookup.get();
            outcome = Outcome.of(accounts.size());
            return accounts;
        } finally {
            timers.get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static final class Global {
        static final LegacyLookupTimers TIMERS = new LegacyLookupTimers(Metrics.globalRegistry);
    }
}
