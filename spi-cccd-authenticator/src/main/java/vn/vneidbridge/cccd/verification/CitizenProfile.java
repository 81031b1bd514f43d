package vn.vneidbridge.cccd.verification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.user.UserAttributes;

/** What an account says about its holder, as the population database is asked about it. */
record CitizenProfile(Optional<String> fullName, Optional<LocalDate> birthDate, Optional<Gender> gender,
                      Optional<String> cmnd) {

    static CitizenProfile of(UserModel user) {
        // full_name only: first and last name are editable by the citizen, full_name is not
        String fullName = user.getFirstAttribute(UserAttributes.FULL_NAME);
        return new CitizenProfile(Optional.ofNullable(fullName).filter(name -> !name.isBlank()), birthDate(user),
                Gender.parse(user.getFirstAttribute(UserAttributes.GENDER)),
                Optional.ofNullable(user.getFirstAttribute(UserAttributes.CMND)).filter(v -> !v.isBlank()));
    }

    private static Optional<LocalDate> birthDate(UserModel user) {
        String value = user.getFirstAttribute(UserAttributes.BIRTHDATE);
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "CitizenProfile[…]";
    }
}
