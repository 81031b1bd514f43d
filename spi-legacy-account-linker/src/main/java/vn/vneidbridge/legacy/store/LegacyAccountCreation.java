package vn.vneidbridge.legacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Immutable;

/**
 * The contract's optional column {@code created_at} of {@code vneid_legacy_account}: when the legacy account was
 * created. Read only by a bulk pre-verification that filters on creation dates, so a view without the column keeps
 * working for everything else ({@link LegacyAccountStore#hasCreationDates()} tells whether it is there).
 */
@Entity
@Immutable
@Table(name = "vneid_legacy_account")
public class LegacyAccountCreation {

    @Id
    @Column(name = "legacy_id", length = 64)
    private String legacyId;
    @Column(name = "created_at")
    private LocalDateTime createdAt;

    public String getLegacyId() { return legacyId; }
    public LocalDateTime getCreatedAt() { return createdAt; }
}
