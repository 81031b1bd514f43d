package vn.vneidbridge.core.id;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with an id number, as a stable {@link #code() code} plus {@link #arguments() arguments}.
 *
 * <p>The code is meant as a message key suffix (for example {@code "vneid-" + code()} in a Keycloak
 * message bundle); the texts for each code, with {@code {0}}-style placeholders, are in
 * {@link #MESSAGE_BUNDLE} ({@code id-problems_vi.properties}, {@code id-problems_en.properties}). Codes are
 * never renamed once released.
 *
 * <table>
 *   <caption>Problem codes</caption>
 *   <tr><th>code</th><th>severity</th><th>arguments</th><th>meaning</th></tr>
 *   <tr><td>{@code cccd-missing}</td><td>ERROR</td><td>–</td>
 *       <td>no 12-digit number given (null, empty or only whitespace)</td></tr>
 *   <tr><td>{@code cccd-not-digits}</td><td>ERROR</td><td>–</td>
 *       <td>something other than the ASCII digits 0–9 inside the number (letters, inner spaces, dashes,
 *       full-width or other non-ASCII digits, control characters)</td></tr>
 *   <tr><td>{@code cccd-length}</td><td>ERROR</td><td>{0} the length found</td>
 *       <td>not exactly 12 characters once surrounding whitespace is removed</td></tr>
 *   <tr><td>{@code cccd-province-unknown}</td><td>ERROR, or WARNING under
 *       {@link PersonalIdRules#lenient()}</td><td>{0} the first 3 digits</td>
 *       <td>digits 1–3 are not one of the 63 {@link Province} codes</td></tr>
 *   <tr><td>{@code cccd-birth-year-in-future}</td><td>ERROR</td><td>{0} the year of birth the number
 *       encodes</td><td>digits 4–6 give a year after the current one</td></tr>
 *   <tr><td>{@code cccd-century-gender-mismatch}</td><td>ERROR</td><td>–</td>
 *       <td>digit 4 does not match the declared gender and century of birth</td></tr>
 *   <tr><td>{@code cccd-birth-year-mismatch}</td><td>ERROR</td><td>–</td>
 *       <td>digits 5–6 do not match the last two digits of the declared year of birth</td></tr>
 *   <tr><td>{@code cmnd-missing}</td><td>ERROR</td><td>–</td>
 *       <td>no 9-digit number given (null, empty or only whitespace)</td></tr>
 *   <tr><td>{@code cmnd-not-digits}</td><td>ERROR</td><td>–</td>
 *       <td>something other than the ASCII digits 0–9 inside the number</td></tr>
 *   <tr><td>{@code cmnd-length}</td><td>ERROR</td><td>{0} the length found</td>
 *       <td>not exactly 9 characters once surrounding whitespace is removed</td></tr>
 *   <tr><td>{@code tax-code-missing}</td><td>ERROR</td><td>–</td>
 *       <td>no tax code given (null, empty or only whitespace)</td></tr>
 *   <tr><td>{@code tax-code-format}</td><td>ERROR</td><td>–</td>
 *       <td>something other than the ASCII digits 0–9 inside the code (letters, inner spaces, dots, full-width
 *       digits), or a hyphen anywhere but between the 10 digits and a branch's suffix</td></tr>
 *   <tr><td>{@code tax-code-length}</td><td>ERROR</td><td>{0} the number of digits found</td>
 *       <td>neither 10 nor 13 digits (a hyphen before the branch suffix not counted)</td></tr>
 *   <tr><td>{@code tax-code-check-digit}</td><td>ERROR</td><td>–</td>
 *       <td>digit 10 is not the {@linkplain TaxCode#checkDigit(String) check digit} of digits 1–9, or they
 *       have none</td></tr>
 *   <tr><td>{@code tax-code-branch-zero}</td><td>ERROR</td><td>–</td>
 *       <td>the 3-digit branch suffix is {@code 000}</td></tr>
 * </table>
 *
 * <p>Lengths count Unicode code points. Arguments never carry more of the number than its first 3 digits.
 */
public final class IdNumberProblem {

    /** Base name of the message bundle holding one text per {@link Type#code() code}. */
    public static final String MESSAGE_BUNDLE = "vn.vneidbridge.core.id.id-problems";

    /** How bad a problem is: an ERROR makes a number invalid, a WARNING does not. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** Every kind of problem, with its stable code and the number of arguments it carries. */
    public enum Type {
        CCCD_MISSING("cccd-missing", 0),
        CCCD_NOT_DIGITS("cccd-not-digits", 0),
        CCCD_LENGTH("cccd-length", 1),
        CCCD_PROVINCE_UNKNOWN("cccd-province-unknown", 1),
        CCCD_BIRTH_YEAR_IN_FUTURE("cccd-birth-year-in-future", 1),
        CCCD_CENTURY_GENDER_MISMATCH("cccd-century-gender-mismatch", 0),
        CCCD_BIRTH_YEAR_MISMATCH("cccd-birth-year-mismatch", 0),
        CMND_MISSING("cmnd-missing", 0),
        CMND_NOT_DIGITS("cmnd-not-digits", 0),
        CMND_LENGTH("cmnd-length", 1),
        TAX_CODE_MISSING("tax-code-missing", 0),
        TAX_CODE_FORMAT("tax-code-format", 0),
        TAX_CODE_LENGTH("tax-code-length", 1),
        TAX_CODE_CHECK_DIGIT("tax-code-check-digit", 0),
        TAX_CODE_BRANCH_ZERO("tax-code-branch-zero", 0);

        private final String code;
        private final int argumentCount;

        Type(String code, int argumentCount) {
            this.code = code;
            this.argumentCount = argumentCount;
        }

        /** The stable kebab-case code, e.g. {@code cccd-length}. */
        public String code() {
            return code;
        }

        /** How many {@code {n}} arguments a problem of this type carries. */
        public int argumentCount() {
            return argumentCount;
        }
    }

    private final Type type;
    private final Severity severity;
    private final List<String> arguments;

    private IdNumberProblem(Type type, Severity severity, List<String> arguments) {
        this.type = type;
        this.severity = severity;
        this.arguments = arguments;
    }

    static IdNumberProblem error(Type type, String... arguments) {
        return of(type, Severity.ERROR, arguments);
    }

    static IdNumberProblem of(Type type, Severity severity, String... arguments) {
        if (arguments.length != type.argumentCount()) {
            throw new IllegalArgumentException(type.code() + " takes " + type.argumentCount() + " arguments");
        }
        return new IdNumberProblem(type, severity, List.of(arguments));
    }

    public Type type() {
        return type;
    }

    /** The stable message key suffix, e.g. {@code cccd-province-unknown}. */
    public String code() {
        return type.code();
    }

    /** The message arguments, in {@code {0}}, {@code {1}} order; immutable. */
    public List<String> arguments() {
        return arguments;
    }

    public Severity severity() {
        return severity;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IdNumberProblem)) {
            return false;
        }
        IdNumberProblem other = (IdNumberProblem) o;
        return type == other.type && severity == other.severity && arguments.equals(other.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, severity, arguments);
    }

    @Override
    public String toString() {
        return severity + " " + code() + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
