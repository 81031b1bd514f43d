package vn.vneidbridge.cccd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.vneidbridge.core.id.Gender;

class RegistryValuesTest {

    @Test
    void thenAQueryRejectsNullComponents() {
        LocalDate birth = LocalDate.of(1989, 3, 15);
        assertThatNullPointerException().isThrownBy(
                () -> new RegistryQuery(null, "Nga", birth, Optional.empty(), Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new RegistryQuery("052189000123", null, birth, Optional.empty(), Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new RegistryQuery("052189000123", "Nga", null, Optional.empty(), Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new RegistryQuery("052189000123", "Nga", birth, null, Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new RegistryQuery("052189000123", "Nga", birth, Optional.empty(), null));
    }

    @Test
    void thenAQueryPrintsNoPersonalData() {
        String printed = Citizen.ngaQuery().toString();

        assertThat(printed).contains("052******123", "16*****56")
                .doesNotContain("052189000123", "164438056", "Nga", "1989");
        assertThat(new RegistryQuery("not-a-number-123456", "x", LocalDate.of(1989, 3, 15), Optional.empty(),
                Optional.empty()).toString()).doesNotContain("123456");
    }

    @Test
    void thenARecordAndTheResultsHoldingItPrintNoPersonalData() {
        RegistryRecord record = new RegistryRecord("052189000123", Optional.of("164438056"), "TÔ THỊ NGA",
                LocalDate.of(1989, 3, 15), Optional.of(Gender.FEMALE), Citizen.ngaPlaces());
        String printed = new RegistryResult.Match(EnumSet.allOf(RegistryField.class), Optional.of(record)).toString();

        assertThat(printed).contains("052******123").doesNotContain("052189000123", "164438056", "NGA", "1989",
                "Phước Lộc", "Quy Nhơn", "21583");
    }

    @Test
    void thenPlacesPrintNoWords() {
        assertThat(Citizen.ngaPlaces().toString()).doesNotContain("Phước Lộc", "Trần Phú", "Bình Định", "21934");
        assertThat(Citizen.QUY_NHON.read().toString()).doesNotContain("Quy Nhơn", "Trần Phú");
    }

    @Test
    void thenResultFieldSetsAreImmutableCopies() {
        Set<RegistryField> fields = new HashSet<>(Set.of(RegistryField.GENDER));
        RegistryResult.Mismatch mismatch = new RegistryResult.Mismatch(fields);
        fields.add(RegistryField.CMND);

        assertThat(mismatch.mismatched()).containsExactly(RegistryField.GENDER);
        assertThatThrownBy(() -> mismatch.mismatched().add(RegistryField.CMND))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new RegistryResult.Mismatch(Set.of()).mismatched()).isEmpty();
    }
}
