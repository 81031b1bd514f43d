package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NameComparisonTest {

    @Nested
    class GivenTheExactComparison {

        @Test
        void thenALegacyNameWithoutDiacriticsIsNotTheRegisteredName() {
            assertThat(NameComparison.EXACT.same("TO THI NGA", "TÔ THỊ NGA")).isFalse();
        }

        @Test
        void thenCaseSpacingAndUnicodeFormDoNotMatter() {
            assertThat(NameComparison.EXACT.same("  tô  thị nga ", "TÔ THỊ NGA")).isTrue();
        }
    }

    @Nested
    class GivenUnaccentedLegacyNames {

        private final NameComparison comparison = NameComparison.UNACCENTED_LEGACY_NAMES;

        @Test
        void thenANameWrittenWithoutAnyDiacriticMatchesTheRegisteredName() {
            assertThat(comparison.same("TO THI NGA", "TÔ THỊ NGA")).isTrue();
            assertThat(comparison.same("Pham Minh Duc", "PHẠM MINH ĐỨC")).isTrue();
        }

        @Test
        void thenANameWrittenWithDiacriticsMustStillBeTheSameName() {
            // a namesake's spelling is another name: diacritics written are diacritics compared
            assertThat(comparison.same("Tô Thị Ngà", "TÔ THỊ NGA")).isFalse();
            assertThat(comparison.same("Tô Thi Nga", "TÔ THỊ NGA")).as("half the marks").isFalse();
        }

        @Test
        void thenOtherLettersOrWordsNeverMatch() {
            assertThat(comparison.same("TO THI NGAN", "TÔ THỊ NGA")).isFalse();
            assertThat(comparison.same("NGA TO THI", "TÔ THỊ NGA")).isFalse();
            assertThat(comparison.same("", "")).isFalse();
            assertThat(comparison.same(null, "TÔ THỊ NGA")).isFalse();
        }
    }

    @Nested
    class GivenTheSettingsValue {

        @Test
        void thenAnythingButTheLooseValueIsExact() {
            assertThat(NameComparison.parse("unaccented-legacy-names")).isEqualTo(NameComparison.UNACCENTED_LEGACY_NAMES);
            assertThat(NameComparison.parse(" Unaccented-Legacy-Names ")).isEqualTo(NameComparison.UNACCENTED_LEGACY_NAMES);
            assertThat(NameComparison.parse(null)).isEqualTo(NameComparison.EXACT);
            assertThat(NameComparison.parse("loose")).isEqualTo(NameComparison.EXACT);
        }
    }
}
