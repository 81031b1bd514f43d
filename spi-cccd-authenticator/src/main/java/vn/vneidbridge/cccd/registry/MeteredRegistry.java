package vn.vneidbridge.cccd.registry;

/**
 * Times each call that reaches past the cache — the registry's own answer, a failure, or the circuit breaker's
 * refusal — and tells the {@link RegistryCallListener} its {@link RegistryCallOutcome}.
 */
final class MeteredRegistry implements PopulationRegistry {

    private final PopulationRegistry delegate;
    private final RegistryCallListener listener;

    MeteredRegistry(PopulationRegistry delegate, RegistryCallListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        long start = System.nanoTime();
        RegistryResult result = new RegistryResult.Unavailable("internal-error");
        try {
            result = delegate.verify(query);
            return result;
        } finally {
            listener.called(RegistryCallOutcome.of(result), System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
    }
}
