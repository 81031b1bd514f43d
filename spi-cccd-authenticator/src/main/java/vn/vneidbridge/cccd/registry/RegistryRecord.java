package vn.vneidbridge.cccd.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import vn.vneidbridge.core.id.Gender;

/**
 * A citizen's record as the population database returned it (only the fields VNeID Bridge reads).
 * Personal data: {@link #toString()} masks the numbers and hides the name and date of birth.
 *
 * @param idNumber  the personal identification number (SoDinhDanh)
 * @param cmnd      the old CMND number (SoCMND), when the registry has one
 * @param fullName  the full name (HoVaTen), family, middle and given names joined by single spaces
 * @param birthDate the date of birth (NgayThangNamSinh)
 * @param gender    the gender (GioiTinh), when given
 * @param places    the places of birth registration, home town and permanent residence, those given
 */
public record RegistryRecord(String idNumber, Optional<String> cmnd, String fullName, LocalDate birthDate,
                             Optional<Gender> gender, RegistryPlaces places) {

    public RegistryRecord {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(cmnd, "cmnd");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(places, "places");
    }

    /** A record without places. */
    public RegistryRecord(String idNumber, Optional<String> cmnd, String fullName, LocalDate birthDate,
                          Optional<Gender> gender) {
        this(idNumber, cmnd, fullName, birthDate, gender, RegistryPlaces.NONE);
    }

    @Override
    public String toString() {
        return "RegistryRecord[idNumber=" + LogMask.idNumber(idNumber)
                + ", cmnd=" + cmnd.map(LogMask::cmnd).orElse("-")
                + ", fullName=***, birthDate=***"
                + ", gender=" + gender.map(Enum::name).orElse("-") + ", places=***]";
    }
}
