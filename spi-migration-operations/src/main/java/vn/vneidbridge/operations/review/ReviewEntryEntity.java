package vn.vneidbridge.operations.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A VNeID identity that matched several accounts and waits for an operator (table {@code VNEID_REVIEW_ENTRY}).
 * The id number is stored: this is the database, never a log. {@code OPEN_KEY} is realm and id number while
 * the entry is open and null afterwards, so the database itself keeps one open entry per id number.
 * {@code VERSION} is JPA's optimistic lock: every change of an entry is written only over the version it was read
 * at, and a resolution first claims the entry by raising it ({@link #CLAIM}), so of two operators resolving at
 * once only one goes on.
 */
@Entity
@Table(name = "VNEID_REVIEW_ENTRY")
@NamedQuery(name = ReviewEntryEntity.BY_OPEN_KEY, query = "select r from ReviewEntryEntity r where r.openKey = :openKey")
@NamedQuery(name = ReviewEntryEntity.BY_REALM, query = "select r from ReviewEntryEntity r where r.realmId = :realmId"
        + " order by r.createdAt desc")
@NamedQuery(name = ReviewEntryEntity.BY_REALM_STATUS, query = "select r from ReviewEntryEntity r"
        + " where r.realmId = :realmId and r.status = :status order by r.createdAt desc")
@NamedQuery(name = ReviewEntryEntity.OPEN_BY_PROVINCE, query = "select substring(r.idNumber, 1, 3), count(r)"
        + " from ReviewEntryEntity r where r.realmId = :realmId and r.status = 'OPEN'"
        + " group by substring(r.idNumber, 1, 3)")
@NamedQuery(name = ReviewEntryEntity.CLAIM, query = "update ReviewEntryEntity r set r.version = r.version + 1"
        + " where r.id = :id and r.version = :version and r.status = 'OPEN'")
@NamedQuery(name = ReviewEntryEntity.DELETE_BY_REALM, query = "delete from ReviewEntryEntity r where r.realmId = :realmId")
public class ReviewEntryEntity {

    static final String BY_OPEN_KEY = "vneidReviewByOpenKey";
    static final String BY_REALM = "vneidReviewByRealm";
    static final String BY_REALM_STATUS = "vneidReviewByRealmStatus";
    public static final String OPEN_BY_PROVINCE = "vneidReviewOpenByProvince";
    public static final String DELETE_BY_REALM = "vneidReviewDeleteByRealm";
    static final String CLAIM = "vneidReviewClaim";

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;
    @Column(name = "OPEN_KEY", length = 64)
    private String openKey;
    @Column(name = "ID_NUMBER", length = 12, nullable = false)
    private String idNumber;
    @Column(name = "IDENTITY_PROVIDER", length = 255, nullable = false)
    private String identityProvider;
    @Column(name = "VNEID_SUBJECT", length = 255, nullable = false)
    private String vneidSubject;
    @Column(name = "VNEID_USERNAME", length = 255)
    private String vneidUsername;
    @Column(name = "CANDIDATE_IDS", length = 2000, nullable = false)
    private String candidateIds;
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;
    @Column(name = "LOGIN_ATTEMPTS", nullable = false)
    private int loginAttempts;
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;
    @Column(name = "RESOLVED_AT")
    private Long resolvedAt;
    @Column(name = "RESOLVED_BY", length = 255)
    private String resolvedBy;
    @Column(name = "LINKED_USER_ID", length = 36)
    private String linkedUserId;
    @Column(name = "NOTE", length = 1000)
    private String note;
    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getOpenKey() { return openKey; }
    public void setOpenKey(String openKey) { this.openKey = openKey; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getIdentityProvider() { return identityProvider; }
    public void setIdentityProvider(String identityProvider) { this.identityProvider = identityProvider; }
    public String getVneidSubject() { return vneidSubject; }
    public void setVneidSubject(String vneidSubject) { this.vneidSubject = vneidSubject; }
    public String getVneidUsername() { return vneidUsername; }
    public void setVneidUsername(String vneidUsername) { this.vneidUsername = vneidUsername; }
    public String getCandidateIds() { return candidateIds; }
    public void setCandidateIds(String candidateIds) { this.candidateIds = candidateIds; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public int getLoginAttempts() { return loginAttempts; }
    public void setLoginAttempts(int loginAttempts) { this.loginAttempts = loginAttempts; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public Long getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(Long resolvedAt) { this.resolvedAt = resolvedAt; }
    public String getResolvedBy() { return resolvedBy; }
    public void setResolvedBy(String resolvedBy) { this.resolvedBy = resolvedBy; }
    public String getLinkedUserId() { return linkedUserId; }
    public void setLinkedUserId(String linkedUserId) { this.linkedUserId = linkedUserId; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public int getVersion() { return version; }
}
