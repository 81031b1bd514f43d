package vn.vneidbridge.operations.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * What a bulk job found for one legacy account, for the job's report and retries: the legacy key (never the person's
 * data), the outcome, the confirmed or mismatched field names, the registry error and its retries. What the importer
 * reads is the account's current result ({@link BulkCurrentEntity}), not this.
 */
@Entity
@Table(name = "VNEID_BULK_RESULT")
@NamedQuery(name = BulkResultEntity.JOBS_BY_KEYS, query = "select r.id, r.jobId, r.legacyId from BulkResultEntity r"
        + " where r.legacyId in :keys")
@NamedQuery(name = BulkResultEntity.BY_IDS, query = "select r from BulkResultEntity r where r.id in :ids")
@NamedQuery(name = BulkResultEntity.DUE_RETRIES, query = "select r from BulkResultEntity r"
        + " where r.jobId = :jobId and r.nextAttemptAt <= :now order by r.nextAttemptAt, r.legacyId")
@NamedQuery(name = BulkResultEntity.NEXT_RETRY, query = "select min(r.nextAttemptAt) from BulkResultEntity r"
        + " where r.jobId = :jobId")
@NamedQuery(name = BulkResultEntity.REPORT_PAGE, query = "select r from BulkResultEntity r"
        + " where r.jobId = :jobId and r.legacyId > :after order by r.legacyId")
@NamedQuery(name = BulkResultEntity.DELETE_BY_REALM, query = "delete from BulkResultEntity r where r.realmId = :realmId")
public class BulkResultEntity {

    static final String JOBS_BY_KEYS = "vneidBulkResultJobsByKeys";
    static final String BY_IDS = "vneidBulkResultsByIds";
    static final String DUE_RETRIES = "vneidBulkResultsDueRetries";
    static final String NEXT_RETRY = "vneidBulkResultsNextRetry";
    static final String REPORT_PAGE = "vneidBulkResultsReportPage";
    public static final String DELETE_BY_REALM = "vneidBulkResultsDeleteByRealm";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "JOB_ID", length = 36, nullable = false)
    private String jobId;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "LEGACY_ID", length = 64, nullable = false)
    private String legacyId;
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;
    @Column(name = "FIELDS", length = 100)
    private String fields;
    @Column(name = "ERROR_REASON", length = 64)
    private String errorReason;
    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;
    @Column(name = "NEXT_ATTEMPT_AT")
    private Long nextAttemptAt;
    @Column(name = "CHECKED_AT", nullable = false)
    private long checkedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getLegacyId() { return legacyId; }
    public void setLegacyId(String legacyId) { this.legacyId = legacyId; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getFields() { return fields; }
    public void setFields(String fields) { this.fields = fields; }
    public String getErrorReason() { return errorReason; }
    public void setErrorReason(String errorReason) { this.errorReason = errorReason; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public Long getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(Long nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public long getCheckedAt() { return checkedAt; }
    public void setCheckedAt(long checkedAt) { this.checkedAt = checkedAt; }
}
