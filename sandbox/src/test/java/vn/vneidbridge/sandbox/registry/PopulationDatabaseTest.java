package vn.vneidbridge.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.id.Province;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

class PopulationDatabaseTest {

    @Test
    void thenTheSandboxHoldsThePersonasAndHoasNamesake() {
        PopulationDatabase database = PopulationDatabase.sandbox();

        assertThat(database.size()).isEqualTo(6);
        assertThat(database.find("052189000123").map(PopulationDatabaseTest::withoutPlaces)).contains(Citizen.of(
                "052189000123", "164438056", "Tô Thị Nga", LocalDate.of(1989, 3, 15), Gender.FEMALE));
        assertThat(database.find("001090001234").map(PopulationDatabaseTest::withoutPlaces)).contains(Citizen.of(
                "001090001234", null, "Nguyễn Văn An", LocalDate.of(1990, 9, 2), Gender.MALE));
        assertThat(database.find("079195004567").map(PopulationDatabaseTest::withoutPlaces)).contains(Citizen.of(
                "079195004567", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE));
        assertThat(database.find("042085007890").map(PopulationDatabaseTest::withoutPlaces)).contains(Citizen.of(
                "042085007890", null, "Trần Văn Bình", LocalDate.of(1985, 10, 10), Gender.MALE));
        assertThat(database.find("036088002468").map(PopulationDatabaseTest::withoutPlaces)).contains(Citizen.of(
                "036088002468", null, "Phạm Minh Đức", LocalDate.of(1988, 5, 5), Gender.MALE));
        assertThat(database.find("001195009876").map(PopulationDatabaseTest::withoutPlaces))
                .as("the namesake: same name and birth date as Lê Thị Hoa")
                .contains(Citizen.of("001195009876", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE));
    }

    @Test
    void thenNgasPlacesAreThoseOfTheProtocolDocument() {
        Citizen nga = PopulationDatabase.sandbox().find("052189000123").orElseThrow();
        Citizen.Place phuocLoc = new Citizen.Place("52", "547", "21934",
                "Xã Phước Lộc, Huyện Tuy Phước, Tỉnh Bình Định");

        assertThat(nga.birthRegistration()).contains(phuocLoc);
        assertThat(nga.homeTown()).contains(phuocLoc);
        assertThat(nga.permanentResidence()).contains(new Citizen.Place("52", "540", "21583",
                "Số 12 đường Trần Phú, Phường Lê Lợi, Thành phố Quy Nhơn, Tỉnh Bình Định"));
    }

    @Test
    void thenEveryPersonaHasThreePlacesInTheProvinceOfTheirIdNumber() {
        for (Citizen persona : PopulationDatabase.personas()) {
            Province province = Province.byCode(persona.idNumber().substring(0, 3)).orElseThrow();
            for (Optional<Citizen.Place> place : List.of(persona.birthRegistration(), persona.homeTown(),
                    persona.permanentResidence())) {
                assertThat(place).as(persona.fullName()).hasValueSatisfying(given -> inProvince(given, province));
            }
        }
        Citizen hoa = PopulationDatabase.sandbox().find("079195004567").orElseThrow();
        Citizen namesake = PopulationDatabase.sandbox().find("001195009876").orElseThrow();
        assertThat(namesake.birthRegistration()).isNotEqualTo(hoa.birthRegistration());
        assertThat(namesake.permanentResidence()).isNotEqualTo(hoa.permanentResidence());
    }

    @Test
    void thenAnythingElseIsNotFound() {
        PopulationDatabase database = PopulationDatabase.sandbox().withSynthetic(100, 42);
        for (String id : new String[] {null, "", "052189000124", "05218900012", "0521890001234", "abcdefghijkl",
                "164438056"}) {
            assertThat(database.find(id)).as(String.valueOf(id)).isEmpty();
        }
    }

    @Test
    void thenSyntheticPeopleAreTheGeneratorsPeopleAndThePersonasStay() {
        PopulationDatabase database = PopulationDatabase.sandbox().withSynthetic(20_000, 42);
        List<SyntheticPerson> people = SyntheticAccountGenerator.people(20_000, 42).toList();

        assertThat(database.size()).isEqualTo(20_006);
        for (SyntheticPerson person : people) {
            Citizen citizen = database.find(person.cccd()).orElseThrow();
            assertThat(withoutPlaces(citizen)).isEqualTo(new Citizen(person.cccd(),
                    Optional.ofNullable(person.cmnd()), person.fullName(), person.birthDate(), person.gender()));
        }
        assertThat(database.find("052189000123")).isPresent();
    }

