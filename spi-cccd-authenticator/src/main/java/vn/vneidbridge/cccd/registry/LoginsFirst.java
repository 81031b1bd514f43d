package vn.vneidbridge.cccd.registry;

import java.util.Optional;

/**
 * The background lane's gate: while the logins' circuit is open or half-open the registry is in trouble for the
 * logins, and background work does not add to it (nor take the logins' trial call); it answers {@code circuit-open}
 * without asking. Reads the logins' breaker without changing it.
 */
final class LoginsFirst implements PopulationRegistry {

    private final PopulationRegistry delegate;
    private final Optional<CircuitBreaker> logins;

    LoginsFirst(PopulationRegistry delegate, Optional<CircuitBreaker> logins) {
        this.delegate = delegate;
        this.logins = logins;
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        if (logins.isPresent() && logins.get().observedState() != CircuitBreaker.State.CLOSED) {
            return new RegistryResult.Unavailable("circuit-open");
        }
        return delegate.verify(query);
    }

    @Override
    public void close() {
    }
}
