package vn.vneidbridge.cccd.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * The options both protocols share, read with their defaults.
 *
 * @param endpoint        the endpoint URL as configured, empty when not set
 * @param unitCode        the calling unit's code (MaDVC), empty when not set
 * @param connectTimeout  bound on opening a connection
 * @param readTimeout     bound on a whole call, answer included
 * @param cacheTtl        how long definite answers are cached; zero disables the cache
 * @param breakerFailures consecutive failures that open the circuit; 0 disables the breaker
 * @param breakerOpen     how long an open circuit stays open before one trial call
 * @param bulkMaxRatePerSecond the cap on the calls per second of all bulk jobs together ({@link BackgroundLane})
 */
record RegistryOptions(Optional<String> endpoint, Optional<String> unitCode, Duration connectTimeout,
                       Duration readTimeout, Duration cacheTtl, int breakerFailures, Duration breakerOpen,
                       int bulkMaxRatePerSecond) {

    static final int DEFAULT_BULK_MAX_RATE_PER_SECOND = 50;

    /** The options without a bulk cap of their own (the default cap). */
    RegistryOptions(Optional<String> endpoint, Optional<String> unitCode, Duration connectTimeout,
                    Duration readTimeout, Duration cacheTtl, int breakerFailures, Duration breakerOpen) {
        this(endpoint, unitCode, connectTimeout, readTimeout, cacheTtl, breakerFailures, breakerOpen,
                DEFAULT_BULK_MAX_RATE_PER_SECOND);
    }

    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2000;
    static final int DEFAULT_READ_TIMEOUT_MILLIS = 3000;
    static final int DEFAULT_CACHE_TTL_SECONDS = 60;
    static final int DEFAULT_BREAKER_FAILURES = 5;
    static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;

    static RegistryOptions read(ScopeReader config) {
        return new RegistryOptions(
                config.string(RegistryConfigProperties.ENDPOINT),
                config.string(RegistryConfigProperties.UNIT_CODE),
                Duration.ofMillis(config.integer(RegistryConfigProperties.CONNECT_TIMEOUT_MILLIS,
                        DEFAULT_CONNECT_TIMEOUT_MILLIS, 1)),
                Duration.ofMillis(config.integer(RegistryConfigProperties.READ_TIMEOUT_MILLIS,
                        DEFAULT_READ_TIMEOUT_MILLIS, 1)),
                Duration.ofSeconds(config.integer(RegistryConfigProperties.CACHE_TTL_SECONDS,
                        DEFAULT_CACHE_TTL_SECONDS, 0)),
                config.integer(RegistryConfigProperties.BREAKER_FAILURES, DEFAULT_BREAKER_FAILURES, 0),
                Duration.ofSeconds(config.integer(RegistryConfigProperties.BREAKER_OPEN_SECONDS,
                        DEFAULT_BREAKER_OPEN_SECONDS, 1)),
                config.integer(RegistryConfigProperties.BULK_MAX_RATE_PER_SECOND, DEFAULT_BULK_MAX_RATE_PER_SECOND,
                        1));
    }

    /** Where to call, or empty when the endpoint or unit code is missing, or the endpoint is not a URL. */
    Optional<RegistryTarget> target() {
        if (endpoint.isEmpty() || unitCode.isEmpty()) {
            return Optional.empty();
        }
        return RegistryTarget.of(endpoint.get(), unitCode.get());
    }
}
