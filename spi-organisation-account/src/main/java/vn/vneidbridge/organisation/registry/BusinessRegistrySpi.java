package vn.vneidbridge.organisation.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@value #NAME} SPI: verification of an enterprise's code and name against the national business registration
 * database. Server options are set per provider, e.g. {@code spi-vneid-business-registry--dkkd-json--endpoint}.
 */
public final class BusinessRegistrySpi implements Spi {

    /** The SPI name, as used in server options. */
    public static final String NAME = "vneid-business-registry";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return BusinessRegistry.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return BusinessRegistryFactory.class;
    }
}
