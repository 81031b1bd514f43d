package vn.vneidbridge.operations.outbox;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The outbox table, through the session's own EntityManager (so within the session's transaction). */
public final class LinkOutbox {

    private final EntityManager em;

    LinkOutbox(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    boolean contains(String realmId, String eventId) {
        return em.createNamedQuery(LinkOutboxEntity.COUNT_EVENT, Long.class).setParameter("realmId", realmId)
                .setParameter("eventId", eventId).getSingleResult() > 0;
    }

    void add(String realmId, String eventId, String clientId, String userId, String payload, long now) {
        LinkOutboxEntity row = new LinkOutboxEntity();
        row.setId(UUID.randomUUID().toString());
        row.setEventId(eventId);
        row.setRealmId(realmId);
        row.setClientId(clientId);
        row.setUserId(userId);
        row.setPayload(payload);
        row.setStatus(LinkOutboxEntity.PENDING);
        row.setCreatedAt(now);
        row.setAttempts(0);
        row.setNextAttemptAt(now);
        em.persist(row);
    }

    List<LinkOutboxEntity> due(long now, int max) {
        return em.createNamedQuery(LinkOutboxEntity.DUE, LinkOutboxEntity.class).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    LinkOutboxEntity find(String id) {
        return em.find(LinkOutboxEntity.class, id);
    }

    /** The realm's deliveries, newest first; {@code status} null for all. */
    public static List<LinkOutboxEntity> list(KeycloakSession session, String realmId, String status, int first, int max) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        var query = status == null
                ? em.createNamedQuery(LinkOutboxEntity.BY_REALM, LinkOutboxEntity.class)
                : em.createNamedQuery(LinkOutboxEntity.BY_REALM_STATUS, LinkOutboxEntity.class).setParameter("status", status);
        return query.setParameter("realmId", realmId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Pending and failed rows of every realm, and when the oldest pending one was queued (null when none). */
    public record Backlog(long pending, long failed, Long oldestPendingCreatedAt) {
    }

    /** One aggregate query over the outbox (its status column), for the backlog gauges. */
    public static Backlog backlog(KeycloakSession session) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long pending = 0;
        long failed = 0;
        Long oldest = null;
        for (Object[] row : em.createNamedQuery(LinkOutboxEntity.BACKLOG, Object[].class).getResultList()) {
            long count = row[1] == null ? 0 : ((Number) row[1]).longValue();
            if (LinkOutboxEntity.PENDING.equals(row[0])) {
                pending = count;
                oldest = row[2] == null ? null : ((Number) row[2]).longValue();
            } else {
                failed = count;
            }
        }
        return new Backlog(pending, failed, oldest);
    }
}
