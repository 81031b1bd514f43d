package vn.vneidbridge.cccd.registry;

/**
 * How one CCCD check's lookup was answered, for the {@code outcome} tag of {@code vneid_registry_lookup_seconds}:
 * from the cache ({@link #CACHE_HIT}), by the registry ({@link #REGISTRY}: a match, a mismatch or "not found"), or
 * not at all ({@link #ERROR}: a timeout, a failure, the open circuit). A fixed set: never an id number.
 */
enum LookupOutcome {
    CACHE_HIT("cache_hit"),
    REGISTRY("registry"),
    ERROR("error");

    private final String tag;

    LookupOutcome(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** The outcome of an answer that did not come from the cache. */
    static LookupOutcome of(RegistryResult result) {
        return result instanceof RegistryResult.Unavailable ? ERROR : REGISTRY;
    }
}
