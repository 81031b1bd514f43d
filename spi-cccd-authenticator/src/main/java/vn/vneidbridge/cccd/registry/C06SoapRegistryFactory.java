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
 * The {@value #PROVIDER_ID} provider: the Ministry of Public Security's C06 SOAP service. Server options are
 * listed by {@link #getConfigMetadata()}; without {@code endpoint} and {@code unitCode} every verification
 * answers {@code not-configured}.
 */
public final class C06SoapRegistryFactory implements PopulationRegistryFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "c06-soap";

    private static final Logger LOG = Logger.getLogger(C06SoapRegistryFactory.class);

    private final Clock clock;
    private volatile RegistryRuntime runtime = RegistryRuntime.unconfigured();

    public C06SoapRegistryFactory() {
        this(Clock.systemUTC());
    }

    C06SoapRegistryFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init(Config.Scope config) {
        ScopeReader reader = new ScopeReader(PROVIDER_ID, config);
        RegistryOptions options = RegistryOptions.read(reader);
        C06Settings settings = C06Settings.read(reader);
        if (options.target().isPresent() && !settings.canSign()) {
            LOG.warnf("%s: options user and secret are not both set; requests are sent without Authorization",
                    PROVIDER_ID);
        }
        runtime = RegistryRuntime.start(PROVIDER_ID, options, clock,
                (target, http) -> new C06SoapRegistry(target, settings, http, clock));
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
        return RegistryConfigProperties.C06_SOAP;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return runtime.operationalInfo();
    }
}
