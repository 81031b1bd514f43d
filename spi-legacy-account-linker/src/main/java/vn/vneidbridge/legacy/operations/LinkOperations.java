package vn.vneidbridge.legacy.operations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * What the linking hands to the operations (module {@code spi-migration-operations}, which depends on this one
 * and not the other way round): the review queue. Found with {@link #of}; without the operations deployed, nothing
 * is queued.
 */
public interface LinkOperations extends Provider {

    /**
     * Opens (or updates) the review entry of an id number held by several accounts, in a transaction of its own so
     * it is kept whatever the login does next; never fails the login.
     */
    void openReview(RealmModel realm, String identityProvider, String idNumber, String vneidSubject,
                    String vneidUsername, List<String> candidateIds);

    /**
     * The CCCD the latest bulk pre-verification confirmed with the population database for this legacy account
     * (realm and legacy id), if its latest outcome was "verified"; read in this session's transaction when the account
     * is imported. Empty without the operations deployed.
     */
    default Optional<RegistryVerification> bulkVerification(RealmModel realm, String legacyId) {
        return Optional.empty();
    }

    /**
     * A number the population database confirmed for an account, the fields it confirmed ({@code RegistryField}
     * names), and when.
     */
    record RegistryVerification(String number, List<String> fields, Instant at) {
        @Override
        public String toString() {
            return "RegistryVerification[***, " + fields + ", " + at + "]";
        }
    }

    /** The deployed operations of this session, or null. */
    static LinkOperations of(KeycloakSession session) {
        return session.getProvider(LinkOperations.class);
    }

    @Override
    default void close() {
    }
}
