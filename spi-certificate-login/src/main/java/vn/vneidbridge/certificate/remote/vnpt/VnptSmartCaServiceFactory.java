package vn.vneidbridge.certificate.remote.vnpt;

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
import vn.vneidbridge.certificate.remote.RemoteSigningService;
import vn.vneidbridge.certificate.remote.RemoteSigningServiceFactory;
import vn.vneidbridge.certificate.remote.UnconfiguredRemoteSigning;

/**
 * The {@value #PROVIDER_ID} adapter of the remote-signing SPI ({@link VnptSmartCaService}); its options are listed by
 * {@link #getConfigMetadata()} and shown, without secrets, in the admin console's server info. Unconfigured, every
 * call answers {@code not-configured} and the login step says the service is not available.
 */
public final class VnptSmartCaServiceFactory implements RemoteSigningServiceFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vnpt-smartca";
    private static final Logger LOG = Logger.getLogger(VnptSmartCaServiceFactory.class);

    private volatile RemoteSigningService service = UnconfiguredRemoteSigning.INSTANCE;
    private volatile Optional<CircuitBreaker> breaker = Optional.empty();
    private volatile Optional<String> host = Optional.empty();

    @Override
    public void init(Config.Scope config) {
        VnptSmartCaOptions.Result read = VnptSmartCaOptions.read(new ScopeReader(PROVIDER_ID, config));
        if (read.options().isEmpty()) {
            if ("not configured".equals(read.problem())) {
                LOG.debugf("%s: not configured; remote-signing logins through it answer not-configured", PROVIDER_ID);
            } else {
                LOG.warnf("%s: %s; remote-signing logins through it answer not-configured", PROVIDER_ID,
                        read.problem());
            }
            return;
        }
        VnptSmartCaOptions options = read.options().get();
        Clock clock = Clock.systemUTC();
        breaker = options.breakerFailures() > 0
                ? Optional.of(new CircuitBreaker(options.breakerFailures(), options.breakerOpen(), clock))
                : Optional.empty();
        host = Optional.ofNullable(URI.create(options.endpoint()).getHost());
        service = new VnptSmartCaService(options, RegistryHttp.create(options.connectTimeout(),
                options.readTimeout()), breaker, clock);
    }

    @Override
    public RemoteSigningService create(KeycloakSession session) {
        return service;
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
        return VnptSmartCaOptions.PROPERTIES;
    }

    /** For the admin console's server info: no secrets. */
    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("configured", Boolean.toString(host.isPresent()));
        host.ifPresent(value -> info.put("endpointHost", value));
        info.put("circuit", breaker.map(b -> b.observedState().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .orElse("disabled"));
        return info;
    }
}
