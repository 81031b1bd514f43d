package vn.vneidbridge.cccd.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.NameComparison;

/**
 * What a citizen declared, to be checked against the population database. Personal data:
 * {@link #toString()} masks the numbers and hides the name and date of birth.
 *
 * @param idNumber  the 12-digit personal identification number (số định danh cá nhân)
 * @param fullName  the full name as declared; sent upper case, compared ignoring case and spacing
 * @param birthDate the declared date of birth
 * @param cmnd      the old 9-digit CMND number, checked only when present
 * @param gender    the declared gender, checked only when present
 * @param nameComparison how the declared name is compared with the registered one (a registry that answers with a
 *                       bare match flag compares on its side, exactly)
 */
public record RegistryQuery(String idNumber, String fullName, LocalDate birthDate, Optional<String> cmnd,
                            Optional<Gender> gender, NameComparison nameComparison) {

    public RegistryQuery {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(cmnd, "cmnd");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(nameComparison, "nameComparison");
    }

    /** A query whose name is compared exactly ({@link NameComparison#EXACT}). */
    public RegistryQuery(String idNumber, String fullName, LocalDate birthDate, Optional<String> cmnd,
                         Optional<Gender> gender) {
        this(idNumber, fullName, birthDate, cmnd, gender, NameComparison.EXACT);
    }

    @Override
    public String toString() {
        return "RegistryQuery[idNumber=" + LogMask.idNumber(idNumber)
                + ", fullName=***, birthDate=***"
                + ", cmnd=" + cmnd.map(LogMask::cmnd).orElse("-")
                + ", gender=" + gender.map(Enum::name).orElse("-") + ", names " + nameComparison.value() + ']';
    }
}
