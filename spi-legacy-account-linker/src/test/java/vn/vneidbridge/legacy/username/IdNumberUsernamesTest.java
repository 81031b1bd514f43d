package vn.vneidbridge.legacy.username;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberUsernamesTest {

    @Test
    void thenOnlyATwelveDigitUsernameIsRenamed() {
        assertThat(IdNumberUsernames.isTwelveDigits("079195004567")).isTrue();
        assertThat(IdNumberUsernames.isTwelveDigits("164438056")).as("a CMND is no VNeID username").isFalse();
        assertThat(IdNumberUsernames.isTwelveDigits("vneid-0123456789")).isFalse();
        assertThat(IdNumberUsernames.isTwelveDigits("07919500456a")).isFalse();
        assertThat(IdNumberUsernames.isTwelveDigits(null)).isFalse();
    }
}
