package vn.vneidbridge.sandbox.registry;

import java.time.LocalDate;
import java.util.Objects;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.VietnameseNames;

/**
 * One "verify this citizen's data" request, whichever protocol carried it. Null means "not sent"; only the
 * fields sent are compared.
 *
 * @param requestId the caller's request id ({@code MaYeuCau}), echoed back, or null
 * @param idNumber  the personal id number looked up ({@code SoDinhDanh}), never null
 * @param cmnd      the old identity card number, or null
 * @param fullName  the full name, or null
 * @param birthDate the date of birth, or null
 * @param birthYear the year of birth when only the year was sent ({@code Nam}), or null
 * @param gender    the gender, or null
 */
record VerificationRequest(String requestId, String idNumber, String cmnd, String fullName, LocalDate birthDate,
        Integer birthYear, Gender gender) {

    VerificationRequest {
        Objects.requireNonNull(idNumber, "idNumber");
    }

    /**
     * Whether every field sent matches the citizen: the name by {@link VietnameseNames#sameName} (case, spacing and
     * Unicode form do not matter, diacritics do), the others exactly. A CMND sent for a citizen without one does
     * not match.
     */
    boolean matches(Citizen citizen) {
        return (fullName == null || VietnameseNames.sameName(fullName, citizen.fullName()))
                && (birthDate == null || birthDate.equals(citizen.birthDate()))
                && (birthYear == null || birthYear == citizen.birthDate().getYear())
                && (cmnd == null || citizen.cmnd().filter(cmnd::equals).isPresent())
                && (gender == null || gender == citizen.gender());
    }

    /** Only the masked id number. */
    @Override
    public String toString() {
        return "VerificationRequest[" + RegistryFormats.mask(idNumber) + "]";
    }
}
