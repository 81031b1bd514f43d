package vn.vneidbridge.organisation.registry;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import vn.vneidbridge.cccd.registry.CircuitBreaker;
import vn.vneidbridge.cccd.registry.RegistryHttp;
import vn.vneidbridge.cccd.registry.ScopeReader;

/**
 * The {@value #PROVIDER_ID} provider: the national business registration database's enterprise verification as JSON
 * ({@code docs/business-registry-protocol.md}), on a pooled HTTP client behind a circuit breaker. Server options are
 * listed by {@link #getConfigMetadata()}; without {@code endpoint} and {@code unitCode} every verification answers
 * {@code not-configured}.
 */
public final class DkkdJsonRegistryFactory implements BusinessRegistryFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "dkkd-json";

    private static final Logger LOG = Logger.getLogger(DkkdJsonRegistryFactory.class);

    private final Clock clock;
    private volatile Chain chain = Chain.UNCONFIGURED;

    public DkkdJsonRegistryFactory() {
        this(Clock.systemUTC());
    }

    /** @param clock the circuit breaker's clock (tests) */
    DkkdJsonRegistryFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(Config.Scope config) {
        BusinessRegistryOptions options = BusinessRegistryOptions.read(new ScopeReader(PROVIDER_ID, config));
        Optional<URI> target = options.target();
        if (target.isEmpty()) {
            if (options.endpoint().isEmpty() && options.unitCode().isEmpty()) {
                LOG.debugf("%s: not configured; verifications answer not-configured", PROVIDER_ID);
            } else {
                LOG.warnf("%s: options endpoint (an absolute http or https URL) and unitCode are both required; "
                        + "verifications answer not-configured", PROVIDER_ID);
            }
            chain = Chain.UNCONFIGURED;
            return;
        }
        if (options.token().isEmpty()) {
            LOG.warnf("%s: option token is not set; requests are sent without Authorization", PROVIDER_ID);
        }
        BusinessRegistry registry = new DkkdJsonRegistry(target.get(), options.unitCode().get(), options.token(),
                RegistryHttp.create(options.connectTimeout(), options.readTimeout()));
        Optional<CircuitBreaker> breaker = Optional.empty();
        if (options.breakerFailures() > 0) {
            breaker = Optional.of(new CircuitBreaker(options.breakerFailures(), options.breakerOpen(), clock));
            registry = new CircuitBreakingBusinessRegistry(registry, breaker.get());
        }
        LOG.debugf("%s: business registry at %s", PROVIDER_ID, target.get().getHost());
        chain = new Chain(registry, Optional.of(target.get().getHost()), breaker);
    }

    @Override
    public BusinessRegistry create(KeycloakSession session) {
        return chain.registry();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return BusinessRegistryConfigProperties.DKKD_JSON;
    }

    /** For the admin console's server info: no secrets, no personal data. */
    @Override
    public Map<String, String> getOperationalInfo() {
        Chain current = chain;
        Map<String, String> info = new LinkedHashMap<>();
        String version = DkkdJsonRegistryFactory.class.getPackage().getImplementationVersion();
        info.put("version", version == null ? "development" : version);
        info.put("configured", Boolean.toString(current.host().isPresent()));
        current.host().ifPresent(host -> info.put("endpointHost", host));
        info.put("circuit", current.breaker()
                .map(b -> b.observedState().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("disabled"));
        return info;
    }

    /**
     * What every provider of this factory shares: the registry chain; for the server info, its host and breaker.
     */
    private record Chain(BusinessRegistry registry, Optional<String> host, Optional<CircuitBreaker> breaker) {

        static final Chain UNCONFIGURED = new Chain(UnconfiguredBusinessRegistry.INSTANCE, Optional.empty(),
                Optional.empty());
    }
}
