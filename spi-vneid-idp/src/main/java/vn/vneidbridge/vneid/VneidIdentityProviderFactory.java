package vn.vneidbridge.vneid;

import java.util.List;
import java.util.Map;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.broker.social.SocialIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import io.micrometer.core.instrument.Metrics;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import vn.vneidbridge.core.broker.VneidProvider;

/**
 * Factory of the {@code vneid} identity provider ("VNeID"). Registered as a social provider, like the
 * national eIDs of other countries: the admin console then shows client id, client secret and the VNeID
 * settings of {@link #getConfigProperties()}, and nothing else is needed.
 */
public final class VneidIdentityProviderFactory extends AbstractIdentityProviderFactory<VneidIdentityProvider>
        implements SocialIdentityProviderFactory<VneidIdentityProvider>, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = VneidProvider.PROVIDER_ID;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "VNeID";
    }

    @Override
    public VneidIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new VneidIdentityProvider(session, new VneidIdentityProviderConfig(model));
    }

    @Override
    public VneidIdentityProviderConfig createConfig() {
        return VneidIdentityProviderConfig.withDefaults();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return VneidConfigProperties.ALL;
    }

    @Override
    public String getHelpText() {
        return "Log in with VNeID, the national electronic identity of the Ministry of Public Security.";
    }

    /** The meters, and the check of every update of a vneid provider as vneid ({@link VneidStoredConfigCheck}). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        VneidMetrics.register(Metrics.globalRegistry);
        factory.register(VneidStoredConfigCheck::onEvent);
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", String.valueOf(getClass().getPackage().getImplementationVersion()));
    }
}
