package vn.vneidbridge.operations.bulk;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * The Keycloak users of a realm holding some of these numbers verified, by number: an account whose number another
 * user holds verified is a conflict, not a verification.
 *
 * <p>Three queries of one table each, in this order: the users holding the numbers (the attribute table's index on
 * name and value), those of them whose mark is "true", those of them in the realm. One query joining the three
 * tables, as before, let H2 choose its join order: with about 48,000 imported users it took 38 to 160 s a batch
 * (Hibernate's slow-query log, benchmark run W1, 2026-12-06) and the job settled no account in a minute. Each query
 * here reads at most the rows of the numbers asked (or of the users found), whatever the database's plan.
 */
final class KeycloakHolders {

    private static final String HOLDERS = "select a.value, a.user.id from UserAttributeEntity a"
            + " where a.name = :cccd and a.value in :numbers";
    private static final String MARKED = "select a.user.id from UserAttributeEntity a"
            + " where a.user.id in :ids and a.name = :verified and a.value = 'true'";
    private static final String OF_REALM = "select u.id from UserEntity u where u.id in :ids and u.realmId = :realmId";

    private KeycloakHolders() {
    }

    static Map<String, List<String>> verified(KeycloakSession session, String realmId, Set<String> numbers) {
        Map<String, List<String>> holders = new HashMap<>();
        if (numbers.isEmpty()) {
            return holders;
        }
        EntityManager em = BulkJobs.em(session);
        List<Object[]> found = em.createQuery(HOLDERS, Object[].class).setParameter("cccd", UserAttributes.CCCD)
                .setParameter("numbers", List.copyOf(numbers)).getResultList();
        if (found.isEmpty()) {
            return holders;
        }
        Set<String> users = new HashSet<>();
        found.forEach(row -> users.add((String) row[1]));
        Set<String> marked = new HashSet<>(em.createQuery(MARKED, String.class).setParameter("ids", List.copyOf(users))
                .setParameter("verified", UserAttributes.CCCD_VERIFIED).getResultList());
        if (marked.isEmpty()) {
            return holders;
        }
        Set<String> ofRealm = new HashSet<>(em.createQuery(OF_REALM, String.class)
                .setParameter("ids", List.copyOf(marked)).setParameter("realmId", realmId).getResultList());
        for (Object[] row : found) {
            String user = (String) row[1];
            if (marked.contains(user) && ofRealm.contains(user)) {
                holders.computeIfAbsent((String) row[0], n -> new ArrayList<>()).add(user);
            }
        }
        return holders;
    }
}
