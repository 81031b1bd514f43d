package vn.vneidbridge.legacy.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The contract's optional columns {@code place_of_birth}, {@code home_town} and {@code permanent_address} of
 * {@code vneid_legacy_account}: a person's places in words, as the old portal had them — claims, never trusted as
 * verified. Mapped on their own, like {@link LegacyAccountTaxCode}, so a view without them keeps working for everything
 * else ({@link LegacyAccountStore#placesOf} reads
 * them). The three go together: a view with only some of them counts as without them.
 */
@Entity
@Immutable
@Table(name = "vneid_legacy_account")
public class LegacyAccountPlaces {

    @Id
    @Column(name = "legacy_id", length = 64)
    private String legacyId;
    @Column(name = "place_of_birth", length = 255)
    private String placeOfBirth;
    @Column(name = "home_town", length = 255)
    private String homeTown;
    @Column(name = "permanent_address", length = 255)
    private String permanentAddress;

    /** Whether the columns are read for rows of this type: citizens' and businesses', never organisations'. */
    public static boolean isReadFor(LegacyAccountType type) {
        return type == LegacyAccountType.CITIZEN || type == LegacyAccountType.BUSINESS;
    }

    public String getLegacyId() { return legacyId; }
    public String getPlaceOfBirth() { return placeOfBirth; }
    public String getHomeTown() { return homeTown; }
    public String getPermanentAddress() { return permanentAddress; }
}
