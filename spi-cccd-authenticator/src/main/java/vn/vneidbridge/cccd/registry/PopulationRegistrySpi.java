package vn.vneidbridge.cccd.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@value #NAME} SPI: verification against the national population database. Server options are set
 * per provider, e.g. {@code spi-vneid-population-registry--c06-soap--endpoint}; the provider in use is
 * chosen with {@code spi-vneid-population-registry--provider}.
 */
public final class PopulationRegistrySpi implements Spi {

    /** The SPI name, as used in server options. */
    public static final String NAME = "vneid-population-registry";

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
        return PopulationRegistry.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PopulationRegistryFactory.class;
    }
}
