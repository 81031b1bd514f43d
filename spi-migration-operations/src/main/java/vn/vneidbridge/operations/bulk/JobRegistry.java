package vn.vneidbridge.operations.bulk;

import java.util.Optional;
import org.keycloak.provider.ProviderFactory;
import vn.vneidbridge.cccd.registry.BackgroundLane;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.PopulationRegistryFactory;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;

/**
 * The registry a bulk job asks: the installed adapter's {@linkplain BackgroundLane background lane}, never the
 * logins' registry (its circuit breaker and result cache are the logins'). An adapter without a background lane is
 * not used by bulk jobs: it answers {@code not-installed}, as a missing adapter does.
 */
final class JobRegistry {

    private JobRegistry() {
    }

    /** The adapter's background lane; empty when there is no such adapter or it has no background lane. */
    static Optional<BackgroundLane> lane(ProviderFactory<?> factory) {
        return factory instanceof PopulationRegistryFactory registries ? registries.background() : Optional.empty();
    }

    /** The lane's registry, or one answering {@code not-installed} for every call. */
    static PopulationRegistry of(ProviderFactory<?> factory) {
        return lane(factory).map(BackgroundLane::registry).orElse(NotInstalled.INSTANCE);
    }

    /** A registry provider id that names no installed adapter (with a background lane): every call answers so. */
    enum NotInstalled implements PopulationRegistry {
        INSTANCE;

        @Override
        public RegistryResult verify(RegistryQuery query) {
            return new RegistryResult.Unavailable("not-installed");
        }

        @Override
        public void close() {
        }
    }
}
