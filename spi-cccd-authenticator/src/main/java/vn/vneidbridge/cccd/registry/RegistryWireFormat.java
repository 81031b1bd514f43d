package vn.vneidbridge.cccd.registry;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.VietnameseNames;

/** The value formats both protocols share (docs/population-registry-protocols.md, "Common rules"). */
final class RegistryWireFormat {

    /** A province, district or ward code: ASCII digits ({@code 52}, {@code 540}, {@code 21583}). */
    private static final Pattern PLACE_CODE = Pattern.compile("\\d{1,10}");
    /** Format characters (bidi overrides, zero-width joiners): dropped from a place's words. */
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}+");
    /** Control characters and any kind of space: one plain space in a place's words. */
    private static final Pattern SPACES_AND_CONTROLS = Pattern.compile("[\\p{Cc}\\p{Z}]+");

    /** Whether a place's code is one (1 to 10 ASCII digits). */
    static boolean isPlaceCode(String code) {
        return PLACE_CODE.matcher(code).matches();
    }

    /** A place's words: NFC, without control or format characters, spaces collapsed; empty when nothing is left. */
    static Optional<String> placeWords(String raw) {
        String text = Normalizer.normalize(FORMAT_CHARACTERS.matcher(raw).replaceAll(""), Normalizer.Form.NFC);
        text = SPACES_AND_CONTROLS.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

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
