package vn.vneidbridge.core.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Vietnamese tax code (mã số thuế), which for an enterprise is also its enterprise code (mã số doanh nghiệp):
 * 10 digits, or 13 for a branch or other dependent unit — its parent's 10 digits and a 3-digit suffix 001–999,
 * written {@code 0123456789-001}.
 *
 * <p>Digit 10 is a {@linkplain #checkDigit(String) check digit} over digits 1–9 (Thông tư 105/2020/TT-BTC,
 * Phụ lục 1). Digits 1–2 are the tax office's region code, not a {@link Province} code, and are not checked.
 * An instance always holds a code whose check digit holds; its {@linkplain #value() canonical form} is
 * {@code 0123456789} or {@code 0123456789-001}. Before 07/2025 individuals were given 10-digit tax codes too,
 * so a code may be personal data: {@link #toString()} is {@linkplain #mask() masked}.
 */
public final class TaxCode {

    /** Number of digits of an enterprise's (or other independent taxpayer's) code. */
    public static final int LENGTH = 10;
    /** Number of digits of a branch's code, the hyphen not counted. */
    public static final int BRANCH_LENGTH = 13;

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    private static final char HYPHEN = '-';
    private static final String NO_BRANCH = "000";

    private final String parent;
    private final String branch;

    private TaxCode(String parent, String branch) {
        this.parent = parent;
        this.branch = branch;
    }

    /**
     * Parses a code typed or received as text. Only surrounding whitespace (see {@link Character#isWhitespace},
     * {@link Character#isSpaceChar}) is removed; what remains must be 10 ASCII digits, 13 ASCII digits, or 10 ASCII
     * digits, a hyphen and 3 ASCII digits. Inner spaces, dots and non-ASCII digits are refused. Never throws for
     * any {@code text} (null included); runs in time linear in its length.
     *
     * @param text the code, may be null
     * @return a valid code, or the problems: {@code tax-code-missing}; {@code tax-code-format} (any character
     *     other than an ASCII digit, or a hyphen anywhere but after the 10th of more than 10 digits); else
     *     {@code tax-code-length} with the number of digits; else {@code tax-code-check-digit} and/or
     *     {@code tax-code-branch-zero}
     */
    public static IdParseResult<TaxCode> parse(String text) {
        List<IdNumberProblem> problems = new ArrayList<>(2);
        String trimmed = text == null ? "" : IdText.strip(text);
        if (trimmed.isEmpty()) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_MISSING));
            return IdParseResult.invalid(problems);
        }
        if (!isWellFormed(trimmed)) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_FORMAT));
            return IdParseResult.invalid(problems);
        }
        String digits = trimmed.indexOf(HYPHEN) < 0 ? trimmed : trimmed.replace(String.valueOf(HYPHEN), "");
        if (digits.length() != LENGTH && digits.length() != BRANCH_LENGTH) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_LENGTH,
                    Integer.toString(digits.length())));
            return IdParseResult.invalid(problems);
        }
        String parent = digits.substring(0, LENGTH);
        String branch = digits.length() == BRANCH_LENGTH ? digits.substring(LENGTH) : null;
        if (!checkDigitHolds(parent)) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_CHECK_DIGIT));
        }
        if (NO_BRANCH.equals(branch)) {
            problems.add(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_BRANCH_ZERO));
        }
        return problems.isEmpty()
                ? IdParseResult.valid(new TaxCode(parent, branch), problems)
                : IdParseResult.invalid(problems);
    }

    /**
     * The check digit (digit 10) of a code whose digits 1–9 are {@code nineDigits}, as Thông tư 105/2020/TT-BTC,
     * Phụ lục 1 gives it (and python-stdnum's {@code stdnum/vn/mst.py} computes it): r is the sum of the digits
     * times the weights 31, 29, 23, 19, 17, 13, 7, 5, 3, modulo 11; the check digit is 10 − r, where r = 10 gives
     * 0 and r = 0 gives none — no code is issued with those nine digits.
     *
     * @param nineDigits exactly 9 ASCII digits
     * @return the check digit 0–9, or empty when the weighted sum is divisible by 11
     * @throws IllegalArgumentException when {@code nineDigits} is not 9 ASCII digits
     */
    public static OptionalInt checkDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != WEIGHTS.length || !IdText.isAsciiDigits(nineDigits)) {
            throw new IllegalArgumentException("a check digit is computed over exactly 9 ASCII digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 0 ? OptionalInt.empty() : OptionalInt.of((10 - remainder) % 10);
    }

    /** The canonical form: {@code 0123456789}, or {@code 0123456789-001} for a branch. */
    public String value() {
        return branch == null ? parent : parent + HYPHEN + branch;
    }

    /** The 10 digits of the enterprise (for a branch, of its parent). */
    public String parent() {
        return parent;
    }

    /** The 3-digit suffix 001–999 of a branch; empty for an enterprise's own code. */
    public Optional<String> branch() {
        return Optional.ofNullable(branch);
    }

    /** Whether this is a branch's (dependent unit's) 13-digit code. */
    public boolean isBranch() {
        return branch != null;
    }

    /**
     * The code with digits 4–9 hidden, e.g. {@code 031******3} or {@code 031******8-002}; safe for logs. Digit
     * 10 follows from the hidden ones and the suffix only numbers the branches, so neither tells them.
     */
    public String mask() {
        String masked = IdText.mask(parent, 3, 1);
        return branch == null ? masked : masked + HYPHEN + branch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaxCode && value().equals(((TaxCode) o).value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    /** The {@linkplain #mask() masked} code, so that logging an instance never leaks it. */
    @Override
    public String toString() {
        return mask();
    }

    /**
     * Only ASCII digits, and at most one hyphen, which must follow the 10th digit and be followed by at least one
     * more digit (how many is the length check's business).
     */
    private static boolean isWellFormed(String s) {
        int hyphen = s.indexOf(HYPHEN);
        if (hyphen >= 0 && (hyphen != LENGTH || s.lastIndexOf(HYPHEN) != hyphen || s.length() == LENGTH + 1)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && i != hyphen) {
                return false;
            }
        }
        return true;
    }

    private static boolean checkDigitHolds(String tenDigits) {
        OptionalInt expected = checkDigit(tenDigits.substring(0, LENGTH - 1));
        return expected.isPresent() && expected.getAsInt() == tenDigits.charAt(LENGTH - 1) - '0';
    }
}
