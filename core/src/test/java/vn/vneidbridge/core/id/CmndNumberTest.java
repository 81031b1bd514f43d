package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CMND_LENGTH;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CMND_MISSING;
import static vn.vneidbridge.core.id.IdNumberProblem.Type.CMND_NOT_DIGITS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CmndNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"164438056", "025678901", " 164438056\n", "\u00A0025678901"})
    void thenNineAsciiDigitsAreValid(String text) {
        IdParseResult<CmndNumber> result = CmndNumber.parse(text);
        assertThat(result.problems()).isEmpty();
        assertThat(result.number()).map(CmndNumber::value).contains(text.strip().replace("\u00A0", ""));
    }

    @Test
    void thenLeadingZerosAreKept() {
        assertThat(CmndNumber.parse("025678901").number()).map(CmndNumber::value).contains("025678901");
    }

    @Test
    void thenMaskKeepsTwoDigitsAtEachEnd() {
        CmndNumber number = CmndNumber.parse("164438056").number().orElseThrow();
        assertThat(number.mask()).isEqualTo("16*****56");
        assertThat(number).hasToString("16*****56");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\u3000"})
    void thenNothingIsMissing(String text) {
        assertThat(CmndNumber.parse(text).problems()).containsExactly(IdNumberProblem.error(CMND_MISSING));
    }

    @ParameterizedTest
    @CsvSource({"16443805, 8", "1644380567, 10", "052189000123, 12"})
    void thenOtherLengthsAreRefused(String text, String length) {
        assertThat(CmndNumber.parse(text).problems()).containsExactly(IdNumberProblem.error(CMND_LENGTH, length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16443805a", "164 38056", "１６４４３８０５６", "١٦٤٤٣٨٠٥٦", "16443805\u0000"})
    void thenNineCharactersThatAreNotAllAsciiDigitsAreRefused(String text) {
        IdParseResult<CmndNumber> result = CmndNumber.parse(text);
        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).containsExactly(IdNumberProblem.error(CMND_NOT_DIGITS));
    }
}
