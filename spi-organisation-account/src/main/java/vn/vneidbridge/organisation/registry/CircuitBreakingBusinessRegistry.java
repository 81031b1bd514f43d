package vn.vneidbridge.organisation.registry;

import org.jboss.logging.Logger;

import vn.vneidbridge.cccd.registry.CircuitBreaker;

/**
 * Guards the wrapped registry with the population registry's {@link CircuitBreaker}: an unavailable answer (or an
 * unexpected exception, which becomes {@code internal-error}) counts as a failure; while the circuit is open the
 * registry is not called and the answer is {@code circuit-open}.
 */
final class CircuitBreakingBusinessRegistry implements BusinessRegistry {

    private static final Logger LOG = Logger.getLogger(CircuitBreakingBusinessRegistry.class);

    private final BusinessRegistry delegate;
    private final CircuitBreaker breaker;

    CircuitBreakingBusinessRegistry(BusinessRegistry delegate, CircuitBreaker breaker) {
        this.delegate = delegate;
        this.breaker = breaker;
    }

    @Override
    public BusinessResult verify(BusinessQuery query) {
        if (!breaker.tryAcquire()) {
            return new BusinessResult.Unavailable("circuit-open");
        }
        BusinessResult result = new BusinessResult.Unavailable("internal-error");
        try {
            result = delegate.verify(query);
        } catch (RuntimeException e) {
            LOG.debugf("business registry call failed for %s: %s", query.taxCode().mask(), e.getClass().getName());
        } finally {
            if (result instanceof BusinessResult.Unavailable) {
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
