package vn.vneidbridge.legacy.operations;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.UserEntity;

/**
 * The row lock that orders the writers of a user's CCCD mark: a bulk job marking it verified and a VNeID holder's
 * dispute taking the mark off both lock the user's row in Keycloak's database ({@code SELECT … FOR UPDATE}) before
 * they read and write, so one waits for the other's commit and then reads what it wrote. Without it, a dispute
 * committed between the bulk's read and its commit would be overwritten.
 */
public final class UserRowLock {

    private UserRowLock() {
    }

    /**
     * Locks the user's row until this transaction ends, and re-reads it if this session had read it before (so its
     * attributes are loaded again from what is committed now); false when there is no such user (of this realm).
     */
    public static boolean lock(KeycloakSession session, String realmId, String userId) {
        EntityManager em = em(session);
        UserEntity user = em.find(UserEntity.class, userId);
        if (user == null || !realmId.equals(user.getRealmId())) {
            return false;
        }
        em.flush(); // this transaction's own pending writes first: refresh must not drop them
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        return true;
    }

    /**
     * These attributes of the user as the database holds them now (the first value of each), past what this
     * session's persistence context remembers; call it after {@link #lock}.
     */
    public static Map<String, String> attributes(KeycloakSession session, String userId, Collection<String> names) {
        Map<String, String> values = new HashMap<>();
        List<Object[]> rows = em(session).createQuery("select a.name, a.value from UserAttributeEntity a"
                        + " where a.user.id = :id and a.name in :names order by a.id", Object[].class)
                .setParameter("id", userId).setParameter("names", List.copyOf(names)).getResultList();
        for (Object[] row : rows) {
            values.putIfAbsent((String) row[0], (String) row[1]);
        }
        return values;
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
