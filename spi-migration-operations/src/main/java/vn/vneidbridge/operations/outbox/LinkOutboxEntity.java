package vn.vneidbridge.operations.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One link event waiting for (or done with) its delivery to one portal's webhook, in Keycloak's own database
 * (table {@code VNEID_LINK_OUTBOX}, created by {@code META-INF/vneid-bridge-changelog.xml}). Times are epoch
 * milliseconds, as in Keycloak's own tables.
 */
@Entity
@Table(name = "VNEID_LINK_OUTBOX")
@NamedQuery(name = LinkOutboxEntity.DUE, query = "select o from LinkOutboxEntity o where o.status = 'PENDING'"
        + " and o.nextAttemptAt <= :now order by o.nextAttemptAt")
@NamedQuery(name = LinkOutboxEntity.COUNT_EVENT, query = "select count(o) from LinkOutboxEntity o"
        + " where o.realmId = :realmId and o.eventId = :eventId")
@NamedQuery(name = LinkOutboxEntity.BY_REALM, query = "select o from LinkOutboxEntity o where o.realmId = :realmId"
        + " order by o.createdAt desc")
@NamedQuery(name = LinkOutboxEntity.BY_REALM_STATUS, query = "select o from LinkOutboxEntity o"
        + " where o.realmId = :realmId and o.status = :status order by o.createdAt desc")
@NamedQuery(name = LinkOutboxEntity.BACKLOG, query = "select o.status, count(o), min(o.createdAt) from LinkOutboxEntity o"
        + " where o.status in ('PENDING', 'FAILED') group by o.status")
@NamedQuery(name = LinkOutboxEntity.DELETE_BY_REALM, query = "delete from LinkOutboxEntity o where o.realmId = :realmId")
public class LinkOutboxEntity {

    static final String DUE = "vneidLinkOutboxDue";
    static final String COUNT_EVENT = "vneidLinkOutboxCountEvent";
    static final String BY_REALM = "vneidLinkOutboxByRealm";
    static final String BY_REALM_STATUS = "vneidLinkOutboxByRealmStatus";
    public static final String DELETE_BY_REALM = "vneidLinkOutboxDeleteByRealm";
    static final String BACKLOG = "vneidLinkOutboxBacklog";

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "EVENT_ID", length = 36, nullable = false)
    private String eventId;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "CLIENT_ID", length = 255, nullable = false)
    private String clientId;
    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;
    @Column(name = "PAYLOAD", length = 4000, nullable = false)
    private String payload;
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;
    @Column(name = "DELIVERED_AT")
    private Long deliveredAt;
    @Column(name = "LAST_ERROR", length = 255)
    private String lastError;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public long getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(long nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Long getDeliveredAt() { return deliveredAt; }
    public void setDeliveredAt(Long deliveredAt) { this.deliveredAt = deliveredAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }
}
