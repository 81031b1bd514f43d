package vn.vneidbridge.cccd.registry;

import org.keycloak.provider.ProviderFactory;

/** Creates {@link PopulationRegistry} providers; one implementation per wire protocol. */
public interface PopulationRegistryFactory extends ProviderFactory<PopulationRegistry> {
}