    @Test
    void thenSyntheticPeopleHavePlacesInTheProvinceOfTheirIdNumberTheSameEveryTime() {
        PopulationDatabase database = PopulationDatabase.sandbox().withSynthetic(2_000, 42);
        PopulationDatabase again = PopulationDatabase.sandbox().withSynthetic(2_000, 42);
        Set<String> homeTownsElsewhere = new HashSet<>();
        Set<String> residences = new HashSet<>();
        Set<Citizen.Place> distinctBirthPlaces = new HashSet<>();

        for (SyntheticPerson person : SyntheticAccountGenerator.people(2_000, 42).toList()) {
            Citizen citizen = database.find(person.cccd()).orElseThrow();
            Province province = Province.byCode(person.cccd().substring(0, 3)).orElseThrow();
            Citizen.Place birth = citizen.birthRegistration().orElseThrow();
            Citizen.Place homeTown = citizen.homeTown().orElseThrow();
            Citizen.Place residence = citizen.permanentResidence().orElseThrow();

            assertThat(again.find(person.cccd())).contains(citizen);
            for (Citizen.Place place : List.of(birth, homeTown, residence)) {
                inProvince(place, province);
            }
            assertThat(birth.text()).startsWith("Xã ").contains(", Huyện ");
            assertThat(residence.text()).startsWith("Số ").contains(" đường ", ", Phường ");
            if (!homeTown.equals(birth)) {
                homeTownsElsewhere.add(person.cccd());
            }
            residences.add(residence.text());
            distinctBirthPlaces.add(birth);
        }
        assertThat(homeTownsElsewhere).as("about half were born elsewhere than their home town")
                .hasSizeBetween(700, 1_300);
        assertThat(residences).as("addresses vary").hasSizeGreaterThan(1_500);
        assertThat(distinctBirthPlaces.stream().map(Citizen.Place::wardCode).distinct().count())
                .as("one ward code, one place").isEqualTo(distinctBirthPlaces.size());
    }

    @Test
    void thenWithSyntheticReplacesEarlierSyntheticPeopleAndKeepsTheOriginal() {
        PopulationDatabase personas = PopulationDatabase.sandbox();
        PopulationDatabase big = personas.withSynthetic(50, 7).withSynthetic(10, 42);

        assertThat(big.size()).isEqualTo(16);
        assertThat(personas.size()).isEqualTo(6);
        assertThat(personas.withSynthetic(0, 42).size()).isEqualTo(6);
    }

    @Test
    void thenDuplicateIdNumbersAndBadCitizensAreRefused() {
        Citizen nga = PopulationDatabase.personas().get(0);
        assertThatThrownBy(() -> PopulationDatabase.of(List.of(nga, nga)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("052189000123");
        assertThatThrownBy(() -> Citizen.of("12345", null, "A", LocalDate.of(2000, 1, 1), Gender.MALE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PopulationDatabase.sandbox().withSynthetic(-1, 42))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thenACitizenPrintsOnlyTheMaskedIdNumber() {
        assertThat(PopulationDatabase.personas().get(0)).hasToString("Citizen[052******123]");
        assertThat(PopulationDatabase.personas().get(0).permanentResidence().orElseThrow())
                .hasToString("Place[province=52]");
    }

    @Test
    void thenAPlaceNeedsWordsAndDigitCodes() {
        assertThat(Citizen.Place.of("Xã Phước Lộc").provinceCode()).isNull();
        assertThatThrownBy(() -> Citizen.Place.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Citizen.Place("5A", null, null, "Xã Phước Lộc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Citizen.Place("", null, null, "Xã Phước Lộc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The province's code and name are those of the id number's digits 1–3. */
    private static void inProvince(Citizen.Place place, Province province) {
        assertThat(place.provinceCode()).isEqualTo(province.code().substring(1));
        assertThat(place.districtCode()).hasSize(3).containsOnlyDigits();
        assertThat(place.wardCode()).hasSize(5).containsOnlyDigits();
        assertThat(place.text()).matches(text -> text.endsWith(", Tỉnh " + province.name())
                || text.endsWith(", Thành phố " + province.name()), "ends with the province " + province.name());
    }

    private static Citizen withoutPlaces(Citizen citizen) {
        return new Citizen(citizen.idNumber(), citizen.cmnd(), citizen.fullName(), citizen.birthDate(),
                citizen.gender());
    }
}
