package vn.vneidbridge.legacy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/** {@code vneid_legacy_lookup_by_cccd_seconds{outcome}}: a first VNeID login's legacy lookup, by what it found. */
class LegacyLookupTimersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LegacyLookupTimers timers = new LegacyLookupTimers(meters);

    private long lookups(String outcome) {
        return meters.get(LegacyLookupTimers.NAME).tag("outcome", outcome).timer().count();
    }

    @Nested
    class GivenLookupsFindingNoneOneAndTwoAccounts {

        @Test
        void thenEachIsTimedOnceUnderWhatItFoundAndItsAnswerIsUnchanged() {
            assertThat(timers.time(List::of)).isEmpty();
            assertThat(timers.time(() -> List.of("IT-A"))).containsExactly("IT-A");
            assertThat(timers.time(() -> List.of("IT-A", "IT-B"))).containsExactly("IT-A", "IT-B");
            assertThat(timers.time(() -> List.of("IT-A", "IT-B", "IT-C"))).hasSize(3);

            assertThat(lookups("none")).isEqualTo(1);
            assertThat(lookups("found")).isEqualTo(1);
            assertThat(lookups("several")).as("two accounts and three accounts").isEqualTo(2);
            assertThat(lookups("error")).isZero();
        }

        @Test
        void thenTheDatabasesOwnTimeIsInTheLookup() {
            timers.time(() -> {
                sleep(20);
                return List.of("IT-A");
            });
            assertThat(meters.get(LegacyLookupTimers.NAME).tag("outcome", "found").timer()
                    .totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(20);
        }
    }

    @Nested
    class GivenTheLegacyDatabaseDoesNotAnswer {

        @Test
        void thenTheLookupIsAnErrorAndTheLoginStillHearsOfIt() {
            assertThatThrownBy(() -> timers.time(() -> {
                throw new LegacyDatabaseUnavailableException("the legacy portal database is unavailable", null);
            })).isInstanceOf(LegacyDatabaseUnavailableException.class);
            assertThat(lookups("error")).isEqualTo(1);
            assertThat(lookups("none")).as("never taken for \"no account\"").isZero();
        }
    }

    @Test
    void registeringTheBridgeMetricsPublishesEveryOutcomeAtZeroInKeycloaksRegistry() {
        BridgeMetrics.register();
        for (String outcome : List.of("found", "none", "several", "error")) {
            assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.find(LegacyLookupTimers.NAME)
                    .tag("outcome", outcome).timer()).as(outcome).isNotNull();
        }
    }

    @Test
    void prometheusShowsVneidLegacyLookupByCccdSecondsWithBucketsFrom50MicrosecondsTo5Seconds() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new LegacyLookupTimers(prometheus).time(() -> List.of("IT-A", "IT-B"));
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("vneid_legacy_lookup_by_cccd_seconds_count{outcome=\"several\",} 1.0",
                "vneid_legacy_lookup_by_cccd_seconds_count{outcome=\"found\",} 0.0",
                "vneid_legacy_lookup_by_cccd_seconds_count{outcome=\"none\",} 0.0",
                "vneid_legacy_lookup_by_cccd_seconds_count{outcome=\"error\",} 0.0",
                "vneid_legacy_lookup_by_cccd_seconds_bucket{outcome=\"several\",le=\"5.0E-5\",}",
                "vneid_legacy_lookup_by_cccd_seconds_bucket{outcome=\"several\",le=\"5.0\",} 1.0");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
