package vn.vneidbridge.sandbox.registry;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.vneidbridge.core.id.Gender;

/**
 * A citizen as the population database holds them: what the verification services answer with.
 *
 * @param idNumber  the 12-digit personal identification number (số định danh cá nhân), the key
 * @param cmnd      the old 9-digit identity card number, when the citizen had one
 * @param fullName  full name, family name first, as written (the services send it upper case)
 * @param birthDate date of birth
 * @param gender    gender
 */
public record Citizen(String idNumber, Optional<String> cmnd, String fullName, LocalDate birthDate, Gender gender) {

    public Citizen {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(cmnd, "cmnd");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        if (!RegistryFormats.isDigits(idNumber, 12)) {
            throw new IllegalArgumentException("idNumber must be 12 ASCII digits");
        }
        if (fullName.isBlank()) {
            throw new IllegalArgumentException("fullName is blank");
        }
    }

    /** A citizen with a CMND, or none when {@code cmnd} is null. */
    public static Citizen of(String idNumber, String cmnd, String fullName, LocalDate birthDate, Gender gender) {
        return new Citizen(idNumber, Optional.ofNullable(cmnd), fullName, birthDate, gender);
    }

    /** Only the masked id number ({@code 052******123}); the record holds personal data. */
    @Override
    public String toString() {
        return "Citizen[" + RegistryFormats.mask(idNumber) + "]";
    }
}
