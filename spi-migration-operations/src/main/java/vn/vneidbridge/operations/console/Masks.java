package vn.vneidbridge.operations.console;

/**
 * How the operators' pages show an id number or a username to an operator who may not view users: enough to tell
 * two accounts of one entry apart and to match a citizen's call, not enough to read the number. An id number keeps
 * its province code (digits 1–3, as the dashboard shows) and its last two digits; a username its first two and last
 * two characters (the masking of the account notice, {@code ng*******an}); a short one only its first character.
 */
public final class Masks {

    /** Runs of 9 digits or more: a CMND, a CCCD, a phone number, written anywhere in a text. */
    private static final java.util.regex.Pattern DIGIT_RUNS = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{9,}(?![0-9])");

    private Masks() {
    }

    /** A free text (an operator's note) with every run of 9 digits or more masked as an id number. */
    public static String numbersIn(String text) {
        if (text == null) {
            return null;
        }
        return DIGIT_RUNS.matcher(text).replaceAll(run -> idNumber(run.group()));
    }

    public static String idNumber(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String value = number.trim();
        if (value.length() <= 5) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }

    public static String username(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        String value = username.trim();
        if (value.matches("[0-9]{9}|[0-9]{12}")) {
            return idNumber(value);
        }
        if (value.length() <= 4) {
            return value.charAt(0) + "*".repeat(value.length() - 1);
        }
        return value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
    }
}
