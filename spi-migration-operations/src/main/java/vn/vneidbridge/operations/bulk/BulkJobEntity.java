package vn.vneidbridge.operations.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A bulk pre-verification job of a realm: its definition, state, cursor (the last legacy key whose batch is
 * committed), counts, and the lease of the node working on it. {@code ACTIVE_KEY} is the realm id until the job is
 * over (null then), and unique: one unfinished job per realm. Every change of state or lease is a conditional update
 * raising {@code VERSION} ({@link BulkJobs}); no personal data.
 */
@Entity
@Table(name = "VNEID_BULK_JOB")
@NamedQuery(name = BulkJobEntity.BY_REALM, query = "select j from BulkJobEntity j where j.realmId = :realmId"
        + " order by j.createdAt desc")
@NamedQuery(name = BulkJobEntity.BY_ACTIVE_KEY, query = "select j from BulkJobEntity j where j.activeKey = :realmId")
@NamedQuery(name = BulkJobEntity.ACTIVE, query = "select j from BulkJobEntity j where j.state in :states")
@NamedQuery(name = BulkJobEntity.LAST_SEQ, query = "select max(j.seq) from BulkJobEntity j where j.realmId = :realmId")
@NamedQuery(name = BulkJobEntity.DELETE_BY_REALM, query = "delete from BulkJobEntity j where j.realmId = :realmId")
public class BulkJobEntity {

    static final String BY_REALM = "vneidBulkJobsByRealm";
    static final String ACTIVE = "vneidBulkJobsActive";
    static final String BY_ACTIVE_KEY = "vneidBulkJobByActiveKey";
    static final String LAST_SEQ = "vneidBulkJobsLastSeq";
    public static final String DELETE_BY_REALM = "vneidBulkJobsDeleteByRealm";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    /** The job's place in its realm's order of creation (1, 2, …): which result is the later one. */
    @Column(name = "SEQ", nullable = false)
    private long seq;
    @Column(name = "ACTIVE_KEY", length = 36)
    private String activeKey;
    @Column(name = "LEGACY_PROVIDER_ID", length = 36, nullable = false)
    private String legacyProviderId;
    @Column(name = "PROVINCES", length = 400)
    private String provinces;
    @Column(name = "ACCOUNT_TYPES", length = 64)
    private String accountTypes;
    @Column(name = "CREATED_FROM", length = 10)
    private String createdFrom;
    @Column(name = "CREATED_TO", length = 10)
    private String createdTo;
    @Column(name = "RATE_PER_SECOND", nullable = false)
    private int ratePerSecond;
    @Column(name = "CONCURRENCY", nullable = false)
    private int concurrency;
    @Column(name = "REGISTRY_ID", length = 64, nullable = false)
    private String registryId;
    @Column(name = "STATE", length = 16, nullable = false)
    private String state;
    @Column(name = "CURSOR_KEY", length = 64)
    private String cursorKey;
    @Column(name = "TOTAL_ROWS")
    private Long totalRows;
    @Column(name = "PROCESSED", nullable = false)
    private long processed;
    @Column(name = "VERIFIED", nullable = false)
    private long verified;
    @Column(name = "MISMATCHED", nullable = false)
    private long mismatched;
    @Column(name = "NOT_FOUND", nullable = false)
    private long notFound;
    @Column(name = "CONFLICTS", nullable = false)
    private long conflicts;
    @Column(name = "REGISTRY_ERRORS", nullable = false)
    private long registryErrors;
    @Column(name = "SKIPPED", nullable = false)
    private long skipped;
    @Column(name = "RUN_STARTED_AT")
    private Long runStartedAt;
    @Column(name = "RUN_START_PROCESSED", nullable = false)
    private long runStartProcessed;
    @Column(name = "LEASE_OWNER", length = 64)
    private String leaseOwner;
    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;
    @Column(name = "VERSION", nullable = false)
    private int version;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "CREATED_BY", length = 255)
    private String createdBy;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;
    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public long getSeq() { return seq; }
    public void setSeq(long seq) { this.seq = seq; }
    public String getActiveKey() { return activeKey; }
    public void setActiveKey(String activeKey) { this.activeKey = activeKey; }
    public String getLegacyProviderId() { return legacyProviderId; }
    public void setLegacyProviderId(String legacyProviderId) { this.legacyProviderId = legacyProviderId; }
    public String getProvinces() { return provinces; }
    public void setProvinces(String provinces) { this.provinces = provinces; }
    public String getAccountTypes() { return accountTypes; }
    public void setAccountTypes(String accountTypes) { this.accountTypes = accountTypes; }
    public String getCreatedFrom() { return createdFrom; }
    public void setCreatedFrom(String createdFrom) { this.createdFrom = createdFrom; }
    public String getCreatedTo() { return createdTo; }
    public void setCreatedTo(String createdTo) { this.createdTo = createdTo; }
    public int getRatePerSecond() { return ratePerSecond; }
    public void setRatePerSecond(int ratePerSecond) { this.ratePerSecond = ratePerSecond; }
    public int getConcurrency() { return concurrency; }
    public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
    public String getRegistryId() { return registryId; }
    public void setRegistryId(String registryId) { this.registryId = registryId; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getCursorKey() { return cursorKey; }
    public void setCursorKey(String cursorKey) { this.cursorKey = cursorKey; }
    public Long getTotalRows() { return totalRows; }
    public void setTotalRows(Long totalRows) { this.totalRows = totalRows; }
    public long getProcessed() { return processed; }
    public void setProcessed(long processed) { this.processed = processed; }
    public long getVerified() { return verified; }
    public long getMismatched() { return mismatched; }
    public long getNotFound() { return notFound; }
    public long getConflicts() { return conflicts; }
    public long getRegistryErrors() { return registryErrors; }
    public long getSkipped() { return skipped; }
    public Long getRunStartedAt() { return runStartedAt; }
    public void setRunStartedAt(Long runStartedAt) { this.runStartedAt = runStartedAt; }
    public long getRunStartProcessed() { return runStartProcessed; }
    public void setRunStartProcessed(long runStartProcessed) { this.runStartProcessed = runStartProcessed; }
    public String getLeaseOwner() { return leaseOwner; }
    public Long getLeaseUntil() { return leaseUntil; }
    public int getVersion() { return version; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public Long getFinishedAt() { return finishedAt; }
}
