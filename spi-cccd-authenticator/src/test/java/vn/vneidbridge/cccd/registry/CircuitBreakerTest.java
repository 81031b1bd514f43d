package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CircuitBreakerTest {

    private final TestClock clock = new TestClock();

    @Nested
    class GivenTheBreakerAlone {

        private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

        @Test
        void thenItOpensAfterTheThresholdOfConsecutiveFailures() {
            fail(2);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            fail(1);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(breaker.tryAcquire()).isFalse();
        }

        @Test
        void thenASuccessResetsTheCount() {
            fail(2);
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.recordSuccess();
            fail(2);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }

        @Test
        void thenAfterTheOpenPeriodExactlyOneTrialCallGoesThrough() {
            fail(3);
            clock.advance(Duration.ofSeconds(29));
            assertThat(breaker.tryAcquire()).isFalse();
            clock.advance(Duration.ofSeconds(1));

            assertThat(breaker.tryAcquire()).isTrue();
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
            assertThat(breaker.tryAcquire()).isFalse();
            breaker.recordSuccess();

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.tryAcquire()).isTrue();
        }

        @Test
        void thenAFailedTrialOpensTheCircuitForAnotherFullPeriod() {
            fail(3);
            clock.advance(Duration.ofSeconds(30));
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.recordFailure();

            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
            clock.advance(Duration.ofSeconds(29));
            assertThat(breaker.tryAcquire()).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(breaker.tryAcquire()).isTrue();
        }

        private void fail(int times) {
            for (int i = 0; i < times; i++) {
                assertThat(breaker.tryAcquire()).isTrue();
                breaker.recordFailure();
            }
        }
    }

    @Nested
    class GivenAFailingRegistryBehindTheProvider {

        private static final String PATH = "/lgsp/xac-thuc-cong-dan";

        private StubRegistryServer server;
        private LgspJsonRegistryFactory factory;
        private PopulationRegistry registry;

        @BeforeEach
        void start() throws IOException {
            server = new StubRegistryServer();
            server.answer(StubRegistryServer.Reply.of(500, "text/plain", "down"));
            factory = new LgspJsonRegistryFactory(clock);
            factory.init(new MapScope(Map.of("endpoint", server.url(PATH), "unitCode", "H00",
                    "breakerFailures", "3", "breakerOpenSeconds", "30", "cacheTtlSeconds", "0")));
            registry = factory.create(null);
        }

        @AfterEach
        void stop() {
            factory.close();
            server.close();
        }

        @Test
        void thenCallsStopReachingItAndTheCircuitIsOpen() {
            for (int i = 0; i < 3; i++) {
                assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("http-500"));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(registry.verify(Citizen.ngaQuery()))
                        .isEqualTo(new RegistryResult.Unavailable("circuit-open"));
            }
            assertThat(server.hits()).isEqualTo(3);
            assertThat(factory.getOperationalInfo()).containsEntry("circuit", "open");
        }

        @Test
        void thenAfterTheOpenPeriodOneTrialCallGoesThroughAndASuccessClosesIt() {
            openCircuit();
            clock.advance(Duration.ofSeconds(30));
            server.answer(StubRegistryServer.Reply.of(200, "application/json",
                    new ObjectMapper().createObjectNode().put("maKetQua", "01").toString()));

            assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.NotFound());
            assertThat(server.hits()).isEqualTo(4);
            assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.NotFound());
            assertThat(server.hits()).isEqualTo(5);
            assertThat(factory.getOperationalInfo()).containsEntry("circuit", "closed");
        }

        @Test
        void thenAFailedTrialCallOpensItAgain() {
            openCircuit();
            clock.advance(Duration.ofSeconds(30));

            assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("http-500"));
            assertThat(registry.verify(Citizen.ngaQuery())).isEqualTo(new RegistryResult.Unavailable("circuit-open"));
            assertThat(server.hits()).isEqualTo(4);
        }

        private void openCircuit() {
            for (int i = 0; i < 4; i++) {
                registry.verify(Citizen.ngaQuery());
            }
            assertThat(server.hits()).isEqualTo(3);
        }
    }
}
