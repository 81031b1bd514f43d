package vn.vneidbridge.loginprotection;

import io.micrometer.core.instrument.Metrics;
import java.util.List;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.managers.BruteForceProtectorFactory;

/**
 * The realm's brute-force protection with concurrent logins of one user taking turns
 * ({@link SerialLoginBruteForceProtector}). It outranks Keycloak's {@code default-brute-force-detector}
 * ({@link #order()}), so it is the protector every login uses once this jar is deployed; the realm's "Brute force
 * detection" settings apply unchanged. Server options, shown under Server info → Providers:
 * <pre>
 *   --spi-brute-force-protector--vneid-serial-logins--max-wait-millis=5000   (0 = refuse at once, as Keycloak 26.7)
 *   --spi-brute-force-protector--vneid-serial-logins--max-waiting=10         (waiting logins per node)
 * </pre>
 * Keycloak logs one WARN at start-up because the SPI is internal. Delete on Keycloak 26.8, which does this itself.
 */
public final class SerialLoginBruteForceProtectorFactory implements BruteForceProtectorFactory,
        ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-serial-logins";

    private SerialLoginSettings settings = SerialLoginSettings.defaults();
    private KeycloakSessionFactory sessionFactory;
    private LoginTurns turns;
    private LoginTurnMetrics metrics;

    @Override
    public BruteForceProtector create(KeycloakSession session) {
        return new SerialLoginBruteForceProtector(sessionFactory, session, turns, metrics);
    }

    @Override
    public void init(Config.Scope config) {
        settings = SerialLoginSettings.read(name -> config == null ? null : config.get(name));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
        turns = new LoginTurns(settings.maxWait(), settings.maxWaiting());
        metrics = new LoginTurnMetrics(Metrics.globalRegistry);
    }

    /** Above Keycloak's own protector (0), so Keycloak takes this one as the default. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void close() {
        // nothing held beyond the turns, which go with the node
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(SerialLoginSettings.MAX_WAIT_MILLIS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How long, in milliseconds, a login waits while another login of the same user is in flight"
                        + " on this node before it is refused as temporarily disabled. 0 refuses at once, as"
                        + " Keycloak 26.7 does. At most " + SerialLoginSettings.MAX_WAIT_MILLIS_LIMIT + ".")
                .defaultValue(SerialLoginSettings.DEFAULT_MAX_WAIT_MILLIS)
                .add()
                .property()
                .name(SerialLoginSettings.MAX_WAITING)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How many logins may wait at once on this node; one more is refused at once. At most "
                        + SerialLoginSettings.MAX_WAITING_LIMIT + ".")
                .defaultValue(SerialLoginSettings.DEFAULT_MAX_WAITING)
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of(
                "version", String.valueOf(getClass().getPackage().getImplementationVersion()),
                SerialLoginSettings.MAX_WAIT_MILLIS, String.valueOf(settings.maxWait().toMillis()),
                SerialLoginSettings.MAX_WAITING, String.valueOf(settings.maxWaiting()));
    }
}
