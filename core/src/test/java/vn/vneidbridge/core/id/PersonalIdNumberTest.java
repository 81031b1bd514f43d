package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_BIRTH_YEAR_IN_FUTURE;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_BIRTH_YEAR_MISMATCH;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_CENTURY_GENDER_MISMATCH;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_LENGTH;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_MISSING;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_NOT_DIGITS;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CCCD_PROVINCE_UNKNOWN;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalIdNumberTest {

    private static final PersonalIdRules IN_2026 = PersonalIdRules.strict().withClock(clockInYear(2026));

    private static Clock clockInYear(int year) {
        return Clock.fixed(LocalDate.of(year, 6, 1).atStartOfDay(PersonalIdRules.VIETNAM).toInstant(),
                PersonalIdRules.VIETNAM);
    }

    private static PersonalIdNumber valid(String text, PersonalIdRules rules) {
        IdParseResult<PersonalIdNumber> result = PersonalIdNumber.parse(text, rules);
        assertThat(result.problems()).as("problems of a valid number").isEmpty();
        return result.number().orElseThrow();
    }

    private static List<IdNumberProblem.Type> types(List<IdNumberProblem> problems) {
        return problems.stream().map(IdNumberProblem::type).toList();
    }

    @Nested
    class GivenTheSandboxPersonas {

        @ParameterizedTest
        @CsvSource({
            "052189000123, 052, Bình Định,   FEMALE, 1989, 1989-03-15",
            "001090001234, 001, Hà Nội,      MALE,   1990, 1990-09-02",
            "079195004567, 079, Hồ Chí Minh, FEMALE, 1995, 1995-11-20",
            "042085007890, 042, Hà Tĩnh,     MALE,   1985, 1985-10-10",
            "036088002468, 036, Nam Định,    MALE,   1988, 1988-05-05",
        })
        void thenTheirNumbersParseRight(String text, String code, String province, Gender gender, int year,
                LocalDate born) {
            PersonalIdNumber number = valid(text, PersonalIdRules.strict());
            assertThat(number.value()).isEqualTo(text);
            assertThat(number.provinceCode()).isEqualTo(code);
            assertThat(number.province()).map(Province::name).contains(province);
            assertThat(number.gender()).isEqualTo(gender);
            assertThat(number.birthYear()).isEqualTo(year);
            assertThat(number.century()).isEqualTo(19);
            assertThat(number.checkAgainst(gender, born)).isEmpty();
            assertThat(number.checkAgainst(gender, Year.of(year))).isEmpty();
        }

        @Test
        void thenPhamMinhDucCannotDeclareToThiNgasNumber() {
            PersonalIdNumber ngas = valid("052189000123", PersonalIdRules.strict());
            assertThat(types(ngas.checkAgainst(Gender.MALE, LocalDate.of(1988, 5, 5))))
                    .containsExactly(CCCD_CENTURY_GENDER_MISMATCH, CCCD_BIRTH_YEAR_MISMATCH);
        }
    }

    @Nested
    class GivenTheCenturyDigit {

        static Stream<Arguments> digits() {
            return Stream.of(
                    Arguments.of(0, Gender.MALE, 19), Arguments.of(1, Gender.FEMALE, 19),
                    Arguments.of(2, Gender.MALE, 20), Arguments.of(3, Gender.FEMALE, 20),
                    Arguments.of(4, Gender.MALE, 21), Arguments.of(5, Gender.FEMALE, 21),
                    Arguments.of(6, Gender.MALE, 22), Arguments.of(7, Gender.FEMALE, 22),
                    Arguments.of(8, Gender.MALE, 23), Arguments.of(9, Gender.FEMALE, 23));
        }

        @ParameterizedTest
        @MethodSource("digits")
        void thenGenderCenturyAndYearFollowIt(int digit, Gender gender, int century) {
            PersonalIdNumber number = valid("001" + digit + "42000123",
                    PersonalIdRules.strict().withClock(clockInYear(2399)));
            assertThat(number.centuryGenderDigit()).isEqualTo(digit);
            assertThat(number.gender()).isEqualTo(gender);
            assertThat(number.century()).isEqualTo(century);
            assertThat(number.birthYear()).isEqualTo(century * 100 + 42);
            assertThat(number.checkAgainst(gender, Year.of(century * 100 + 42))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"000, 1900", "099, 1999", "100, 1900", "199, 1999", "200, 2000", "299, 2099", "300, 2000",
            "399, 2099", "400, 2100", "999, 2399"})
        void thenBoundaryYearsAreRight(String digits4to6, int year) {
            PersonalIdNumber number = valid("001" + digits4to6 + "000123",
                    PersonalIdRules.strict().withClock(clockInYear(2399)));
            assertThat(number.birthYear()).isEqualTo(year);
        }
    }

    @Nested
    class GivenTheCurrentYear {

        @Test
        void thenABirthYearAfterItIsAnError() {
            IdParseResult<PersonalIdNumber> result = PersonalIdNumber.parse("001299000123", IN_2026);
            assertThat(result.isValid()).isFalse();
            assertThat(result.errors()).containsExactly(
                    IdNumberProblem.error(CCCD_BIRTH_YEAR_IN_FUTURE, "2099"));
        }

        @Test
        void thenNextYearIsInTheFutureButThisYearIsNot() {
            assertThat(types(PersonalIdNumber.parse("001227000123", IN_2026).problems()))
                    .containsExactly(CCCD_BIRTH_YEAR_IN_FUTURE);
            assertThat(valid("001226000123", IN_2026).birthYear()).isEqualTo(2026);
        }

        @Test
        void thenTheTwentyFirstCenturyDigitsAreInTheFutureToday() {
            assertThat(types(PersonalIdNumber.parse("001400000123").problems()))
                    .containsExactly(CCCD_BIRTH_YEAR_IN_FUTURE);
            assertThat(valid("001400000123", PersonalIdRules.strict().withClock(clockInYear(2100))).birthYear())
                    .isEqualTo(2100);
        }

        @Test
        void thenTheYearIsTakenInTheClocksZone() {
            Instant newYearInHanoi = Instant.parse("2025-12-31T18:00:00Z");
            PersonalIdRules hanoi = PersonalIdRules.strict()
                    .withClock(Clock.fixed(newYearInHanoi, PersonalIdRules.VIETNAM));
            PersonalIdRules utc = PersonalIdRules.strict().withClock(Clock.fixed(newYearInHanoi, ZoneOffset.UTC));
            assertThat(PersonalIdNumber.parse("001226000123", hanoi).isValid()).isTrue();
            assertThat(PersonalIdNumber.parse("001226000123", utc).isValid()).isFalse();
        }

        @Test
        void thenTheDefaultRulesAreStrictInVietnamTime() {
            assertThat(PersonalIdRules.strict().isStrict()).isTrue();
            assertThat(PersonalIdRules.lenient().isStrict()).isFalse();
            assertThat(PersonalIdRules.strict().clock().getZone()).isEqualTo(PersonalIdRules.VIETNAM);
        }
    }

    @Nested
    class GivenAnUnknownProvinceCode {

        @ParameterizedTest
        @ValueSource(strings = {"000", "003", "097", "099", "100", "999"})
        void thenStrictRulesRefuseIt(String code) {
            IdParseResult<PersonalIdNumber> result = PersonalIdNumber.parse(code + "189000123", IN_2026);
            assertThat(result.isValid()).isFalse();
            assertThat(result.number()).isEmpty();
            assertThat(result.errors()).containsExactly(IdNumberProblem.error(CCCD_PROVINCE_UNKNOWN, code));
        }

        @ParameterizedTest
        @ValueSource(strings = {"000", "003", "097", "099", "100", "999"})
        void thenLenientRulesWarn(String code) {
            IdParseResult<PersonalIdNumber> result = PersonalIdNumber.parse(code + "189000123",
                    PersonalIdRules.lenient().withClock(clockInYear(2026)));
            assertThat(result.isValid()).isTrue();
            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).containsExactly(
                    IdNumberProblem.of(CCCD_PROVINCE_UNKNOWN, IdNumberProblem.Severity.WARNING, code));
            PersonalIdNumber number = result.number().orElseThrow();
            assertThat(number.province()).isEmpty();
            assertThat(number.provinceCode()).isEqualTo(code);
            assertThat(number.birthYear()).isEqualTo(1989);
        }

        @Test
        void thenLenientRulesStillRefuseAFutureYear() {
            IdParseResult<PersonalIdNumber> result = PersonalIdNumber.parse("999299000123",
                    PersonalIdRules.lenient().withClock(clockInYear(2026)));
            assertThat(result.isValid()).isFalse();
            assertThat(types(result.problems())).containsExactly(CCCD_PROVINCE_UNKNOWN, CCCD_BIRTH_YEAR_IN_FUTURE);
            assertThat(types(result.errors())).containsExactly(CCCD_BIRTH_YEAR_IN_FUTURE);
        }

        @Test
        void thenEveryKnownCodeIsAcceptedByStrictRules() {
            for (Province province : Province.all()) {
                PersonalIdNumber number = valid(province.code() + "189000123", IN_2026);
                assertThat(number.province()).contains(province);
            }
        }
    }

    @Nested
    class GivenMalformedText {

        @ParameterizedTest
        @ValueSource(strings = {" 052189000123", "052189000123\t\n", "\u00A0052189000123\u3000", "\r\n052189000123 "})
        void thenSurroundingWhitespaceIsAccepted(String text) {
            assertThat(valid(text, IN_2026).value()).isEqualTo("052189000123");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n", "\u00A0\u2003"})
        void thenNothingIsMissing(String text) {
            assertThat(PersonalIdNumber.parse(text).problems()).containsExactly(IdNumberProblem.error(CCCD_MISSING));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "05218900012    | 11",
            "0521890001234  | 13",
            "1              | 1",
            "52189000123    | 11",
        })
        void thenOtherLengthsAreRefused(String text, String length) {
            assertThat(PersonalIdNumber.parse(text).problems())
                    .containsExactly(IdNumberProblem.error(CCCD_LENGTH, length));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "05218900012a", "O52189000123", "052 89000123", "052-89000123", "+84189000123",
            "０５２１８９０００１２３", "٠٥٢١٨٩٠٠٠١٢٣", "۰۵۲۱۸۹۰۰۰۱۲۳", "०५२१८९०००१२३", "05218900012\u0000",
            "05218900012\u200B", "05218900012\uFEFF", "05218900012\uD835", "05218900012²",
        })
        void thenTwelveCharactersThatAreNotAllAsciiDigitsAreRefused(String text) {
            IdParseResult<PersonalIdNumber> result = PersonalIdNumber.parse(text);
            assertThat(result.isValid()).isFalse();
            assertThat(result.problems()).containsExactly(IdNumberProblem.error(CCCD_NOT_DIGITS));
        }

        @Test
        void thenInnerSpacesAreRefusedWithTheirLength() {
            assertThat(types(PersonalIdNumber.parse("052 189 000 123").problems()))
                    .containsExactly(CCCD_NOT_DIGITS, CCCD_LENGTH);
        }

        @Test
        void thenTheLengthCountsCodePoints() {
            String mathDigits = "\uD835\uDFCE".repeat(12); // 12 × MATHEMATICAL BOLD DIGIT ZERO
            assertThat(PersonalIdNumber.parse(mathDigits).problems())
                    .containsExactly(IdNumberProblem.error(CCCD_NOT_DIGITS));
            assertThat(PersonalIdNumber.parse("\uD835\uDFCE" + "00000000000").problems())
                    .containsExactly(IdNumberProblem.error(CCCD_NOT_DIGITS));
        }

        @Test
        void thenAControlCharacterIsNotSurroundingWhitespace() {
            assertThat(types(PersonalIdNumber.parse("\u0000052189000123").problems()))
                    .containsExactly(CCCD_NOT_DIGITS, CCCD_LENGTH);
        }
    }

    @Nested
    class GivenADeclaredGenderAndBirthDate {

        private final PersonalIdNumber nga = valid("052189000123", IN_2026);

        @Test
        void thenMatchingDeclarationsHaveNoProblem() {
            assertThat(nga.checkAgainst(Gender.FEMALE, LocalDate.of(1989, 3, 15))).isEmpty();
            assertThat(nga.checkAgainst(Gender.FEMALE, Year.of(1989))).isEmpty();
        }

        @Test
        void thenAnotherGenderIsACenturyGenderMismatch() {
            assertThat(types(nga.checkAgainst(Gender.MALE, LocalDate.of(1989, 3, 15))))
                    .containsExactly(CCCD_CENTURY_GENDER_MISMATCH);
        }

        @Test
        void thenAnotherCenturyIsACenturyGenderMismatch() {
            assertThat(types(nga.checkAgainst(Gender.FEMALE, Year.of(2089))))
                    .containsExactly(CCCD_CENTURY_GENDER_MISMATCH);
            assertThat(types(nga.checkAgainst(Gender.FEMALE, Year.of(1889))))
                    .containsExactly(CCCD_CENTURY_GENDER_MISMATCH);
        }

        @Test
        void thenAnotherYearInTheCenturyIsABirthYearMismatch() {
            assertThat(nga.checkAgainst(Gender.FEMALE, LocalDate.of(1998, 3, 15)))
                    .containsExactly(IdNumberProblem.error(CCCD_BIRTH_YEAR_MISMATCH));
        }

        @Test
        void thenMissingDeclarationsSkipTheirChecks() {
            assertThat(nga.checkAgainst(null, (LocalDate) null)).isEmpty();
            assertThat(nga.checkAgainst(null, (Year) null)).isEmpty();
            assertThat(nga.checkAgainst(null, Year.of(1989))).isEmpty();
            assertThat(nga.checkAgainst(Gender.FEMALE, (Year) null)).isEmpty();
            assertThat(types(nga.checkAgainst(Gender.MALE, (Year) null))).containsExactly(CCCD_CENTURY_GENDER_MISMATCH);
            assertThat(types(nga.checkAgainst(null, Year.of(2089)))).containsExactly(CCCD_CENTURY_GENDER_MISMATCH);
        }

        @Test
        void thenNegativeAndFarYearsDoNotBreakTheCheck() {
            assertThat(types(nga.checkAgainst(Gender.FEMALE, Year.of(-11)))) // floorMod(-11, 100) = 89
                    .containsExactly(CCCD_CENTURY_GENDER_MISMATCH);
            assertThat(types(nga.checkAgainst(Gender.FEMALE, Year.of(Year.MAX_VALUE))))
                    .containsExactly(CCCD_CENTURY_GENDER_MISMATCH, CCCD_BIRTH_YEAR_MISMATCH);
        }
    }

    @Nested
    class GivenLogging {

        @Test
        void thenMaskKeepsTheFirstAndLastThreeDigits() {
            PersonalIdNumber number = valid("052189000123", IN_2026);
            assertThat(number.mask()).isEqualTo("052******123");
            assertThat(number).hasToString("052******123");
            assertThat(PersonalIdNumber.parse("052189000123").toString()).doesNotContain("189000");
        }

        @Test
        void thenEqualityIsByValue() {
            assertThat(valid(" 052189000123", IN_2026)).isEqualTo(valid("052189000123 ", IN_2026))
                    .hasSameHashCodeAs(valid("052189000123", IN_2026))
                    .isNotEqualTo(valid("001090001234", IN_2026));
        }

        @Test
        void thenProblemsAreImmutable() {
            List<IdNumberProblem> problems = PersonalIdNumber.parse("x").problems();
            assertThatThrownBy(problems::clear)
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
