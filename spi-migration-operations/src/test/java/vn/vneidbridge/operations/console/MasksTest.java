package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void anIdNumberKeepsItsProvinceCodeAndLastTwoDigits() {
        assertThat(Masks.idNumber("042085007890")).isEqualTo("042*******90");
        assertThat(Masks.idNumber("164438056")).isEqualTo("164****56");
    }

    @Test
    void aShortOrMissingNumberShowsNoDigit() {
        assertThat(Masks.idNumber("12345")).isEqualTo("*****");
        assertThat(Masks.idNumber(null)).isNull();
    }

    @Test
    void aUsernameKeepsTwoCharactersAtEachEnd() {
        assertThat(Masks.username("tranvanbinh")).isEqualTo("tr*******nh");
        assertThat(Masks.username("tranvanbinh.hcm")).isEqualTo("tr***********cm");
        assertThat(Masks.username("abcd")).isEqualTo("a***");
    }

    @Test
    void aUsernameThatIsAnIdNumberIsMaskedAsOne() {
        assertThat(Masks.username("042085007890")).isEqualTo("042*******90");
    }

    /** An operator's note: every run of 9 digits or more (CMND, CCCD, phone) masked, the words kept. */
    @Test
    void numbersWrittenInATextAreMasked() {
        assertThat(Masks.numbersIn("CCCD 042085007890, CMND 042123456, gọi 0912345678; hồ sơ 12345"))
                .isEqualTo("CCCD 042*******90, CMND 042****56, gọi 091*****78; hồ sơ 12345");
        assertThat(Masks.numbersIn(null)).isNull();
    }
}
