package vn.vneidbridge.cccd.registry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * The {@value #PROVIDER_ID} provider: a provincial data-sharing gateway (LGSP) wrapping the population
 * database as JSON. Server options are listed by {@link #getConfigMetadata()}; without {@code endpoint} and
 * {@code unitCode} every verification answers {@code not-configured}.
 */
public final class LgspJsonRegistryFactory implements PopulationRegistryFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "lgsp-json";

    private static final Logger LOG = Logger.getLogger(LgspJsonRegistryFactory.class);

    private final Clock clock;
    private volatile RegistryRuntime runtime = RegistryRuntime.unconfigured();

    public LgspJsonRegistryFactory() {
        this(Clock.systemUTC());
    }

    LgspJsonRegistryFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(Config.Scope config) {
        ScopeReader reader = new ScopeReader(PROVIDER_ID, config);
        RegistryOptions options = RegistryOptions.read(reader);
        Optional<String> token = reader.string(RegistryConfigProperties.TOKEN);
        if (options.target().isPresent() && token.isEmpty()) {
            LOG.warnf("%s: option token is not set; requests are sent without Authorization", PROVIDER_ID);
        }
        runtime = RegistryRuntime.start(PROVIDER_ID, options, clock,
                (target, http) -> new LgspJsonRegistry(target, token, http));
    }

    @Override
    public PopulationRegistry create(KeycloakSession session) {
        return runtime.registry();
    }

    @Override
    public Optional<BackgroundLane> background() {
        return Optional.of(runtime.background());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return RegistryConfigProperties.LGSP_JSON;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return runtime.operationalInfo();
    }
}
