package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.TAX_CODE_BRANCH_ZERO;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.TAX_CODE_CHECK_DIGIT;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.TAX_CODE_FORMAT;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.TAX_CODE_LENGTH;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.TAX_CODE_MISSING;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxCodeTest {

    private static TaxCode valid(String text) {
        IdParseResult<TaxCode> result = TaxCode.parse(text);
        assertThat(result.problems()).as("problems of a valid code").isEmpty();
        return result.number().orElseThrow();
    }

    @Nested
    class GivenThePublicExamples {

        @ParameterizedTest
        @ValueSource(strings = {"0312345673", "0100233488", "0100112437", "0100047516", "0312345680"})
        void thenTheirTenDigitCodesAreValidAsWritten(String text) {
            TaxCode code = valid(text);
            assertThat(code.value()).isEqualTo(text);
            assertThat(code.parent()).isEqualTo(text);
            assertThat(code.branch()).isEmpty();
            assertThat(code.isBranch()).isFalse();
        }

        @Test
        void thenTheSandboxCompanysCodeChecksOut() {
            // Công ty TNHH ABC: weighted sum 337, remainder 7, check digit 10 - 7 = 3
            assertThat(TaxCode.checkDigit("031234567")).hasValue(3);
            assertThat(valid("0312345673").value()).isEqualTo("0312345673");
        }

        @ParameterizedTest
        @CsvSource({
            "0314409058-002, 0314409058-002, 0314409058, 002",
            "0314409058002,  0314409058-002, 0314409058, 002",
            "0312687878-001, 0312687878-001, 0312687878, 001",
            "0312687878001,  0312687878-001, 0312687878, 001",
        })
        void thenTheirBranchCodesAreValidWithOrWithoutTheHyphen(String text, String canonical, String parent,
                String branch) {
            TaxCode code = valid(text);
            assertThat(code.value()).isEqualTo(canonical);
            assertThat(code.parent()).isEqualTo(parent);
            assertThat(code.branch()).contains(branch);
            assertThat(code.isBranch()).isTrue();
        }

        @Test
        void thenABranchCodeIsTheSameWithOrWithoutTheHyphen() {
            assertThat(valid("0314409058002")).isEqualTo(valid("0314409058-002"))
                    .hasSameHashCodeAs(valid("0314409058-002"))
                    .isNotEqualTo(valid("0314409058"));
        }
    }

    @Nested
    class GivenTheCheckDigit {

        @ParameterizedTest
        @CsvSource({"031234567, 3", "010023348, 8", "010011243, 7", "010004751, 6", "031440905, 8",
            "031268787, 8", "031234568, 0"})
        void thenItIsTenMinusTheWeightedSumModuloEleven(String nineDigits, int checkDigit) {
            assertThat(TaxCode.checkDigit(nineDigits)).hasValue(checkDigit);
        }

        @Test
        void thenARemainderOfTenGivesZero() {
            // 0312345680: weighted sum 340, remainder 10
            assertThat(TaxCode.checkDigit("031234568")).hasValue(0);
            assertThat(TaxCode.parse("0312345681").problems())
                    .containsExactly(IdNumberProblem.error(TAX_CODE_CHECK_DIGIT));
        }

        @ParameterizedTest
        @ValueSource(strings = {"987654321", "000000000"})
        void thenARemainderOfZeroGivesNone(String nineDigits) {
            assertThat(TaxCode.checkDigit(nineDigits)).isEmpty();
        }

        @Test
        void thenEveryOtherTenthDigitIsRefused() {
            for (char digit = '0'; digit <= '9'; digit++) {
                IdParseResult<TaxCode> result = TaxCode.parse("031234567" + digit);
                assertThat(result.isValid()).as("031234567" + digit).isEqualTo(digit == '3');
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"03123456", "0312345678", "03123456a", "０３１２３４５６７"})
        void thenItIsOnlyComputedOverNineAsciiDigits(String text) {
            assertThatThrownBy(() -> TaxCode.checkDigit(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenAWrongCheckDigit {

        @ParameterizedTest
        @ValueSource(strings = {"0100233480", "0000000000", "9876543210", "9876543213", "9876543219",
            "0100233480-001", "0100233480001"})
        void thenTheCodeIsRefused(String text) {
            IdParseResult<TaxCode> result = TaxCode.parse(text);
            assertThat(result.isValid()).isFalse();
            assertThat(result.problems()).containsExactly(IdNumberProblem.error(TAX_CODE_CHECK_DIGIT));
        }

        @Test
        void thenNoCodeStartingWith987654321IsValid() {
            for (char digit = '0'; digit <= '9'; digit++) {
                assertThat(TaxCode.parse("987654321" + digit).errors()).as("987654321" + digit)
                        .containsExactly(IdNumberProblem.error(TAX_CODE_CHECK_DIGIT));
            }
        }
    }

    @Nested
    class GivenABranchSuffix {

        @ParameterizedTest
        @ValueSource(strings = {"0314409058-000", "0314409058000"})
        void thenZeroIsRefused(String text) {
            assertThat(TaxCode.parse(text).problems()).containsExactly(IdNumberProblem.error(TAX_CODE_BRANCH_ZERO));
        }

        @Test
        void thenZeroUnderAWrongParentGivesBothProblems() {
            assertThat(TaxCode.parse("0100233480-000").problems()).containsExactly(
                    IdNumberProblem.error(TAX_CODE_CHECK_DIGIT), IdNumberProblem.error(TAX_CODE_BRANCH_ZERO));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0312345673-001", "0312345673-010", "0312345673-999"})
        void thenAnyOtherSuffixIsValidWithoutACheckDigitOfItsOwn(String text) {
            assertThat(valid(text).value()).isEqualTo(text);
        }
    }

    @Nested
    class GivenTheWrongNumberOfDigits {

        @ParameterizedTest
        @CsvSource({"031234567312, 12", "052189000123, 12", "031234567, 9", "0, 1", "03123456731, 11",
            "03123456730012, 14", "0312345673-01, 12", "0312345673-0012, 14", "0312345673-1, 11"})
        void thenTheLengthIsRefusedWithTheCountOfDigits(String text, String digits) {
            IdParseResult<TaxCode> result = TaxCode.parse(text);
            assertThat(result.isValid()).isFalse();
            assertThat(result.problems()).containsExactly(IdNumberProblem.error(TAX_CODE_LENGTH, digits));
        }

        @Test
        void thenTheProblemNeverCarriesTheDigits() {
            assertThat(TaxCode.parse("031234567312").problems().get(0).arguments()).containsExactly("12");
        }
    }

    @Nested
    class GivenCharactersOtherThanDigits {

        @ParameterizedTest
        @ValueSource(strings = {"031234567a", "O312345673", "0312 345673", "01.00.112.437", "0100.112.437",
            "０３１２３４５６７３", "٠٣١٢٣٤٥٦٧٣", "0312345673 -001", "0312345673 - 001", "0312345673_001",
            "031234567-3", "-0312345673", "0312345673-", "0312345673--001", "0312345673-001-", "0312345673\u0000",
            "0312345673\u200B", "+0312345673", "0312345673-00a"})
        void thenTheFormatIsRefused(String text) {
            IdParseResult<TaxCode> result = TaxCode.parse(text);
            assertThat(result.isValid()).isFalse();
            assertThat(result.problems()).containsExactly(IdNumberProblem.error(TAX_CODE_FORMAT));
        }
    }

    @Nested
    class GivenNothing {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\u3000", "\u00A0\n"})
        void thenTheCodeIsMissing(String text) {
            assertThat(TaxCode.parse(text).problems()).containsExactly(IdNumberProblem.error(TAX_CODE_MISSING));
        }
    }

    @Nested
    class GivenSurroundingWhitespace {

        @ParameterizedTest
        @ValueSource(strings = {" 0312345673\n", "\u00A00312345673\u202F", "\t0312345673\u3000"})
        void thenAnEnterpriseCodeIsTrimmed(String text) {
            assertThat(valid(text).value()).isEqualTo("0312345673");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\t0314409058-002 ", " 0314409058002\r\n", "\u00A00314409058-002\u00A0"})
        void thenABranchCodeIsTrimmed(String text) {
            assertThat(valid(text).value()).isEqualTo("0314409058-002");
        }
    }

    @Nested
    class GivenALogLine {

        @Test
        void thenTheCodeIsMasked() {
            assertThat(valid("0312345673").mask()).isEqualTo("031******3");
            assertThat(valid("0312345673")).hasToString("031******3");
            assertThat(valid("0314409058002")).hasToString("031******8-002");
        }
    }
}
