package vn.vneidbridge.sandbox.legacy;

import java.time.LocalDate;
import java.util.Objects;
import vn.vneidbridge.core.id.Gender;

/**
 * A made-up citizen behind one synthetic legacy account, as a population-registry simulator would serve them.
 *
 * @param index     the row number, from 1
 * @param legacyId  the account's {@code legacy_id}, {@code SYN-} and 7 digits
 * @param fullName  Vietnamese full name, family name first, NFC
 * @param birthDate date of birth, 1940–2008
 * @param gender    gender, consistent with digit 4 of {@code cccd}
 * @param cccd      12-digit personal identification number, unique among the rows and the personas
 * @param cmnd      9-digit old identity card number, or null (about half the people have one); unique
 * @param phone     mobile number, {@code 09} and 8 digits
 */
public record SyntheticPerson(int index, String legacyId, String fullName, LocalDate birthDate, Gender gender,
        String cccd, String cmnd, String phone) {

    public SyntheticPerson {
        Objects.requireNonNull(legacyId, "legacyId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(cccd, "cccd");
    }

    /** Only the legacy id; the record holds personal data. */
    @Override
    public String toString() {
        return "SyntheticPerson[" + legacyId + "]";
    }
}
