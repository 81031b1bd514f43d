package vn.vneidbridge.core.id;

import java.util.ArrayList;
import java.util.List;

/**
 * The old 9-digit identity card number (chứng minh nhân dân, CMND), numbered per issuing provincial police.
 *
 * <p>Only its form can be checked: it cannot be derived from the {@link PersonalIdNumber}, nor the other way
 * round. (The 12-digit CMND is a personal identification number: parse it as one.)
 * {@link #toString()} is {@linkplain #mask() masked}.
 */
public final class CmndNumber {

    /** Number of digits. */
    public static final int LENGTH = 9;

    private final String value;

    private CmndNumber(String value) {
        this.value = value;
    }

    /**
     * Parses a number typed or received as text: surrounding whitespace is removed, what remains must be
     * exactly 9 ASCII digits. Never throws for any {@code text} (null included).
     *
     * @param text the number, may be null
     * @return a valid number, or the problems {@code cmnd-missing}, or {@code cmnd-not-digits} and/or
     *     {@code cmnd-length}
     */
    public static IdParseResult<CmndNumber> parse(String text) {
        List<IdNumberProblem> problems = new ArrayList<>(2);
        String digits = text == null ? "" : IdText.strip(text);
        if (digits.isEmpty()) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CMND_MISSING));
            return IdParseResult.invalid(problems);
        }
        if (!IdText.isAsciiDigits(digits)) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CMND_NOT_DIGITS));
        }
        int length = IdText.visibleLength(digits);
        if (length != LENGTH) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CMND_LENGTH, Integer.toString(length)));
        }
        return problems.isEmpty()
                ? IdParseResult.valid(new CmndNumber(digits), problems)
                : IdParseResult.invalid(problems);
    }

    /** The 9 digits, unmasked. Personal data: keep out of logs, use {@link #mask()} there. */
    public String value() {
        return value;
    }

    /**
     * The number with digits 3–7 hidden, e.g. {@code 16*****56}; safe for logs. Only two digits are kept at
     * each end (not three as for the 12-digit number) so that most of a 9-digit number stays hidden.
     */
    public String mask() {
        return IdText.mask(value, 2, 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CmndNumber && value.equals(((CmndNumber) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@linkplain #mask() masked} number. */
    @Override
    public String toString() {
        return mask();
    }
}
