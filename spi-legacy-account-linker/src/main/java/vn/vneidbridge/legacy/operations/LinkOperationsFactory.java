package vn.vneidbridge.legacy.operations;

import org.keycloak.provider.ProviderFactory;

/** Factory of {@link LinkOperations}, the {@value LinkOperationsSpi#NAME} SPI. */
public interface LinkOperationsFactory extends ProviderFactory<LinkOperations> {
}
