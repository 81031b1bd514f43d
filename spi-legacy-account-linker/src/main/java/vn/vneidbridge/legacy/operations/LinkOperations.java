package vn.vneidbridge.legacy.operations;

import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * What the linking hands to the operations (module {@code spi-migration-operations}, which depends on this one
 * and not the other way round): the review queue, and the check of the operations' settings that are still kept on
 * the legacy accounts provider (its link webhooks). Found with {@link #of}; without the operations deployed,
 * nothing is queued and those settings are not checked.
 */
public interface LinkOperations extends Provider {

    /**
     * Opens (or updates) the review entry of an id number held by several accounts, in a transaction of its own so
     * it is kept whatever the login does next; never fails the login.
     */
    void openReview(RealmModel realm, String identityProvider, String idNumber, String vneidSubject,
                    String vneidUsername, List<String> candidateIds);

    /** Rejects operations settings of a legacy accounts provider that cannot be used. */
    void validateLegacyProvider(RealmModel realm, ComponentModel model) throws ComponentValidationException;

    /** The deployed operations of this session, or null. */
    static LinkOperations of(KeycloakSession session) {
        return session.getProvider(LinkOperations.class);
    }

    @Override
    default void close() {
    }
}
