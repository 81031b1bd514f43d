package vn.vneidbridge.legacy.operations;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The review queue as the linking sees it: an entry opened through the deployed {@link LinkOperations}. */
public final class ReviewQueue {

    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);

    private ReviewQueue() {
    }

    /**
     * Opens (or updates) the review entry of an id number held by several accounts; never fails the login. Without
     * the operations module deployed, nothing is queued (a warning says so).
     */
    public static void open(KeycloakSession session, RealmModel realm, String identityProvider, String idNumber,
                            String vneidSubject, String vneidUsername, Iterable<String> candidateIds) {
        LinkOperations operations = LinkOperations.of(session);
        if (operations == null) {
            LOG.warnf("realm %s: no review entry opened, the VNeID Bridge operations are not deployed",
                    realm.getName());
            return;
        }
        List<String> candidates = new ArrayList<>();
        candidateIds.forEach(candidates::add);
        operations.openReview(realm, identityProvider, idNumber, vneidSubject, vneidUsername, candidates);
    }
}
