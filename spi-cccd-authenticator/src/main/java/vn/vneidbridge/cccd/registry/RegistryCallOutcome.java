package vn.vneidbridge.cccd.registry;

import java.util.Optional;

/**
 * How one verification was answered, for the {@code outcome} tag of {@code vneid_bridge_registry_calls_seconds}: from
 * the cache ({@link #HIT}), by the registry ({@link #MISS}: a match, a mismatch or "not found"), not at all because
 * the registry was too slow ({@link #TIMEOUT}), because the circuit breaker is open ({@link #CIRCUIT_OPEN}), or for
 * another failure ({@link #ERROR}). A fixed set: never an id number, never a free text.
 */
enum RegistryCallOutcome {
    HIT("hit"),
    MISS("miss"),
    ERROR("error"),
    TIMEOUT("timeout"),
    CIRCUIT_OPEN("circuit_open");

    private final String tag;

    RegistryCallOutcome(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** The outcome of an answer that did not come from the cache. */
    static RegistryCallOutcome of(RegistryResult result) {
        if (result instanceof RegistryResult.Unavailable unavailable) {
            return switch (unavailable.reason()) {
                case "timeout", "connect-timeout" -> TIMEOUT;
                case "circuit-open" -> CIRCUIT_OPEN;
                default -> ERROR;
            };
        }
        return MISS;
    }

    /**
     * What the call says about the registry: up after an answer of the registry, down after a timeout, a failure or
     * while the circuit is open, nothing after a cache hit (the registry was not asked).
     */
    Optional<Boolean> registryUp() {
        return switch (this) {
            case HIT -> Optional.empty();
            case MISS -> Optional.of(true);
            default -> Optional.of(false);
        };
    }
}
