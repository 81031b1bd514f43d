package vn.vneidbridge.cccd.registry;

import org.keycloak.provider.Provider;

/**
 * Verifies what a citizen declared against the national population database (CSDL quốc gia về dân cư).
 *
 * <p>Implementations never throw for a well-formed query: every failure to get an answer is a
 * {@link RegistryResult.Unavailable}. They are safe to call from many threads at once.
 */
public interface PopulationRegistry extends Provider {

    /**
     * Asks the registry whether the declared data matches the citizen with this personal id number.
     *
     * @param query the declared data, never null
     * @return the outcome, never null
     */
    RegistryResult verify(RegistryQuery query);
}
