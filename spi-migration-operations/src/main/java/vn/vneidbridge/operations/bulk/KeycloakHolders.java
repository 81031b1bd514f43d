package vn.vneidbridge.operations.bulk;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;
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
 * here reads only the rows of the numbers asked (or of the users found): on H2 the first asks one number at a time,
 * H2 seeking a list only on an index's first column ({@link HolderLookup}), and the second leaves the mark's value
 * out of the query ({@link #MARKS}). Before 2026-12-08 both read every user holding a number, or a mark, on H2: with
 * 50,000 imported users the holders of a page of 400 numbers took 253 ms (1.5 ms with none; 8 ms one number at a
 * time) and the marks of 10 users 34 ms (0.1 ms without the value), likely why the job settled 633–1,098 accounts a
 * second after the benchmark's first logins (runs S1, S2) against 3,070 on an empty Keycloak.
 */
final class KeycloakHolders {

    private static final String HOLDERS = "select a.value, a.user.id from UserAttributeEntity a"
            + " where a.name = :cccd and a.value in :numbers";
    private static final String HOLDERS_OF_ONE = "select a.value, a.user.id from UserAttributeEntity a"
            + " where a.name = :cccd and a.value = :number";
    /**
     * The marks of the users found, whatever their value: with {@code a.value = 'true'} in the query H2 2.4 seeks
     * ({@code NAME}, {@code VALUE}) = ({@code cccd_verified}, {@code true}), every verified user, instead of the ids
     * (a scratch program on Keycloak's schema, 2026-12-08: 34 ms for 10 ids among 50,000 verified users, 0.1 ms
     * without the value).
     */
    private static final String MARKS = "select a.user.id, a.value from UserAttributeEntity a"
            + " where a.user.id in :ids and a.name = :verified";
    private static final String OF_REALM = "select u.id from UserEntity u where u.id in :ids and u.realmId = :realmId";

    private KeycloakHolders() {
    }

    static Map<String, List<String>> verified(KeycloakSession session, String realmId, Set<String> numbers) {
        Map<String, List<String>> holders = new HashMap<>();
        if (numbers.isEmpty()) {
            return holders;
        }
        EntityManager em = BulkJobs.em(session);
        List<Object[]> found = holders(em, numbers);
        if (found.isEmpty()) {
            return holders;
        }
        Set<String> users = new HashSet<>();
        found.forEach(row -> users.add((String) row[1]));
        Set<String> marked = new HashSet<>();
        for (Object[] mark : em.createQuery(MARKS, Object[].class).setParameter("ids", List.copyOf(users))
                .setParameter("verified", UserAttributes.CCCD_VERIFIED).getResultList()) {
            if ("true".equals(mark[1])) {
                marked.add((String) mark[0]);
            }
        }
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

    /** The users holding the numbers: (number, user id) rows, as {@link HolderLookup} says to ask. */
    private static List<Object[]> holders(EntityManager em, Set<String> numbers) {
        numbers.forEach(Objects::requireNonNull); // "= null" would find no holder: fail closed, as the list does
        String database = numbers.size() > 1 ? databaseProduct(em) : null;
        if (HolderLookup.of(database, numbers.size()) == HolderLookup.ONE_LIST) {
            return em.createQuery(HOLDERS, Object[].class).setParameter("cccd", UserAttributes.CCCD)
                    .setParameter("numbers", List.copyOf(numbers)).getResultList();
        }
        TypedQuery<Object[]> query = em.createQuery(HOLDERS_OF_ONE, Object[].class)
                .setParameter("cccd", UserAttributes.CCCD);
        List<Object[]> found = new ArrayList<>();
        for (String number : numbers) {
            found.addAll(query.setParameter("number", number).getResultList());
        }
        return found;
    }

    private static String databaseProduct(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(connection -> connection.getMetaData()
                .getDatabaseProductName());
    }
}
