package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code vneid_registry_lookup_seconds{outcome}}: each CCCD check's lookup, timed once, cache included. */
class RegistryLookupTest {

    private static final RegistryQuery NGA = new RegistryQuery("052189000123", "Tô Thị Nga", LocalDate.of(1989, 3, 15),
            Optional.empty(), Optional.empty());
    private static final RegistryResult MATCH = new RegistryResult.Match(Set.of(RegistryField.FULL_NAME),
            Optional.empty());

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deque<Supplier<RegistryResult>> answers = new ArrayDeque<>();

    /** A runtime on a registry that answers from {@link #answers}; cache for {@code cacheTtl}, breaker as given. */
    private PopulationRegistry registry(MeterRegistry into, Duration cacheTtl, int breakerFailures) {
        RegistryOptions options = new RegistryOptions(Optional.of("https://registry.example/verify"), Optional.of("H00"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), cacheTtl, breakerFailures, Duration.ofSeconds(30));
        return RegistryRuntime.start("c06-soap", options, clock, (target, http) -> new PopulationRegistry() {
            @Override
            public RegistryResult verify(RegistryQuery query) {
                return answers.removeFirst().get();
            }

            @Override
            public void close() {
            }
        }, into).registry();
    }

    private long lookups(String outcome) {
        return meters.get(LookupTimers.NAME).tag("outcome", outcome).timer().count();
    }

    private double lookupMillis(String outcome) {
        return meters.get(LookupTimers.NAME).tag("outcome", outcome).timer().totalTime(TimeUnit.MILLISECONDS);
    }

    @Nested
    class GivenACachedRegistry {

        private final PopulationRegistry registry = registry(meters, Duration.ofSeconds(60), 2);

        @Test
        void thenTheFirstCheckIsARegistryLookupAndTheRepeatACacheHitNeverBoth() {
            answers.add(() -> {
                sleep(20);
                return MATCH;
            });
            registry.verify(NGA);
            assertThat(lookups("registry")).isEqualTo(1);
            assertThat(lookups("cache_hit")).isZero();
            assertThat(lookupMillis("registry")).as("the registry's own time is in the lookup")
                    .isGreaterThanOrEqualTo(20);

            registry.verify(NGA);
            assertThat(lookups("cache_hit")).as("the repeat came from the cache").isEqualTo(1);
            assertThat(lookups("registry")).as("and is not a registry lookup").isEqualTo(1);
            assertThat(lookups("error")).isZero();
            assertThat(answers).isEmpty();
        }

        @Test
        void thenAnUnansweredCheckIsAnErrorEachTimeForNothingUnansweredIsCached() {
            answers.add(() -> new RegistryResult.Unavailable("timeout"));
            answers.add(() -> new RegistryResult.Unavailable("http-503"));
            registry.verify(NGA);
            registry.verify(NGA);
            assertThat(lookups("error")).isEqualTo(2);
            assertThat(lookups("registry")).isZero();
            assertThat(lookups("cache_hit")).isZero();

            registry.verify(NGA);
            assertThat(lookups("error")).as("the open circuit's refusal is an error too").isEqualTo(3);
        }
    }

    @Nested
    class GivenNoCacheAndNoBreaker {

        private final PopulationRegistry registry = registry(meters, Duration.ZERO, 0);

        @Test
        void thenEveryCheckIsARegistryLookup() {
            answers.add(() -> MATCH);
            answers.add(() -> new RegistryResult.NotFound());
            registry.verify(NGA);
            registry.verify(NGA);
            assertThat(lookups("registry")).isEqualTo(2);
            assertThat(lookups("cache_hit")).isZero();
        }

        @Test
        void thenALookupThatThrowsIsTimedAsAnErrorAndTheExceptionGoesOn() {
            answers.add(() -> {
                throw new IllegalStateException("adapter bug");
            });
            assertThatThrownBy(() -> registry.verify(NGA)).isInstanceOf(IllegalStateException.class);
            assertThat(lookups("error")).isEqualTo(1);
            assertThat(lookups("registry")).isZero();
        }
    }

    @Nested
    class GivenKeycloakWithMetricsDisabled {

        @Test
        void thenTheCheckIsAnsweredAsUsual() {
            // Keycloak's global registry without --metrics-enabled: a composite with no registry in it
            CompositeMeterRegistry empty = new CompositeMeterRegistry();
            PopulationRegistry registry = registry(empty, Duration.ofSeconds(60), 2);
            answers.add(() -> MATCH);
            assertThat(registry.verify(NGA)).isEqualTo(MATCH);
            assertThat(registry.verify(NGA)).as("from the cache").isEqualTo(MATCH);
        }
    }

    @Nested
    class GivenKeycloaksPrometheusRegistry {

        @Test
        void thenTheSeriesAreVneidRegistryLookupSecondsByOutcomeWithBucketsFrom50MicrosecondsTo5Seconds() {
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            PopulationRegistry registry = registry(prometheus, Duration.ofSeconds(60), 2);
            answers.add(() -> MATCH);
            registry.verify(NGA);
            registry.verify(NGA);

            String scrape = prometheus.scrape();
            assertThat(scrape).contains("vneid_registry_lookup_seconds_count{outcome=\"cache_hit\",} 1.0",
                    "vneid_registry_lookup_seconds_count{outcome=\"registry\",} 1.0",
                    "vneid_registry_lookup_seconds_count{outcome=\"error\",} 0.0",
                    "vneid_registry_lookup_seconds_sum{outcome=\"cache_hit\",}",
                    "vneid_registry_lookup_seconds_max{outcome=\"registry\",}",
                    "vneid_registry_lookup_seconds_bucket{outcome=\"cache_hit\",le=\"5.0E-5\",}",
                    "vneid_registry_lookup_seconds_bucket{outcome=\"cache_hit\",le=\"5.0\",}",
                    "vneid_registry_lookup_seconds_bucket{outcome=\"cache_hit\",le=\"+Inf\",} 1.0");
            assertThat(scrape.lines().filter(line -> line.startsWith(
                    "vneid_registry_lookup_seconds_bucket{outcome=\"registry\",")))
                    .as("buckets fine enough for p50 and p99, few enough to scrape").hasSizeBetween(20, 100);
            assertThat(scrape).doesNotContain("052189000123");
        }
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
