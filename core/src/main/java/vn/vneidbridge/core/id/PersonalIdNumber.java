package vn.vneidbridge.core.id;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD / thẻ căn cước).
 *
 * <p>Digits 1–3: province code ({@link Province}); digit 4: century of birth and gender (1900s male 0 /
 * female 1, 2000s 2 / 3, 2100s 4 / 5, 2200s 6 / 7, 2300s 8 / 9); digits 5–6: last two digits of the year of
 * birth; digits 7–12: random. An instance always holds exactly 12 ASCII digits with a known century and
 * gender. {@link #toString()} is {@linkplain #mask() masked}.
 */
public final class PersonalIdNumber {

    /** Number of digits. */
    public static final int LENGTH = 12;

    private final String value;

    private PersonalIdNumber(String value) {
        this.value = value;
    }

    /** {@link #parse(String, PersonalIdRules)} with {@link PersonalIdRules#strict()}. */
    public static IdParseResult<PersonalIdNumber> parse(String text) {
        return parse(text, PersonalIdRules.strict());
    }

    /**
     * Parses a number typed or received as text. Only surrounding whitespace (see
     * {@link Character#isWhitespace}, {@link Character#isSpaceChar}) is removed; what remains must be exactly
     * 12 ASCII digits. Never throws for any {@code text} (null included); runs in time linear in its length.
     *
     * @param text  the number, may be null
     * @param rules how to judge an unknown province code, and the clock for the current year
     * @return a valid number, possibly with a {@code cccd-province-unknown} warning, or the problems:
     *     {@code cccd-missing}; {@code cccd-not-digits} and/or {@code cccd-length}; or, for 12 digits,
     *     {@code cccd-province-unknown} and/or {@code cccd-birth-year-in-future}
     */
    public static IdParseResult<PersonalIdNumber> parse(String text, PersonalIdRules rules) {
        List<IdNumberProblem> problems = new ArrayList<>(2);
        String digits = text == null ? "" : IdText.strip(text);
        if (digits.isEmpty()) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CCCD_MISSING));
            return IdParseResult.invalid(problems);
        }
        if (!IdText.isAsciiDigits(digits)) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CCCD_NOT_DIGITS));
        }
        int length = IdText.visibleLength(digits);
        if (length != LENGTH) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CCCD_LENGTH, Integer.toString(length)));
        }
        if (!problems.isEmpty()) {
            return IdParseResult.invalid(problems);
        }
        PersonalIdNumber number = new PersonalIdNumber(digits);
        if (number.province().isEmpty()) {
            problems.add(IdNumberProblem.of(IdNumberProblem.Type.CCCD_PROVINCE_UNKNOWN,
                    rules.unknownProvinceSeverity(), number.provinceCode()));
        }
        if (number.birthYear() > rules.currentYear().getValue()) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CCCD_BIRTH_YEAR_IN_FUTURE,
                    Integer.toString(number.birthYear())));
        }
        boolean anyError = problems.stream().anyMatch(IdNumberProblem::isError);
        return anyError ? IdParseResult.invalid(problems) : IdParseResult.valid(number, problems);
    }

    /** The 12 digits, unmasked. Personal data: keep out of logs, use {@link #mask()} there. */
    public String value() {
        return value;
    }

    /** Digits 1–3, e.g. {@code "052"}. */
    public String provinceCode() {
        return value.substring(0, 3);
    }

    /** The province of digits 1–3; empty for a code outside the table (accepted by lenient rules). */
    public Optional<Province> province() {
        return Province.byCode(provinceCode());
    }

    /** Digit 4, 0–9: century of birth and gender. */
    public int centuryGenderDigit() {
        return value.charAt(3) - '0';
    }

    /** The gender of digit 4: even = male, odd = female. */
    public Gender gender() {
        return centuryGenderDigit() % 2 == 0 ? Gender.MALE : Gender.FEMALE;
    }

    /** The first two digits of the year of birth, from digit 4: 19 for 1900–1999, … 23 for 2300–2399. */
    public int century() {
        return 19 + centuryGenderDigit() / 2;
    }

    /** The full year of birth from digits 4–6, e.g. 1989 for {@code 052189000123}. */
    public int birthYear() {
        return century() * 100 + (value.charAt(4) - '0') * 10 + (value.charAt(5) - '0');
    }

    /**
     * Checks the number against what the citizen declared. A null argument skips the checks that need it.
     *
     * @param declaredGender the declared gender, or null
     * @param declaredBirth  the declared date of birth, or null
     * @return {@code cccd-century-gender-mismatch} when digit 4 does not encode the declared gender and
     *     century, {@code cccd-birth-year-mismatch} when digits 5–6 differ from the declared year; else empty
     */
    public List<IdNumberProblem> checkAgainst(Gender declaredGender, LocalDate declaredBirth) {
        return checkAgainst(declaredGender, declaredBirth == null ? null : Year.from(declaredBirth));
    }

    /** As {@link #checkAgainst(Gender, LocalDate)}, with only the declared year of birth. */
    public List<IdNumberProblem> checkAgainst(Gender declaredGender, Year declaredBirthYear) {
        boolean genderOk = declaredGender == null || declaredGender == gender();
        boolean centuryOk = declaredBirthYear == null
                || Math.floorDiv(declaredBirthYear.getValue(), 100) == century();
        boolean yearDigitsOk = declaredBirthYear == null
                || Math.floorMod(declaredBirthYear.getValue(), 100) == birthYear() % 100;
        List<IdNumberProblem> problems = new ArrayList<>(2);
        if (!genderOk || !centuryOk) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CCCD_CENTURY_GENDER_MISMATCH));
        }
        if (!yearDigitsOk) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.CCCD_BIRTH_YEAR_MISMATCH));
        }
        return List.copyOf(problems);
    }

    /** The number with digits 4–9 hidden, e.g. {@code 052******123}; safe for logs. */
    public String mask() {
        return IdText.mask(value, 3, 3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalIdNumber && value.equals(((PersonalIdNumber) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@linkplain #mask() masked} number, so that logging an instance never leaks it. */
    @Override
    public String toString() {
        return mask();
    }
}
