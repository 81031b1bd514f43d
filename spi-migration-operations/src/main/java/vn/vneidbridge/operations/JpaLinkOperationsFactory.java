package vn.vneidbridge.operations;

import java.util.List;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.operations.LinkOperationsFactory;
import vn.vneidbridge.operations.bulk.BulkResults;
import vn.vneidbridge.operations.review.ReviewEntries;

/**
 * The linking's {@link LinkOperations} on this module's tables: review entries and the bulk pre-verification's
 * results in Keycloak's database.
 */
public final class JpaLinkOperationsFactory implements LinkOperationsFactory {

    public static final String PROVIDER_ID = "jpa";

    @Override
    public LinkOperations create(KeycloakSession session) {
        return new JpaLinkOperations(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    private record JpaLinkOperations(KeycloakSession session) implements LinkOperations {

        @Override
        public void openReview(RealmModel realm, String identityProvider, String idNumber, String vneidSubject,
                               String vneidUsername, List<String> candidateIds) {
            ReviewEntries.open(session, realm, identityProvider, idNumber, vneidSubject, vneidUsername, candidateIds);
        }

        @Override
        public Optional<RegistryVerification> bulkVerification(RealmModel realm, String legacyId) {
            return BulkResults.latestVerification(session, realm.getId(), legacyId);
        }
    }
}
