package vn.vneidbridge.legacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * One row of the operator's {@code vneid_legacy_account} table or view, exactly as the contract in
 * {@code docs/legacy-database-contract.md} describes it. Read only: VNeID Bridge never writes the legacy
 * database. Validation happens in {@link LegacyAccount#fromRow}, not here.
 */
@Entity
@Immutable
@Table(name = "vneid_legacy_account")
@NamedQuery(name = LegacyAccountEntity.BY_USERNAME,
        query = "select a from LegacyAccountEntity a where a.username = :value")
@NamedQuery(name = LegacyAccountEntity.BY_CCCD,
        query = "select a from LegacyAccountEntity a where a.cccd = :value")
@NamedQuery(name = LegacyAccountEntity.BY_CMND,
        query = "select a from LegacyAccountEntity a where a.cmnd = :value")
public class LegacyAccountEntity {

    static final String BY_USERNAME = "vneidLegacyAccountByUsername";
    static final String BY_CCCD = "vneidLegacyAccountByCccd";
    static final String BY_CMND = "vneidLegacyAccountByCmnd";

    @Id
    @Column(name = "legacy_id", length = 64)
    private String legacyId;
    @Column(name = "username", length = 100)
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "password_algorithm", length = 32)
    private String passwordAlgorithm;
    @Column(name = "password_salt")
    private String passwordSalt;
    @Column(name = "password_iterations")
    private Integer passwordIterations;
    @Column(name = "full_name", length = 200)
    private String fullName;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "gender", length = 1)
    private String gender;
    @Column(name = "cmnd", length = 9)
    private String cmnd;
    @Column(name = "cccd", length = 12)
    private String cccd;
    @Column(name = "cccd_verified")
    private Boolean cccdVerified;
    @Column(name = "phone", length = 20)
    private String phone;
    @Column(name = "email", length = 254)
    private String email;
    @Column(name = "account_type", length = 16)
    private String accountType;
    @Column(name = "is_admin")
    private Boolean admin;
    @Column(name = "status", length = 16)
    private String status;

    public String getLegacyId() { return legacyId; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getPasswordAlgorithm() { return passwordAlgorithm; }
    public String getPasswordSalt() { return passwordSalt; }
    public Integer getPasswordIterations() { return passwordIterations; }
    public String getFullName() { return fullName; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getGender() { return gender; }
    public String getCmnd() { return cmnd; }
    public String getCccd() { return cccd; }
    public Boolean getCccdVerified() { return cccdVerified; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getAccountType() { return accountType; }
    public Boolean getAdmin() { return admin; }
    public String getStatus() { return status; }
}
