package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegistryMetricsTest {

    private static final RegistryQuery NGA = new RegistryQuery("052189000123", "Tô Thị Nga", LocalDate.of(1989, 3, 15),
            Optional.empty(), Optional.empty());
    private static final RegistryQuery AN = new RegistryQuery("001090000456", "Nguyễn Văn An", LocalDate.of(1990, 1, 2),
            Optional.empty(), Optional.empty());

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Deque<RegistryResult> answers = new ArrayDeque<>();

    /** A runtime on a registry that answers from {@link #answers}; cache 60 s, breaker after 2 failures for 30 s. */
    private PopulationRegistry registry() {
        RegistryOptions options = new RegistryOptions(Optional.of("https://registry.example/verify"), Optional.of("H00"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), 2, Duration.ofSeconds(30));
        return RegistryRuntime.start("c06-soap", options, clock, (target, http) -> new PopulationRegistry() {
            @Override
            public RegistryResult verify(RegistryQuery query) {
                return answers.removeFirst();
            }

            @Override
            public void close() {
            }
        }, meters).registry();
    }

    private long calls(String outcome) {
        return meters.get(RegistryMetrics.CALLS).tag("registry", "c06-soap").tag("lane", "login")
                .tag("outcome", outcome).timer().count();
    }

    private double up() {
        return meters.get(RegistryMetrics.DEPENDENCY_UP).tag("dependency", "registry").gauge().value();
    }

    private double circuit(String state) {
        return meters.get(RegistryMetrics.CIRCUIT_STATE).tag("registry", "c06-soap").tag("lane", "login")
                .tag("state", state).gauge().value();
    }

    @Nested
    class GivenAnswersFailuresAndRepeats {

        @Test
        void thenEachCallIsTimedUnderItsOutcomeAndTheRegistrysHealthFollowsTheLastRealCall() {
            PopulationRegistry registry = registry();
            answers.add(new RegistryResult.Match(Set.of(RegistryField.FULL_NAME), Optional.empty()));
            registry.verify(NGA);
            registry.verify(NGA);
            assertThat(calls("miss")).isEqualTo(1);
            assertThat(calls("hit")).as("the repeat came from the cache").isEqualTo(1);
            assertThat(up()).isEqualTo(1.0);

            answers.add(new RegistryResult.Unavailable("timeout"));
            answers.add(new RegistryResult.Unavailable("http-503"));
            registry.verify(AN);
            registry.verify(AN);
            assertThat(calls("timeout")).isEqualTo(1);
            assertThat(calls("error")).isEqualTo(1);
            assertThat(up()).isZero();
            assertThat(circuit("open")).isEqualTo(1.0);
            assertThat(circuit("closed")).isZero();

            registry.verify(AN);
            assertThat(calls("circuit_open")).as("refused by the open circuit, the registry not asked").isEqualTo(1);
            assertThat(answers).isEmpty();

            clock.advance(Duration.ofSeconds(31));
            assertThat(circuit("half_open")).as("the open time is over: the next call is the trial").isEqualTo(1.0);
            answers.add(new RegistryResult.NotFound());
            registry.verify(AN);
            assertThat(circuit("closed")).isEqualTo(1.0);
            assertThat(up()).isEqualTo(1.0);
        }
    }

    @Nested
    class GivenNoCallYet {

        @Test
        void thenEveryOutcomeIsPublishedAtZeroAndTheRegistrysHealthIsUnknown() {
            new RegistryMetrics(meters, "lgsp-json", new AtomicInteger(-1));
            for (RegistryCallOutcome outcome : RegistryCallOutcome.values()) {
                assertThat(meters.get(RegistryMetrics.CALLS).tag("registry", "lgsp-json").tag("outcome", outcome.tag())
                        .timer().count()).isZero();
            }
            assertThat(meters.get(RegistryMetrics.DEPENDENCY_UP).tag("dependency", "registry").gauge().value()).isNaN();
        }
    }

    @Nested
    class GivenBothRegistryProvidersOnOneServer {

        @Test
        void thenThereIsOneHealthGaugeThatFollowsTheLastCallOfEither() {
            AtomicInteger shared = new AtomicInteger(-1);
            RegistryMetrics lgsp = new RegistryMetrics(meters, "lgsp-json", shared);
            RegistryMetrics c06 = new RegistryMetrics(meters, "c06-soap", shared);

            assertThat(meters.find(RegistryMetrics.DEPENDENCY_UP).gauges()).hasSize(1);
            lgsp.called(RegistryCallOutcome.TIMEOUT, 1_000_000);
            assertThat(up()).isZero();
            c06.called(RegistryCallOutcome.MISS, 1_000_000);
            assertThat(up()).isEqualTo(1.0);
        }
    }

    @Test
    void outcomesComeFromTheAnswerNeverFromItsContent() {
        assertThat(RegistryCallOutcome.of(new RegistryResult.NotFound())).isEqualTo(RegistryCallOutcome.MISS);
        assertThat(RegistryCallOutcome.of(new RegistryResult.Mismatch(Set.of()))).isEqualTo(RegistryCallOutcome.MISS);
        assertThat(RegistryCallOutcome.of(new RegistryResult.Unavailable("connect-timeout")))
                .isEqualTo(RegistryCallOutcome.TIMEOUT);
        assertThat(RegistryCallOutcome.of(new RegistryResult.Unavailable("circuit-open")))
                .isEqualTo(RegistryCallOutcome.CIRCUIT_OPEN);
        assertThat(RegistryCallOutcome.of(new RegistryResult.Unavailable("malformed-response")))
                .isEqualTo(RegistryCallOutcome.ERROR);
        assertThat(RegistryCallOutcome.HIT.registryUp()).isEmpty();
    }
}
