package vn.vneidbridge.cccd.registry;

import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The lookup a CCCD check makes: a repeated query is answered from the {@link ResultCache} (when there is one), any
 * other by the wrapped registry. Each lookup is timed as a whole under its {@link LookupOutcome}; a cache hit is also
 * told to the {@link RegistryCallListener}.
 */
final class RegistryLookup implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(RegistryLookup.class);

    private final PopulationRegistry delegate;
    private final Optional<ResultCache> cache;
    private final RegistryCallListener listener;
    private final LookupTimers timers;

    RegistryLookup(PopulationRegistry delegate, Optional<ResultCache> cache, RegistryCallListener listener,
                   LookupTimers timers) {
        this.delegate = delegate;
        this.cache = cache;
        this.listener = listener;
        this.timers = timers;
    }

    @Override
    public RegistryResult verify(RegistryQuery query) {
        long start = System.nanoTime();
        LookupOutcome outcome = LookupOutcome.ERROR;
        try {
            Optional<RegistryResult> cached = cache.flatMap(answers -> answers.get(query));
            if (cached.isPresent()) {
                outcome = LookupOutcome.CACHE_HIT;
                listener.called(RegistryCallOutcome.HIT, System.nanoTime() - start);
                LOG.debugf("registry cache hit for %s", LogMask.idNumber(query.idNumber()));
                return cached.get();
            }
            RegistryResult result = delegate.verify(query);
            cache.ifPresent(answers -> answers.put(query, result));
            outcome = LookupOutcome.of(result);
            return result;
        } finally {
            timers.record(outcome, System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
    }
}
