package vn.vneidbridge.cccd.registry;

import org.jboss.logging.Logger;

/** Answers a repeated query from the {@link ResultCache}; asks the wrapped registry otherwise. */
final class CachingRegistry implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(CachingRegistry.class);

    private final PopulationRegistry delegate;
    private final ResultCache cache;
    private final RegistryCallListener listener;

    CachingRegistry(PopulationRegistry delegate, ResultCache cache) {
        this(delegate, cache, RegistryCallListener.NONE);
    }

    /** {@code listener} hears of each cache hit. */
    CachingRegistry(PopulationRegistry delegate, ResultCache cache, RegistryCallListener listener) {
        this.delegate = delegate;
        this.cache = cache;
        this.listener = listener;
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        long start = System.nanoTime();
        var cached = cache.get(query);
        if (cached.isPresent()) {
            listener.called(RegistryCallOutcome.HIT, System.nanoTime() - start);
            LOG.debugf("registry cache hit for %s", LogMask.idNumber(query.idNumber()));
            return cached.get();
        }
        RegistryResult result = delegate.verify(query);
        cache.put(query, result);
        return result;
    }

    @Override
    public void close() {
    }
}
