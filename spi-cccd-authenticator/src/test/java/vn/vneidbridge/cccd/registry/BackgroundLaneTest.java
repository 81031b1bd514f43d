package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bulk jobs' lane beside the logins' one, on one adapter (breaker after 2 failures for 30 s, cache 60 s). */
class BackgroundLaneTest {

    private static final RegistryQuery NGA = new RegistryQuery("052189000123", "Tô Thị Nga", LocalDate.of(1989, 3, 15),
            Optional.empty(), Optional.empty());

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<RegistryResult> answer = new AtomicReference<>(new RegistryResult.NotFound());
    private final RegistryRuntime runtime = RegistryRuntime.start("c06-soap",
            new RegistryOptions(Optional.of("https://registry.example/verify"), Optional.of("H00"),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), 2, Duration.ofSeconds(30),
                    120),
            clock, (target, http) -> new PopulationRegistry() {
                @Override
                public RegistryResult verify(RegistryQuery query) {
                    asked.incrementAndGet();
                    return answer.get();
                }

                @Override
                public void close() {
                }
            }, meters);
    private final PopulationRegistry logins = runtime.registry();
    private final PopulationRegistry background = runtime.background().registry();

    @Nested
    class GivenTheRegistryRefusesTheBulkJobsCallsForQuota {

        @Test
        void thenOnlyTheBackgroundCircuitOpensAndTheLoginsStillAsk() {
            answer.set(new RegistryResult.Unavailable("http-429"));
            for (int i = 0; i < 5; i++) {
                background.verify(NGA);
            }
            assertThat(background.verify(NGA)).isEqualTo(new RegistryResult.Unavailable("circuit-open"));
            int askedByTheJob = asked.get();
            assertThat(askedByTheJob).as("the background circuit opened after two failures").isEqualTo(2);

            answer.set(new RegistryResult.NotFound());
            assertThat(logins.verify(NGA)).isEqualTo(new RegistryResult.NotFound());
            assertThat(asked.get()).isEqualTo(askedByTheJob + 1);
            assertThat(runtime.operationalInfo()).containsEntry("circuit", "closed")
                    .containsEntry("backgroundCircuit", "open");
        }
    }

    @Nested
    class GivenTheLoginsCircuitIsOpen {

        @Test
        void thenTheBackgroundLaneWaitsWithoutAskingAndWithoutTakingTheLoginsTrial() {
            answer.set(new RegistryResult.Unavailable("timeout"));
            logins.verify(NGA);
            logins.verify(NGA);
            int before = asked.get();

            assertThat(background.verify(NGA)).isEqualTo(new RegistryResult.Unavailable("circuit-open"));
            clock.advance(Duration.ofSeconds(31)); // half-open: the trial is the logins'
            assertThat(background.verify(NGA)).isEqualTo(new RegistryResult.Unavailable("circuit-open"));
            assertThat(asked.get()).isEqualTo(before);

            answer.set(new RegistryResult.NotFound());
            assertThat(logins.verify(NGA)).as("the logins' trial call").isEqualTo(new RegistryResult.NotFound());
            assertThat(background.verify(NGA)).isEqualTo(new RegistryResult.NotFound());
        }
    }

    @Nested
    class GivenAnswersOfBothLanes {

        @Test
        void thenTheBackgroundLaneNeitherFillsNorReadsTheLoginsCache() {
            answer.set(new RegistryResult.Match(Set.of(RegistryField.FULL_NAME), Optional.empty()));
            background.verify(NGA);
            assertThat(runtime.operationalInfo()).containsEntry("cachedAnswers", "0");
            logins.verify(NGA);
            background.verify(NGA);
            assertThat(asked.get()).as("every background call reaches the registry").isEqualTo(3);
        }

        @Test
        void thenTheirCallsAreCountedUnderTheirOwnLaneAndTheCapIsTheServerOption() {
            answer.set(new RegistryResult.NotFound());
            logins.verify(NGA); // the registry is up for the logins
            answer.set(new RegistryResult.Unavailable("http-429"));
            background.verify(NGA);

            assertThat(meters.get(RegistryMetrics.CALLS).tags("registry", "c06-soap", "lane", "background",
                    "outcome", "error").timer().count()).isEqualTo(1);
            assertThat(meters.get(RegistryMetrics.CALLS).tags("registry", "c06-soap", "lane", "login",
                    "outcome", "error").timer().count()).isZero();
            assertThat(meters.get(RegistryMetrics.CIRCUIT_STATE).tags("registry", "c06-soap", "lane", "background",
                    "state", "closed").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get(RegistryMetrics.DEPENDENCY_UP).tag("dependency", "registry").gauge().value())
                    .as("a bulk job's quota refusal says nothing of the logins' registry").isEqualTo(1.0);
            assertThat(runtime.background().maxRatePerSecond()).isEqualTo(120);
        }
    }

    @Test
    void theFactoriesReadTheCapAndOfferTheLane() {
        C06SoapRegistryFactory factory = new C06SoapRegistryFactory();
        factory.init(new MapScope(Map.of("endpoint", "https://dancu.example.gov.vn/c06/verify", "unitCode", "H00",
                "bulkMaxRatePerSecond", "25")));
        try {
            assertThat(factory.background()).get().extracting(BackgroundLane::maxRatePerSecond).isEqualTo(25);
            assertThat(factory.background().get().registry()).isNotSameAs(factory.create(null));
            assertThat(factory.background().get().configured()).isTrue();
        } finally {
            factory.close();
        }
        LgspJsonRegistryFactory unconfigured = new LgspJsonRegistryFactory();
        unconfigured.init(new MapScope(Map.of()));
        assertThat(unconfigured.background().get().registry().verify(NGA))
                .isEqualTo(new RegistryResult.Unavailable("not-configured"));
        assertThat(unconfigured.background().get().configured()).isFalse();
        assertThat(unconfigured.background().get().maxRatePerSecond())
                .isEqualTo(RegistryOptions.DEFAULT_BULK_MAX_RATE_PER_SECOND);
    }
}
