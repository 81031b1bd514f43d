package vn.vneidbridge.legacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The contract's optional column {@code tax_code} of {@code vneid_legacy_account}: an organisation's or business's
 * tax code, as the old portal had it — a claim, never trusted as verified. Mapped on its own, like
 * {@link LegacyAccountCreation}, so a view without the column keeps working for everything else
 * ({@link LegacyAccountStore#hasTaxCodes()} tells whether it is there, {@link LegacyAccountStore#taxCodeOf} reads it).
 */
@Entity
@Immutable
@Table(name = "vneid_legacy_account")
public class LegacyAccountTaxCode {

    @Id
    @Column(name = "legacy_id", length = 64)
    private String legacyId;
    @Column(name = "tax_code", length = 14)
    private String taxCode;

    /** Whether the column is read for rows of this type: organisations' and businesses', never citizens'. */
    public static boolean isReadFor(LegacyAccountType type) {
        return type == LegacyAccountType.ORGANISATION || type == LegacyAccountType.BUSINESS;
    }

    public String getLegacyId() { return legacyId; }
    public String getTaxCode() { return taxCode; }
}
