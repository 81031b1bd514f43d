package vn.vneidbridge.legacy.operations;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The {@value #NAME} SPI: the linking's port to the operations module ({@link LinkOperations}), so that the
 * operations depend on the linking and never the other way round.
 */
public final class LinkOperationsSpi implements Spi {

    /** The SPI name, as used in server options. */
    public static final String NAME = "vneid-link-operations";

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
        return LinkOperations.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return LinkOperationsFactory.class;
    }
}
