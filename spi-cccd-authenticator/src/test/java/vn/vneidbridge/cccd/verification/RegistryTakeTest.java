package vn.vneidbridge.cccd.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.cccd.registry.RegistryPlace;
import vn.vneidbridge.cccd.registry.RegistryPlaces;
import vn.vneidbridge.cccd.registry.RegistryRecord;
import vn.vneidbridge.core.id.Gender;

class RegistryTakeTest {

    private static final RegistryPlaces NGA_PLACES = new RegistryPlaces(
            Optional.of(RegistryPlace.of("Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định")),
            Optional.of(RegistryPlace.of("Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định")),
            Optional.of(RegistryPlace.of("Số 12 đường Trần Phú, Phường Lê Lợi, Thành phố Quy Nhơn, Tỉnh Bình Định")));

    private static RegistryRecord nga(RegistryPlaces places) {
        return new RegistryRecord("052189000123", Optional.of("164438056"), "TÔ THỊ NGA", LocalDate.of(1989, 3, 15),
                Optional.of(Gender.FEMALE), places);
    }

    private static Map<String, String> account(String... pairs) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            attributes.put(pairs[i], pairs[i + 1]);
        }
        return attributes;
    }

    @Nested
    class GivenARecordWithPlaces {

        @Test
        void thenEveryGivenFieldIsTakenAndOnlyTheDifferentOnesChanged() {
            Map<String, String> current = account("full_name", "Tô Thị Nga", "birthdate", "1989-03-15",
                    "gender", "female", "cmnd", "164438056");

            RegistryTake take = RegistryTake.of(current::get, nga(NGA_PLACES));

            assertThat(take.values()).containsEntry(IdentityField.FULL_NAME, "Tô Thị Nga")
                    .containsEntry(IdentityField.BIRTH_DATE, "1989-03-15")
                    .containsEntry(IdentityField.GENDER, "female")
                    .containsEntry(IdentityField.CMND, "164438056")
                    .containsEntry(IdentityField.HOME_TOWN, "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");
            assertThat(take.changed()).containsExactly(IdentityField.PLACE_OF_BIRTH, IdentityField.HOME_TOWN,
                    IdentityField.PERMANENT_ADDRESS);
        }

        @Test
        void thenAgainNothingChanges() {
            Map<String, String> current = account("full_name", "Tô Thị Nga", "birthdate", "1989-03-15",
                    "gender", "female", "cmnd", "164438056");
            RegistryTake first = RegistryTake.of(current::get, nga(NGA_PLACES));
            first.values().forEach((field, value) -> current.put(field.attribute(), value));

            assertThat(RegistryTake.of(current::get, nga(NGA_PLACES)).changed()).isEmpty();
        }
    }

    @Nested
    class GivenALegacyNameWithoutAccents {

        @Test
        void thenTheRegistrysNameIsTakenWrittenAsNamesAreOnThePage() {
            Map<String, String> current = account("full_name", "TO THI NGA", "birthdate", "1989-03-15");

            RegistryTake take = RegistryTake.of(current::get, nga(RegistryPlaces.NONE));

            assertThat(take.values()).containsEntry(IdentityField.FULL_NAME, "Tô Thị Nga");
            assertThat(take.changed()).contains(IdentityField.FULL_NAME).doesNotContain(IdentityField.BIRTH_DATE);
        }

        @Test
        void thenTheSameNameInTheRegistrysUpperCaseKeepsTheAccountsSpelling() {
            Map<String, String> current = account("full_name", "Tô Thị Nga");

            assertThat(RegistryTake.of(current::get, nga(RegistryPlaces.NONE)).values())
                    .containsEntry(IdentityField.FULL_NAME, "Tô Thị Nga");
        }
    }

    @Nested
    class GivenARecordWithoutPlacesOrCmnd {

        @Test
        void thenNothingIsTakenForWhatItDoesNotGive() {
            RegistryRecord bare = new RegistryRecord("052189000123", Optional.empty(), "TÔ THỊ NGA",
                    LocalDate.of(1989, 3, 15), Optional.empty());

            RegistryTake take = RegistryTake.of(account("cmnd", "164438056", "gender", "female")::get, bare);

            assertThat(take.values()).doesNotContainKeys(IdentityField.CMND, IdentityField.GENDER,
                    IdentityField.PLACE_OF_BIRTH, IdentityField.HOME_TOWN, IdentityField.PERMANENT_ADDRESS);
            assertThat(take.changed()).doesNotContain(IdentityField.CMND, IdentityField.GENDER);
        }
    }
}
