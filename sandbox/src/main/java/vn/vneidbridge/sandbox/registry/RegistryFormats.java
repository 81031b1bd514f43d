package vn.vneidbridge.sandbox.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import vn.vneidbridge.core.id.Gender;

/** The value formats both protocols share: {@code yyyyMMdd} dates, gender codes 1 / 2, masked id numbers. */
final class RegistryFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private RegistryFormats() {
    }

    /** {@code yyyyMMdd}, e.g. {@code 19890315}. */
    static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    /** Parses exactly 8 digits as a real calendar date. */
    static LocalDate parseDate(String text, String field) throws MalformedRequestException {
        if (!isDigits(text, 8)) {
            throw new MalformedRequestException(field + " must be yyyyMMdd");
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeException e) {
            throw new MalformedRequestException(field + " is not a date");
        }
    }

    /** Parses exactly 4 digits as a year. */
    static int parseYear(String text, String field) throws MalformedRequestException {
        if (!isDigits(text, 4)) {
            throw new MalformedRequestException(field + " must be yyyy");
        }
        return Integer.parseInt(text);
    }

    /** {@code 1} male (Nam), {@code 2} female (Nữ). */
    static String genderCode(Gender gender) {
        return gender == Gender.MALE ? "1" : "2";
    }

    /** Reads {@code 1} or {@code 2}; anything else is malformed. */
    static Gender parseGender(String code, String field) throws MalformedRequestException {
        switch (code) {
            case "1":
                return Gender.MALE;
            case "2":
                return Gender.FEMALE;
            default:
                throw new MalformedRequestException(field + " must be 1 or 2");
        }
    }

    /** The stripped text, or null when it is null or blank. */
    static String sent(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static boolean isDigits(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An id number for logs: {@code 052******123}; anything that is not 12 digits becomes {@code ***}. */
    static String mask(String idNumber) {
        if (!isDigits(idNumber, 12)) {
            return "***";
        }
        return idNumber.substring(0, 3) + "******" + idNumber.substring(9);
    }
}
