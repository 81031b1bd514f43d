package vn.vneidbridge.cccd.registry;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The population registry on Keycloak's {@code /metrics} (tags from fixed sets: the provider id, the lane —
 * {@code login} for the logins' checks, {@code background} for the bulk jobs' {@link BackgroundLane} — and the
 * outcome):
 * <ul>
 *   <li>{@code vneid_bridge_registry_calls_seconds{registry,lane,outcome}} — verifications and their time
 *       ({@link RegistryCallOutcome}), with buckets from 50 ms to 10 s;</li>
 *   <li>{@code vneid_bridge_registry_circuit_state{registry,lane,state}} — 1 for the circuit breaker's state
 *       ({@code closed}, {@code open}, {@code half_open}), 0 for the others; only with a breaker;</li>
 *   <li>{@code vneid_bridge_dependency_up{dependency="registry"}} — 1 after the registry answered, 0 after a
 *       timeout, a failure or a refusal of the open circuit, NaN before the first call. Set by the logins' real
 *       verifications only: a probe would send the national registry a made-up id number, and a bulk job's quota
 *       refusal says nothing of the logins' registry.</li>
 * </ul>
 */
final class RegistryMetrics implements RegistryCallListener {

    static final String CALLS = "vneid.bridge.registry.calls";
    static final String CIRCUIT_STATE = "vneid.bridge.registry.circuit.state";
    static final String DEPENDENCY_UP = "vneid.bridge.dependency.up";
    static final String DEPENDENCY_UP_HELP = "1 when the dependency answered its last call, 0 when it did not";
    static final String LOGIN_LANE = "login";
    static final String BACKGROUND_LANE = "background";

    /** Shared by both registry providers: one gauge {@code dependency="registry"}. */
    private static final AtomicInteger REGISTRY_UP = new AtomicInteger(-1);

    private final Map<RegistryCallOutcome, Timer> timers = new EnumMap<>(RegistryCallOutcome.class);
    private final Optional<AtomicInteger> up;
    private final String lane;

    RegistryMetrics(MeterRegistry meters, String registry) {
        this(meters, registry, REGISTRY_UP);
    }

    RegistryMetrics(MeterRegistry meters, String registry, AtomicInteger up) {
        this(meters, registry, LOGIN_LANE, Optional.of(up));
    }

    /** The background lane's meters: its own {@code lane} tag, and no say in the dependency gauge. */
    static RegistryMetrics background(MeterRegistry meters, String registry) {
        return new RegistryMetrics(meters, registry, BACKGROUND_LANE, Optional.empty());
    }

    private RegistryMetrics(MeterRegistry meters, String registry, String lane, Optional<AtomicInteger> up) {
        this.up = up;
        this.lane = lane;
        for (RegistryCallOutcome outcome : RegistryCallOutcome.values()) {
            timers.put(outcome, Timer.builder(CALLS).description("Population registry verifications by outcome")
                    .tag("registry", registry).tag("lane", lane).tag("outcome", outcome.tag())
                    .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                            Duration.ofSeconds(10))
                    .register(meters));
        }
        // one gauge for both registry providers: the second one finds it (registering it again logs a warning)
        if (up.isPresent() && meters.find(DEPENDENCY_UP).tag("dependency", "registry").gauge() == null) {
            Gauge.builder(DEPENDENCY_UP, up.get(), value -> value.get() < 0 ? Double.NaN : value.get())
                    .description(DEPENDENCY_UP_HELP).tag("dependency", "registry").strongReference(true)
                    .register(meters);
        }
    }

    /** 1/0 gauges of the breaker's {@linkplain CircuitBreaker#observedState() state}. */
    void watch(MeterRegistry meters, String registry, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder(CIRCUIT_STATE, breaker, b -> b.observedState() == state ? 1 : 0)
                    .description("1 for the population registry circuit breaker's current state")
                    .tag("registry", registry).tag("lane", lane).tag("state", state.name().toLowerCase(Locale.ROOT))
                    .strongReference(true).register(meters);
        }
    }

    @Override
    public void called(RegistryCallOutcome outcome, long nanos) {
        timers.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
        up.ifPresent(gauge -> outcome.registryUp().ifPresent(isUp -> gauge.set(isUp ? 1 : 0)));
    }
}
