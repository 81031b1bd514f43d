package vn.vneidbridge.vneid;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.vneidbridge.core.id.FullNameParts;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.PersonalIdNumber;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * A citizen's identity as VNeID returned it, after every VNeID check passed. {@link #toString()} shows no
 * personal data but the masked id number.
 *
 * @param idNumber    the 12-digit personal id number, verified by the Ministry of Public Security
 * @param fullName    the full name, normalised, family name first ("Tô Thị Nga")
 * @param nameParts   the full name split Vietnamese-style
 * @param birthDate   the date of birth, or null when VNeID gave none (or none that could be read)
 * @param gender      the gender, or null when VNeID gave none
 * @param phoneNumber the phone number, or null
 * @param email       the e-mail address, or null
 * @param level       the account level
 */
public record VneidIdentity(PersonalIdNumber idNumber, String fullName, FullNameParts nameParts,
                            LocalDate birthDate, Gender gender, String phoneNumber, String email,
                            VneidLevel level) {

    /** The user attribute holding the account level of the last VNeID login. */
    public static final String LEVEL_ATTRIBUTE = "vneid_level";

    public VneidIdentity {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(nameParts, "nameParts");
        Objects.requireNonNull(level, "level");
    }

    /** Keycloak's last name: the family name (họ). Empty for a one-word name. */
    public String lastName() {
        return nameParts.familyName();
    }

    /** Keycloak's first name: middle and given name (chữ đệm và tên), "Thị Nga". */
    public String firstName() {
        String middle = nameParts.middleName();
        return middle.isEmpty() ? nameParts.givenName() : middle + " " + nameParts.givenName();
    }

    /** {@code yyyy-MM-dd}, or null. */
    public String birthDateText() {
        return birthDate == null ? null : birthDate.toString();
    }

    /** {@code male}/{@code female} (the OIDC values), or null. */
    public String genderText() {
        return gender == null ? null : gender.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The user attributes this identity gives, by name ({@link UserAttributes}): {@code cccd},
     * {@code full_name}, {@code birthdate}, {@code gender}, {@code phone_number}, {@code vneid_level}; those
     * VNeID did not return are left out. The verification flags are not here: only the identity mapper sets
     * them, after checking the user's existing number.
     */
    public Map<String, String> userAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(UserAttributes.CCCD, idNumber.value());
        attributes.put(UserAttributes.FULL_NAME, fullName);
        putIfPresent(attributes, UserAttributes.BIRTHDATE, birthDateText());
        putIfPresent(attributes, UserAttributes.GENDER, genderText());
        putIfPresent(attributes, UserAttributes.PHONE_NUMBER, phoneNumber);
        attributes.put(LEVEL_ATTRIBUTE, level.value());
        return attributes;
    }

    private static void putIfPresent(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "VneidIdentity[" + idNumber.mask() + ", level " + level + "]";
    }
}
