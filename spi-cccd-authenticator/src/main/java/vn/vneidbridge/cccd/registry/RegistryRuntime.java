package vn.vneidbridge.cccd.registry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.jboss.logging.Logger;

/**
 * What one provider factory shares between all its providers: the adapter on its pooled HTTP client,
 * wrapped in the circuit breaker, the metrics ({@link MeteredRegistry}) and then the timed lookup through the cache
 * ({@link RegistryLookup}; breaker and cache left out when disabled), or the
 * {@link UnconfiguredRegistry} when the required options are missing. Beside it, the {@link BackgroundLane} for bulk
 * jobs: the same adapter, its own breaker and meters, no cache, yielding to the logins ({@link LoginsFirst}).
 */
final class RegistryRuntime {

    private static final Logger LOG = Logger.getLogger(RegistryRuntime.class);

    private final PopulationRegistry registry;
    private final Optional<RegistryTarget> target;
    private final Optional<CircuitBreaker> breaker;
    private final Optional<ResultCache> cache;
    private final BackgroundLane background;
    private final Optional<CircuitBreaker> backgroundBreaker;

    private RegistryRuntime(PopulationRegistry registry, Optional<RegistryTarget> target,
                            Optional<CircuitBreaker> breaker, Optional<ResultCache> cache, BackgroundLane background,
                            Optional<CircuitBreaker> backgroundBreaker) {
        this.registry = registry;
        this.target = target;
        this.breaker = breaker;
        this.cache = cache;
        this.background = background;
        this.backgroundBreaker = backgroundBreaker;
    }

    static RegistryRuntime unconfigured() {
        return unconfigured(RegistryOptions.DEFAULT_BULK_MAX_RATE_PER_SECOND);
    }

    private static RegistryRuntime unconfigured(int bulkMaxRate) {
        return new RegistryRuntime(UnconfiguredRegistry.INSTANCE, Optional.empty(), Optional.empty(),
                Optional.empty(), new BackgroundLane(UnconfiguredRegistry.INSTANCE, bulkMaxRate, false), Optional.empty());
    }

    /**
     * @param adapter builds the protocol adapter for the target, on the shared HTTP client
     */
    static RegistryRuntime start(String providerId, RegistryOptions options, Clock clock,
                                 BiFunction<RegistryTarget, RegistryHttp, PopulationRegistry> adapter) {
        return start(providerId, options, clock, adapter, Metrics.globalRegistry);
    }

    /**
     * @param meters where the calls, the breaker's state and the registry's health ({@link RegistryMetrics}) and
     *     the lookups ({@link LookupTimers}) are published; only for a configured registry
     */
    static RegistryRuntime start(String providerId, RegistryOptions options, Clock clock,
                                 BiFunction<RegistryTarget, RegistryHttp, PopulationRegistry> adapter,
                                 MeterRegistry meters) {
        Optional<RegistryTarget> target = options.target();
        if (target.isEmpty()) {
            if (options.endpoint().isEmpty() && options.unitCode().isEmpty()) {
                LOG.debugf("%s: not configured; verifications answer not-configured", providerId);
            } else {
                LOG.warnf("%s: options endpoint (an absolute http or https URL) and unitCode are both required; "
                        + "verifications answer not-configured", providerId);
            }
            return unconfigured(options.bulkMaxRatePerSecond());
        }
        PopulationRegistry protocol = adapter.apply(target.get(),
                RegistryHttp.create(options.connectTimeout(), options.readTimeout()));
        PopulationRegistry registry = protocol;
        Optional<CircuitBreaker> breaker = Optional.empty();
        if (options.breakerFailures() > 0) {
            breaker = Optional.of(new CircuitBreaker(options.breakerFailures(), options.breakerOpen(), clock));
            registry = new CircuitBreakingRegistry(registry, breaker.get());
        }
        RegistryMetrics metrics = new RegistryMetrics(meters, providerId);
        breaker.ifPresent(b -> metrics.watch(meters, providerId, b));
        registry = new MeteredRegistry(registry, metrics);
        Optional<ResultCache> cache = Optional.empty();
        if (!options.cacheTtl().isZero()) {
            cache = Optional.of(new ResultCache(options.cacheTtl(), ResultCache.DEFAULT_MAX_ENTRIES, clock));
        }
        registry = new RegistryLookup(registry, cache, metrics, new LookupTimers(meters));

        PopulationRegistry background = protocol;
        Optional<CircuitBreaker> backgroundBreaker = Optional.empty();
        if (options.breakerFailures() > 0) {
            backgroundBreaker = Optional.of(new CircuitBreaker(options.breakerFailures(), options.breakerOpen(),
                    clock));
            background = new CircuitBreakingRegistry(background, backgroundBreaker.get());
        }
        background = new LoginsFirst(background, breaker);
        RegistryMetrics backgroundMetrics = RegistryMetrics.background(meters, providerId);
        backgroundBreaker.ifPresent(b -> backgroundMetrics.watch(meters, providerId, b));
        background = new MeteredRegistry(background, backgroundMetrics);

        LOG.infof("%s: population registry at %s", providerId, target.get().host());
        return new RegistryRuntime(registry, target, breaker, cache,
                new BackgroundLane(background, options.bulkMaxRatePerSecond(), true), backgroundBreaker);
    }

    PopulationRegistry registry() {
        return registry;
    }

    /** The lane for background work: see {@link BackgroundLane}. */
    BackgroundLane background() {
        return background;
    }

    /** For the admin console's server info: no secrets, no personal data. */
    Map<String, String> operationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        String version = RegistryRuntime.class.getPackage().getImplementationVersion();
        info.put("version", version == null ? "development" : version);
        info.put("configured", Boolean.toString(target.isPresent()));
        target.ifPresent(configured -> info.put("endpointHost", configured.host()));
        info.put("circuit", breaker.map(b -> b.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("disabled"));
        info.put("cachedAnswers", cache.map(c -> Integer.toString(c.size())).orElse("disabled"));
        info.put("backgroundCircuit", backgroundBreaker.map(b -> b.state().name().toLowerCase(Locale.ROOT)
                .replace('_', '-')).orElse("disabled"));
        info.put("bulkMaxRatePerSecond", Integer.toString(background.maxRatePerSecond()));
        return info;
    }

    /** Forgets every cached answer (they hold personal data). */
    void close() {
        cache.ifPresent(ResultCache::clear);
    }
}
