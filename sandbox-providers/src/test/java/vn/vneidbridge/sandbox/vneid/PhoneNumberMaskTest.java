package vn.vneidbridge.sandbox.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberMaskTest {

    @Test
    void showsSixStarsAndTheLastThreeDigits() {
        assertThat(PhoneNumberMask.mask("0912345123")).contains("******123");
    }

    @Test
    void ignoresSpacesAndTheCountryCodeSign() {
        assertThat(PhoneNumberMask.mask("+84 912 345 678")).contains("******678");
    }

    @Test
    void neverShowsMoreThanThreeDigits() {
        assertThat(PhoneNumberMask.mask("0987654321").orElseThrow()).isEqualTo("******321").hasSize(9);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12", "  ", "không có"})
    void isEmptyWithoutAtLeastThreeDigits(String phone) {
        assertThat(PhoneNumberMask.mask(phone)).isEmpty();
    }
}
