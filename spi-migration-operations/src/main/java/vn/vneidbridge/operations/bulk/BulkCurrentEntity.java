package vn.vneidbridge.operations.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The one current bulk result of a legacy account (realm and legacy id), what the importer reads: the finding of
 * the latest job — by the jobs' creation sequence, never a node's clock — that reached the account, whatever it was
 * (a skipped account is {@code SKIPPED}). The id is the Keycloak user id the account has or will have. A verified
 * result keeps the keyed digest of what the registry confirmed and the id of the realm key it was made with, never
 * the number; a cancelled or withdrawn job's verified results become {@code WITHDRAWN}. A verified result that marked
 * its user becomes {@code APPLIED}, one whose mark was taken off or disputed {@code REVOKED}: both final, never applied
 * again nor replaced by a later job; only the user's deletion removes them.
 */
@Entity
@Table(name = "VNEID_BULK_CURRENT")
@NamedQuery(name = BulkCurrentEntity.BY_IDS, query = "select c from BulkCurrentEntity c where c.id in :ids")
@NamedQuery(name = BulkCurrentEntity.WITHDRAW_JOB, query = "update BulkCurrentEntity c set c.outcome = :withdrawn,"
        + " c.digest = null, c.keyId = null where c.jobId = :jobId and c.outcome = :verified")
@NamedQuery(name = BulkCurrentEntity.CONFLICT, query = "update BulkCurrentEntity c set c.outcome = :conflict,"
        + " c.digest = null, c.keyId = null, c.fields = null, c.jobId = :jobId, c.jobSeq = :jobSeq,"
        + " c.checkedAt = :now where c.realmId = :realmId and c.id in :ids and c.jobSeq <= :jobSeq"
        + " and c.outcome not in :finalOutcomes")
@NamedQuery(name = BulkCurrentEntity.DELETE_BY_REALM, query = "delete from BulkCurrentEntity c"
        + " where c.realmId = :realmId")
@NamedQuery(name = BulkCurrentEntity.DELETE_BY_ID, query = "delete from BulkCurrentEntity c where c.id = :id")
public class BulkCurrentEntity {

    static final String BY_IDS = "vneidBulkCurrentByIds";
    static final String WITHDRAW_JOB = "vneidBulkCurrentWithdrawJob";
    static final String CONFLICT = "vneidBulkCurrentConflict";
    public static final String DELETE_BY_REALM = "vneidBulkCurrentDeleteByRealm";
    public static final String DELETE_BY_ID = "vneidBulkCurrentDeleteById";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "LEGACY_ID", length = 64, nullable = false)
    private String legacyId;
    @Column(name = "JOB_ID", length = 36, nullable = false)
    private String jobId;
    @Column(name = "JOB_SEQ", nullable = false)
    private long jobSeq;
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;
    @Column(name = "DIGEST", length = 64)
    private String digest;
    @Column(name = "KEY_ID", length = 100)
    private String keyId;
    @Column(name = "FIELDS", length = 100)
    private String fields;
    @Column(name = "CHECKED_AT", nullable = false)
    private long checkedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getLegacyId() { return legacyId; }
    public void setLegacyId(String legacyId) { this.legacyId = legacyId; }
    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public long getJobSeq() { return jobSeq; }
    public void setJobSeq(long jobSeq) { this.jobSeq = jobSeq; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getDigest() { return digest; }
    public void setDigest(String digest) { this.digest = digest; }
    public String getKeyId() { return keyId; }
    public void setKeyId(String keyId) { this.keyId = keyId; }
    public String getFields() { return fields; }
    public void setFields(String fields) { this.fields = fields; }
    public long getCheckedAt() { return checkedAt; }
    public void setCheckedAt(long checkedAt) { this.checkedAt = checkedAt; }
}
