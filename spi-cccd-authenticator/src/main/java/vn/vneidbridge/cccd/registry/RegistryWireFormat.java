package vn.vneidbridge.cccd.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.VietnameseNames;

/** The value formats both protocols share (docs/population-registry-protocols.md, "Common rules"). */
final class RegistryWireFormat {

    /** Result code: processed, a record or a match flag follows. */
    static final String PROCESSED = "00";
    /** Result code: no citizen has this personal id number. */
    static final String NOT_FOUND = "01";
    /** Result code: the service failed. */
    static final String SERVICE_ERROR = "99";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private RegistryWireFormat() {
    }

    static String idNumber(RegistryQuery query) {
        return query.idNumber().strip();
    }

    /** Upper case with diacritics, NFC, single spaces: {@code TÔ THỊ NGA}. */
    static String fullName(RegistryQuery query) {
        return VietnameseNames.upperCaseForRegistry(query.fullName());
    }

    static String birthDate(RegistryQuery query) {
        return DATE.format(query.birthDate());
    }

    /** The CMND to send; a blank one is not sent. */
    static Optional<String> cmnd(RegistryQuery query) {
        return query.cmnd().map(String::strip).filter(cmnd -> !cmnd.isEmpty());
    }

    static Optional<String> gender(RegistryQuery query) {
        return query.gender().map(gender -> gender == Gender.MALE ? "1" : "2");
    }

    /** The fields a query asks the registry to confirm. */
    static Set<RegistryField> sentFields(RegistryQuery query) {
        Set<RegistryField> fields = EnumSet.of(RegistryField.ID_NUMBER, RegistryField.FULL_NAME,
                RegistryField.BIRTH_DATE);
        cmnd(query).ifPresent(cmnd -> fields.add(RegistryField.CMND));
        query.gender().ifPresent(gender -> fields.add(RegistryField.GENDER));
        return fields;
    }

    static LocalDate parseDate(String text) throws RegistryFailure {
        try {
            return LocalDate.parse(text.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw RegistryFailure.malformed();
        }
    }

    /** {@code 1} male, {@code 2} female; anything else is "not given". */
    static Optional<Gender> parseGender(String text) {
        return Gender.parse(text);
    }

    static boolean parseFlag(String text) throws RegistryFailure {
        String flag = text.strip();
        if ("true".equalsIgnoreCase(flag)) {
            return true;
        }
        if ("false".equalsIgnoreCase(flag)) {
            return false;
        }
        throw RegistryFailure.malformed();
    }
}
