package vn.vneidbridge.organisation.registry;

import org.keycloak.provider.ProviderFactory;

/** Creates {@link BusinessRegistry} providers; one implementation per wire protocol. */
public interface BusinessRegistryFactory extends ProviderFactory<BusinessRegistry> {
}
