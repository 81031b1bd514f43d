package vn.vneidbridge.cccd.registry;

import java.util.Optional;
import org.keycloak.provider.ProviderFactory;

/** Creates {@link PopulationRegistry} providers; one implementation per wire protocol. */
public interface PopulationRegistryFactory extends ProviderFactory<PopulationRegistry> {

    /**
     * The lane background work (a bulk job) asks through, never the logins' ({@link #create}): see
     * {@link BackgroundLane}. Empty for an adapter without one; background work then does not use the adapter.
     */
    default Optional<BackgroundLane> background() {
        return Optional.empty();
    }
}
