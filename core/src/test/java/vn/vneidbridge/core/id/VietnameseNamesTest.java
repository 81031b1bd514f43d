package vn.vneidbridge.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseNamesTest {

    private static String nfd(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(s);
        return decomposed;
    }

    @Nested
    class GivenStrictComparison {

        @Test
        void thenCaseSpacingAndNormalFormDoNotMatter() {
            assertThat(VietnameseNames.sameName("Tô Thị Nga", "TÔ  THỊ NGA")).isTrue();
            assertThat(VietnameseNames.sameName("Tô Thị Nga", nfd("Tô Thị Nga"))).isTrue();
            assertThat(VietnameseNames.sameName(nfd("TÔ THỊ NGA"), " tô\tthị\u00A0nga ")).isTrue();
            assertThat(VietnameseNames.sameName("Phạm Minh Đức", "PHẠM MINH ĐỨC")).isTrue();
        }

        @Test
        void thenDiacriticsMatter() {
            assertThat(VietnameseNames.sameName("Đức", "Duc")).isFalse();
            assertThat(VietnameseNames.sameName("Đức", "Dức")).isFalse();
            assertThat(VietnameseNames.sameName("Tô Thị Nga", "To Thi Nga")).isFalse();
            assertThat(VietnameseNames.sameName("Nga", "Ngà")).isFalse();
            assertThat(VietnameseNames.sameName("Tô", "Tồ")).isFalse();
            assertThat(VietnameseNames.sameName("Hòa", "Hóa")).isFalse();
            assertThat(VietnameseNames.sameName("Thư", "Thu")).isFalse();
        }

        @Test
        void thenWordsAndLettersMatter() {
            assertThat(VietnameseNames.sameName("Tô Thị Nga", "Tô Thị Ngan")).isFalse();
            assertThat(VietnameseNames.sameName("Tô Thị Nga", "Tô Nga")).isFalse();
            assertThat(VietnameseNames.sameName("Tô Thị Nga", "TôThị Nga")).isFalse();
            assertThat(VietnameseNames.sameName("Tô Thị Nga", "Nga Thị Tô")).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"Hòa, Hoà", "Thúy, Thuý", "Khỏe, Khoẻ", "Nguyễn Thị Thủy, NGUYỄN THỊ THUỶ", "Lê Hòa Bình, Lê Hoà Bình"})
        void thenTonePlacementOldOrNewStyleDoesNotMatter(String a, String b) {
            assertThat(VietnameseNames.sameName(a, b)).isTrue();
            assertThat(VietnameseNames.sameName(nfd(a), b)).isTrue();
        }

        @Test
        void thenLegacyLookalikesOfDStrokeAreD() {
            assertThat(VietnameseNames.sameName("Đức", "\u00D0ức")).isTrue();
            assertThat(VietnameseNames.sameName("đức", "\u00F0ức")).isTrue();
            assertThat(VietnameseNames.sameName("Đức", "\u0189ức")).isTrue();
        }

        @Test
        void thenInvisibleCharactersDoNotMatter() {
            assertThat(VietnameseNames.sameName("Nguyễn An", "Nguy\u200Bễn\uFEFF An")).isTrue();
        }

        @Test
        void thenMissingNamesMatchNothing() {
            assertThat(VietnameseNames.sameName(null, null)).isFalse();
            assertThat(VietnameseNames.sameName("", "")).isFalse();
            assertThat(VietnameseNames.sameName(" ", "\t")).isFalse();
            assertThat(VietnameseNames.sameName("Nga", null)).isFalse();
            assertThat(VietnameseNames.sameName(null, "Nga")).isFalse();
        }

        @Test
        void thenTheDefaultLocaleDoesNotMatter() {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr"));
                assertThat(VietnameseNames.sameName("THỊ LINH", "thị linh")).isTrue();
                assertThat(VietnameseNames.sameNameIgnoringDiacritics("THI LINH", "thị linh")).isTrue();
                assertThat(VietnameseNames.upperCaseForRegistry("thị linh")).isEqualTo("THỊ LINH");
            } finally {
                Locale.setDefault(saved);
            }
        }
    }

    @Nested
    class GivenComparisonIgnoringDiacritics {

        @Test
        void thenDStrokeReadsAsD() {
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("Đức", "Duc")).isTrue();
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("Phạm Minh Đức", "PHAM  MINH DUC")).isTrue();
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("đ", "D")).isTrue();
        }

        @Test
        void thenEveryMarkIsIgnored() {
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("Tô Thị Nga", "to thi nga")).isTrue();
            assertThat(VietnameseNames.sameNameIgnoringDiacritics(nfd("Nguyễn Thị Ưng"), "NGUYEN THI UNG")).isTrue();
        }

        @Test
        void thenLettersAndWordsStillMatter() {
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("Đức", "Dung")).isFalse();
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("Tô Thị Nga", "ToThi Nga")).isFalse();
            assertThat(VietnameseNames.sameNameIgnoringDiacritics(null, null)).isFalse();
            assertThat(VietnameseNames.sameNameIgnoringDiacritics("", " ")).isFalse();
        }
    }

    @Nested
    class GivenAFullNameToSplit {

        @Test
        void thenThreeWordsAreFamilyMiddleGiven() {
            assertThat(VietnameseNames.splitFullName("Nguyễn Văn An"))
                    .isEqualTo(new FullNameParts("Nguyễn", "Văn", "An"));
        }

        @Test
        void thenAllInnerWordsAreTheMiddleName() {
            FullNameParts parts = VietnameseNames.splitFullName("  Tôn  Nữ Thị\tMinh Khai ");
            assertThat(parts).isEqualTo(new FullNameParts("Tôn", "Nữ Thị Minh", "Khai"));
            assertThat(parts.fullName()).isEqualTo("Tôn Nữ Thị Minh Khai");
        }

        @Test
        void thenTwoWordsHaveNoMiddleName() {
            assertThat(VietnameseNames.splitFullName("Lý Long")).isEqualTo(new FullNameParts("Lý", "", "Long"));
        }

        @Test
        void thenOneWordIsAGivenName() {
            FullNameParts parts = VietnameseNames.splitFullName(" Pàng ");
            assertThat(parts).isEqualTo(new FullNameParts("", "", "Pàng"));
            assertThat(parts.fullName()).isEqualTo("Pàng");
        }

        @Test
        void thenNothingGivesEmptyParts() {
            assertThat(VietnameseNames.splitFullName(null)).isEqualTo(new FullNameParts("", "", ""));
            assertThat(VietnameseNames.splitFullName(" \t ")).isEqualTo(new FullNameParts("", "", ""));
        }

        @Test
        void thenPartsAreNfc() {
            assertThat(VietnameseNames.splitFullName(nfd("Tô Thị Nga")))
                    .isEqualTo(new FullNameParts("Tô", "Thị", "Nga"));
        }
    }

    @Nested
    class GivenANameForTheRegistry {

        @Test
        void thenItIsUpperCaseWithDiacritics() {
            assertThat(VietnameseNames.upperCaseForRegistry("Tô Thị Nga")).isEqualTo("TÔ THỊ NGA");
            assertThat(VietnameseNames.upperCaseForRegistry(" phạm  minh đức ")).isEqualTo("PHẠM MINH ĐỨC");
            assertThat(VietnameseNames.upperCaseForRegistry(nfd("nguyễn thị ưng"))).isEqualTo("NGUYỄN THỊ ƯNG");
            assertThat(VietnameseNames.upperCaseForRegistry(null)).isEmpty();
        }

        @Test
        void thenNormalizeKeepsCaseAndSpelling() {
            assertThat(VietnameseNames.normalize(" Nguy\u200Bễn\u00A0 Thị  Hoà ")).isEqualTo("Nguyễn Thị Hoà");
            assertThat(VietnameseNames.normalize(nfd("Tô Thị Nga"))).isEqualTo("Tô Thị Nga");
        }

        @Test
        void thenBrokenTextDoesNotThrow() {
            String broken = "\uD800 \uDC00\u0301 a\u0300\u0300 \u0000";
            assertThat(VietnameseNames.normalize(broken)).isNotNull();
            assertThat(VietnameseNames.sameName(broken, broken)).isTrue();
            assertThat(VietnameseNames.splitFullName(broken)).isNotNull();
            assertThat(VietnameseNames.upperCaseForRegistry(broken)).isNotNull();
        }
    }

    @Nested
    class GivenANameToDisplay {

        @Test
        void thenEachWordStartsUpperCaseAndTheRestIsLowerCase() {
            assertThat(VietnameseNames.displayCase("TÔ THỊ NGA")).isEqualTo("Tô Thị Nga");
            assertThat(VietnameseNames.displayCase(" phạm  MINH đức ")).isEqualTo("Phạm Minh Đức");
            assertThat(VietnameseNames.displayCase(nfd("NGUYỄN THỊ ƯNG"))).isEqualTo("Nguyễn Thị Ưng");
            assertThat(VietnameseNames.displayCase("ÐẶNG VĂN ÐÔNG")).as("Đ look-alikes").isEqualTo("Đặng Văn Đông");
            assertThat(VietnameseNames.displayCase(null)).isEmpty();
        }

        @Test
        void thenItIsTheSameNameAsTheRegistrys() {
            assertThat(VietnameseNames.sameName(VietnameseNames.displayCase("TÔ THỊ NGA"), "TÔ THỊ NGA")).isTrue();
        }
    }
}
