package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"male", "MALE", "Male", "m", "M", "nam", "Nam", "NAM", " nam\t", "1"})
    void thenMaleSpellingsGiveMale(String text) {
        assertThat(Gender.parse(text)).contains(Gender.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"female", "FEMALE", "f", "F", "nữ", "Nữ", "NỮ", "nu", "NU", "\u00A0nữ ", "2"})
    void thenFemaleSpellingsGiveFemale(String text) {
        assertThat(Gender.parse(text)).contains(Gender.FEMALE);
    }

    @Test
    void thenDecomposedNuIsFemale() {
        String nfd = Normalizer.normalize("Nữ", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nữ");
        assertThat(Gender.parse(nfd)).contains(Gender.FEMALE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "0", "3", "9", "n", "x", "nam giới", "ma le", "males", "nư", "MALE!", "１"})
    void thenAnythingElseIsEmpty(String text) {
        assertThat(Gender.parse(text)).isEmpty();
    }
}
