package vn.vneidbridge.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VneidLevelTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", " 1 ", "LoA1", "loa1", "LOA 1", "LoA-1"})
    void thenLevelOneSpellingsAreRead(String text) {
        assertThat(VneidLevel.parse(text)).contains(VneidLevel.LEVEL_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "LoA2", "loa_2"})
    void thenLevelTwoSpellingsAreRead(String text) {
        assertThat(VneidLevel.parse(text)).contains(VneidLevel.LEVEL_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "3", "12", "LoA", "gold", "urn:mace:incommon:iap:silver"})
    void thenOtherValuesAreNotLevels(String text) {
        assertThat(VneidLevel.parse(text)).isEmpty();
    }

    @Test
    void thenNullAndNumbersAreHandled() {
        assertThat(VneidLevel.parse(null)).isEmpty();
        assertThat(VneidLevel.parse(2)).contains(VneidLevel.LEVEL_2);
    }
}
