package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsoleLanguageTest {

    @Test
    void theLanguageAskedForWinsWhenItIsVietnameseOrEnglish() {
        assertThat(ConsoleLanguage.choose("en", Locale.forLanguageTag("vi"))).isEqualTo("en");
        assertThat(ConsoleLanguage.choose("vi-VN", Locale.ENGLISH)).isEqualTo("vi");
    }

    @Test
    void anotherLanguageAskedForFallsBackToKeycloaksChoiceThenVietnamese() {
        assertThat(ConsoleLanguage.choose("fr", Locale.ENGLISH)).isEqualTo("en");
        assertThat(ConsoleLanguage.choose(null, Locale.GERMAN)).isEqualTo("vi");
        assertThat(ConsoleLanguage.choose("<script>", null)).isEqualTo("vi");
    }
}
