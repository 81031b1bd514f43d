package vn.vneidbridge.cccd.registry;

import org.jboss.logging.Logger;

/** Answers a repeated query from the {@link ResultCache}; asks the wrapped registry otherwise. */
final class CachingRegistry implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(CachingRegistry.class);

    private final PopulationRegistry delegate;
    private final ResultCache cache;

    CachingRegistry(PopulationRegistry delegate, ResultCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        var cached = cache.get(query);
        if (cached.isPresent()) {
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
