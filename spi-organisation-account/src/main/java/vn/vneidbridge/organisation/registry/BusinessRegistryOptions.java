package vn.vneidbridge.organisation.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import vn.vneidbridge.cccd.registry.ScopeReader;

/**
 * The {@code dkkd-json} provider's server options, read with their defaults.
 *
 * @param endpoint        the endpoint URL as configured, empty when not set
 * @param unitCode        the calling unit's code (maDVC), empty when not set
 * @param token           the bearer token, empty when not set
 * @param connectTimeout  bound on opening a connection
 * @param readTimeout     bound on a whole call, answer included
 * @param breakerFailures consecutive failures that open the circuit; 0 disables the breaker
 * @param breakerOpen     how long an open circuit stays open before one trial call
 */
record BusinessRegistryOptions(Optional<String> endpoint, Optional<String> unitCode, Optional<String> token,
                               Duration connectTimeout, Duration readTimeout, int breakerFailures,
                               Duration breakerOpen) {

    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2000;
    static final int DEFAULT_READ_TIMEOUT_MILLIS = 3000;
    static final int DEFAULT_BREAKER_FAILURES = 5;
    static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;

    static BusinessRegistryOptions read(ScopeReader config) {
        return new BusinessRegistryOptions(
                config.string(BusinessRegistryConfigProperties.ENDPOINT),
                config.string(BusinessRegistryConfigProperties.UNIT_CODE),
                config.string(BusinessRegistryConfigProperties.TOKEN),
                Duration.ofMillis(config.integer(BusinessRegistryConfigProperties.CONNECT_TIMEOUT_MILLIS,
                        DEFAULT_CONNECT_TIMEOUT_MILLIS, 1)),
                Duration.ofMillis(config.integer(BusinessRegistryConfigProperties.READ_TIMEOUT_MILLIS,
                        DEFAULT_READ_TIMEOUT_MILLIS, 1)),
                config.integer(BusinessRegistryConfigProperties.BREAKER_FAILURES, DEFAULT_BREAKER_FAILURES, 0),
                Duration.ofSeconds(config.integer(BusinessRegistryConfigProperties.BREAKER_OPEN_SECONDS,
                        DEFAULT_BREAKER_OPEN_SECONDS, 1)));
    }

    /**
     * Where to call: the endpoint as an absolute {@code http} or {@code https} URL with a host; empty when the
     * endpoint or the unit code is missing, or the endpoint is not such a URL.
     */
    Optional<URI> target() {
        if (endpoint.isEmpty() || unitCode.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpoint.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // not a URL
        }
        return Optional.empty();
    }
}
