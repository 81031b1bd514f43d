package vn.vneidbridge.sandbox.legacy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import vn.vneidbridge.core.id.Gender;

/**
 * One row of {@code vneid_legacy_account}, column for column. Optional columns are null when absent.
 *
 * @param legacyId     {@code legacy_id}
 * @param username     {@code username}, must be lower case
 * @param password     the four {@code password_*} columns
 * @param fullName     {@code full_name}, family name first
 * @param birthDate    {@code birth_date}
 * @param gender       {@code gender}, written {@code M} or {@code F}
 * @param cmnd         {@code cmnd}, 9 digits
 * @param cccd         {@code cccd}, 12 digits
 * @param cccdVerified {@code cccd_verified}
 * @param phone        {@code phone}
 * @param email        {@code email}
 * @param accountType  {@code account_type}
 * @param admin        {@code is_admin}
 * @param status       {@code status}
 * @param taxCode      {@code tax_code}, the optional column: an organisation's or business's tax code
 * @param placeOfBirth     {@code place_of_birth}, an optional column: where the birth was registered, in words
 * @param homeTown         {@code home_town}, an optional column: the home town, in words
 * @param permanentAddress {@code permanent_address}, an optional column: the permanent residence, in words
 */
public record LegacyAccount(
        String legacyId,
        String username,
        StoredPassword password,
        String fullName,
        LocalDate birthDate,
        Gender gender,
        String cmnd,
        String cccd,
        boolean cccdVerified,
        String phone,
        String email,
        AccountType accountType,
        boolean admin,
        Status status,
        String taxCode,
        String placeOfBirth,
        String homeTown,
        String permanentAddress) {

    /** {@code account_type}. */
    public enum AccountType { CITIZEN, ORGANISATION, BUSINESS }

    /** {@code status}. */
    public enum Status { ACTIVE, LOCKED }

    public LegacyAccount {
        Objects.requireNonNull(legacyId, "legacyId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(accountType, "accountType");
        Objects.requireNonNull(status, "status");
        if (!username.equals(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("usernames are stored lower case: " + legacyId);
        }
    }

    /** A row without a tax code (every citizen's row, and most others). */
    public LegacyAccount(String legacyId, String username, StoredPassword password, String fullName,
                         LocalDate birthDate, Gender gender, String cmnd, String cccd, boolean cccdVerified,
                         String phone, String email, AccountType accountType, boolean admin, Status status) {
        this(legacyId, username, password, fullName, birthDate, gender, cmnd, cccd, cccdVerified, phone, email,
                accountType, admin, status, null);
    }

    /** A row with a tax code (null: none) and no places. */
    public LegacyAccount(String legacyId, String username, StoredPassword password, String fullName,
                         LocalDate birthDate, Gender gender, String cmnd, String cccd, boolean cccdVerified,
                         String phone, String email, AccountType accountType, boolean admin, Status status,
                         String taxCode) {
        this(legacyId, username, password, fullName, birthDate, gender, cmnd, cccd, cccdVerified, phone, email,
                accountType, admin, status, taxCode, null, null, null);
    }

    /** This row with {@code tax_code} set (null: none). */
    public LegacyAccount withTaxCode(String taxCode) {
        return new LegacyAccount(legacyId, username, password, fullName, birthDate, gender, cmnd, cccd, cccdVerified,
                phone, email, accountType, admin, status, taxCode, placeOfBirth, homeTown, permanentAddress);
    }

    /**
     * This row with {@code place_of_birth}, {@code home_town} and {@code permanent_address} set (null: none); they
     * are imported unverified.
     */
    public LegacyAccount withPlaces(String placeOfBirth, String homeTown, String permanentAddress) {
        return new LegacyAccount(legacyId, username, password, fullName, birthDate, gender, cmnd, cccd, cccdVerified,
                phone, email, accountType, admin, status, taxCode, placeOfBirth, homeTown, permanentAddress);
    }

    /** The {@code gender} column value: {@code "M"}, {@code "F"} or null. */
    public String genderCode() {
        return gender == null ? null : gender == Gender.MALE ? "M" : "F";
    }

    /** Only the ids; the row holds personal data. */
    @Override
    public String toString() {
        return "LegacyAccount[" + legacyId + ", " + username + "]";
    }
}
