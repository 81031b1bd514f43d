package vn.vneidbridge.cccd.registry;

import org.jboss.logging.Logger;

/**
 * Guards the wrapped registry with a {@link CircuitBreaker}: an unavailable answer (or an unexpected
 * exception, which becomes {@code internal-error}) counts as a failure; while the circuit is open the
 * registry is not called and the answer is {@code circuit-open}.
 */
final class CircuitBreakingRegistry implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(CircuitBreakingRegistry.class);

    private final PopulationRegistry delegate;
    private final CircuitBreaker breaker;

    CircuitBreakingRegistry(PopulationRegistry delegate, CircuitBreaker breaker) {
        this.delegate = delegate;
        this.breaker = breaker;
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        if (!breaker.tryAcquire()) {
            return new RegistryResult.Unavailable("circuit-open");
        }
        RegistryResult result = new RegistryResult.Unavailable("internal-error");
        try {
            result = delegate.verify(query);
        } catch (RuntimeException e) {
            LOG.debugf(e, "registry call failed for %s", LogMask.idNumber(query.idNumber()));
        } finally {
            if (result instanceof RegistryResult.Unavailable) {
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
        }
        return result;
    }

    @Override
    public void close() {
    }
}
