package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class IdNumberFuzzTest {

    private static final long SEED = 20260107L;
    private static final int RUNS = 100_000;
    private static final PersonalIdRules RULES = PersonalIdRules.strict()
            .withClock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), PersonalIdRules.VIETNAM));
    private static final Set<IdNumberProblem.Type> FORM_PROBLEMS = EnumSet.of(IdNumberProblem.Type.CCCD_MISSING,
            IdNumberProblem.Type.CCCD_NOT_DIGITS, IdNumberProblem.Type.CCCD_LENGTH,
            IdNumberProblem.Type.CMND_MISSING, IdNumberProblem.Type.CMND_NOT_DIGITS, IdNumberProblem.Type.CMND_LENGTH);
    private static final Set<IdNumberProblem.Type> TAX_CODE_FORM_PROBLEMS = EnumSet.of(
            IdNumberProblem.Type.TAX_CODE_MISSING, IdNumberProblem.Type.TAX_CODE_FORMAT,
            IdNumberProblem.Type.TAX_CODE_LENGTH);

    @Test
    void thenPersonalIdParsingNeverThrowsAndRefusesAllButTwelveAsciiDigits() {
        Counts counts = fuzz(s -> PersonalIdNumber.parse(s, RULES), 12, number -> number.value());
        assertThat(counts.failures).isEmpty();
        assertThat(counts.valid).as("valid numbers seen").isGreaterThan(1_000);
        assertThat(counts.invalid).as("invalid strings seen").isGreaterThan(50_000);
    }

    @Test
    void thenCmndParsingNeverThrowsAndRefusesAllButNineAsciiDigits() {
        Counts counts = fuzz(CmndNumber::parse, 9, CmndNumber::value);
        assertThat(counts.failures).isEmpty();
        assertThat(counts.valid).as("valid numbers seen").isGreaterThan(1_000);
    }

    @Test
    void thenTaxCodeParsingNeverThrowsAndAcceptsOnlyWellFormedCodesWithTheirCheckDigit() {
        FuzzStrings strings = new FuzzStrings(SEED);
        Counts counts = new Counts();
        for (int i = 0; i < RUNS; i++) {
            String s = strings.nextTaxCode();
            try {
                checkTaxCode(s, TaxCode.parse(s), counts);
            } catch (RuntimeException | Error e) {
                counts.fail(s, "threw " + e);
            }
        }
        assertThat(counts.failures).isEmpty();
        assertThat(counts.valid).as("valid codes seen").isGreaterThan(500);
        assertThat(counts.invalid).as("invalid strings seen").isGreaterThan(50_000);
    }

    @Test
    void thenHostileInputsGiveErrorsQuickly() {
        String millionDigits = "1".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(PersonalIdNumber.parse(millionDigits).problems())
                    .containsExactly(IdNumberProblem.error(IdNumberProblem.Type.CCCD_LENGTH, "1000000"));
            assertThat(PersonalIdNumber.parse(millionDigits + "x").errors()).hasSize(2);
            assertThat(PersonalIdNumber.parse(" ".repeat(1_000_000)).problems())
                    .containsExactly(IdNumberProblem.error(IdNumberProblem.Type.CCCD_MISSING));
            assertThat(PersonalIdNumber.parse("\uD83D\uDE00".repeat(500_000)).problems()).containsExactly(
                    IdNumberProblem.error(IdNumberProblem.Type.CCCD_NOT_DIGITS),
                    IdNumberProblem.error(IdNumberProblem.Type.CCCD_LENGTH, "500000"));
            assertThat(PersonalIdNumber.parse(null).problems())
                    .containsExactly(IdNumberProblem.error(IdNumberProblem.Type.CCCD_MISSING));
            assertThat(CmndNumber.parse(millionDigits).isValid()).isFalse();
            assertThat(CmndNumber.parse(null).isValid()).isFalse();
            assertThat(TaxCode.parse(millionDigits).problems())
                    .containsExactly(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_LENGTH, "1000000"));
            assertThat(TaxCode.parse("0312345673-" + millionDigits).problems())
                    .containsExactly(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_LENGTH, "1000010"));
            assertThat(TaxCode.parse(millionDigits + "x").problems())
                    .containsExactly(IdNumberProblem.error(IdNumberProblem.Type.TAX_CODE_FORMAT));
            assertThat(TaxCode.parse(null).isValid()).isFalse();
        });
    }

    private static <T> Counts fuzz(Function<String, IdParseResult<T>> parse, int digits,
            Function<T, String> value) {
        FuzzStrings strings = new FuzzStrings(SEED);
        Counts counts = new Counts();
        for (int i = 0; i < RUNS; i++) {
            String s = strings.next();
            try {
                check(s, parse.apply(s), FuzzStrings.digitsOrNull(s, digits), value, counts);
            } catch (RuntimeException | Error e) {
                counts.fail(s, "threw " + e);
            }
        }
        return counts;
    }

    private static <T> void check(String s, IdParseResult<T> result, String expectedDigits,
            Function<T, String> value, Counts counts) {
        boolean consistent = result.isValid() == result.errors().isEmpty()
                && result.isValid() == result.number().isPresent();
        if (!consistent) {
            counts.fail(s, "inconsistent " + result);
        } else if (expectedDigits == null) {
            if (result.isValid() || !result.problems().stream().allMatch(p -> p.isError()
                    && FORM_PROBLEMS.contains(p.type()))) {
                counts.fail(s, "not refused: " + result);
            }
        } else if (result.problems().stream().anyMatch(p -> FORM_PROBLEMS.contains(p.type()))) {
            counts.fail(s, "well-formed but refused: " + result);
        } else if (result.isValid() && !value.apply(result.number().get()).equals(expectedDigits)) {
            counts.fail(s, "wrong value " + result);
        }
        if (result.isValid()) {
            counts.valid++;
        } else {
            counts.invalid++;
        }
    }

    private static void checkTaxCode(String s, IdParseResult<TaxCode> result, Counts counts) {
        String expected = FuzzStrings.taxCodeOrNull(s);
        boolean consistent = result.isValid() == result.errors().isEmpty()
                && result.isValid() == result.number().isPresent();
        if (!consistent) {
            counts.fail(s, "inconsistent " + result);
        } else if (expected == null) {
            if (result.isValid() || !result.problems().stream().allMatch(p -> p.isError()
                    && TAX_CODE_FORM_PROBLEMS.contains(p.type()))) {
                counts.fail(s, "not refused: " + result);
            }
        } else if (result.problems().stream().anyMatch(p -> TAX_CODE_FORM_PROBLEMS.contains(p.type()))) {
            counts.fail(s, "well-formed but refused: " + result);
        } else if (result.isValid() != (checkDigitHolds(expected) && !expected.endsWith("-000"))) {
            counts.fail(s, "wrong verdict " + result);
        } else if (result.isValid() && !result.number().get().value().equals(expected)) {
            counts.fail(s, "wrong value " + result);
        }
        if (result.isValid()) {
            counts.valid++;
        } else {
            counts.invalid++;
        }
    }

    /** The test's own check digit rule: 10 - (weighted sum mod 11), 10 written 0, remainder 0 never valid. */
    private static boolean checkDigitHolds(String code) {
        int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (code.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        return remainder != 0 && (10 - remainder) % 10 == code.charAt(9) - '0';
    }

    private static final class Counts {
        final List<String> failures = new ArrayList<>();
        int valid;
        int invalid;

        void fail(String input, String why) {
            if (failures.size() < 20) {
                failures.add(input.codePoints().mapToObj(Integer::toHexString).toList() + ": " + why);
            }
        }
    }
}
