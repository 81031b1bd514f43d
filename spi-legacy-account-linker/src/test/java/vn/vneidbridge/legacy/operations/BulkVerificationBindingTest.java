package vn.vneidbridge.legacy.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.core.id.Gender;

class BulkVerificationBindingTest {

    private static final byte[] KEY = "a realm's hs512 secret, 32 bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String NUMBER = "001185000123";
    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    private static String digest(String number, String name, LocalDate born, Optional<String> cmnd,
                                 Optional<Gender> gender) {
        return BulkVerificationBinding.digest(KEY,
                BulkVerificationBinding.query(number, name, born, cmnd, gender).orElseThrow());
    }

    private static String confirmed() {
        return digest(NUMBER, "Tô Thị Nga", BORN, Optional.of("012345678"), Optional.empty());
    }

    @Nested
    class GivenWhatTheRegistryConfirmed {

        @Test
        void thenTheSameDataGivesTheSameDigestWhateverItsCaseSpacingOrUnicodeForm() {
            String decomposed = Normalizer.normalize("  tô   THỊ nga ", Normalizer.Form.NFD);

            assertThat(digest(NUMBER, decomposed, BORN, Optional.of(" 012345678 "), Optional.empty()))
                    .isEqualTo(confirmed());
        }

        @Test
        void thenAnotherNameBirthDateNumberCmndOrGenderGivesAnotherDigest() {
            assertThat(digest(NUMBER, "Tô Thị Hoa", BORN, Optional.of("012345678"), Optional.empty()))
                    .isNotEqualTo(confirmed());
            assertThat(digest(NUMBER, "Tô Thị Nga", BORN.plusDays(1), Optional.of("012345678"), Optional.empty()))
                    .isNotEqualTo(confirmed());
            assertThat(digest("001185000124", "Tô Thị Nga", BORN, Optional.of("012345678"), Optional.empty()))
                    .isNotEqualTo(confirmed());
            assertThat(digest(NUMBER, "Tô Thị Nga", BORN, Optional.empty(), Optional.empty()))
                    .isNotEqualTo(confirmed());
            assertThat(digest(NUMBER, "Tô Thị Nga", BORN, Optional.of("012345678"), Optional.of(Gender.MALE)))
                    .isNotEqualTo(confirmed());
        }

        @Test
        void thenTheGenderTheNumberEncodesStandsInForAMissingOne() {
            // 4th digit 1: a woman born in the 20th century, as a login's check also sends it
            assertThat(digest(NUMBER, "Tô Thị Nga", BORN, Optional.of("012345678"), Optional.of(Gender.FEMALE)))
                    .isEqualTo(confirmed());
        }

        @Test
        void thenTheDigestNeitherShowsTheNumberNorIsTheSameUnderAnotherKey() {
            RegistryQuery query = BulkVerificationBinding.query(NUMBER, "Tô Thị Nga", BORN, Optional.empty(),
                    Optional.empty()).orElseThrow();
            String digest = BulkVerificationBinding.digest(KEY, query);

            assertThat(digest).hasSize(64).doesNotContain(NUMBER).doesNotContain("185000123");
            assertThat(BulkVerificationBinding.digest("another realm's key, also 32 b.".getBytes(
                    StandardCharsets.US_ASCII), query)).isNotEqualTo(digest);
        }

        @Test
        void thenDigestsAreComparedOnlyWhenBothArePresent() {
            assertThat(BulkVerificationBinding.same(confirmed(), confirmed())).isTrue();
            assertThat(BulkVerificationBinding.same(confirmed(), null)).isFalse();
            assertThat(BulkVerificationBinding.same(null, null)).isFalse();
        }
    }

    @Test
    void anAccountThatCannotBeAskedHasNoQuestion() {
        assertThat(BulkVerificationBinding.query(null, "Tô Thị Nga", BORN, Optional.empty(), Optional.empty()))
                .isEmpty();
        assertThat(BulkVerificationBinding.query("00118500012", "Tô Thị Nga", BORN, Optional.empty(),
                Optional.empty())).as("11 digits").isEmpty();
        assertThat(BulkVerificationBinding.query(NUMBER, " ", BORN, Optional.empty(), Optional.empty())).isEmpty();
        assertThat(BulkVerificationBinding.query(NUMBER, "Tô Thị Nga", null, Optional.empty(), Optional.empty()))
                .isEmpty();
    }
}
