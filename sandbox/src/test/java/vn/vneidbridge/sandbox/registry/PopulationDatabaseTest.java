package vn.vneidbridge.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

class PopulationDatabaseTest {

    @Test
    void thenTheSandboxHoldsThePersonasAndHoasNamesake() {
        PopulationDatabase database = PopulationDatabase.sandbox();

        assertThat(database.size()).isEqualTo(6);
        assertThat(database.find("052189000123")).contains(Citizen.of("052189000123", "164438056", "Tô Thị Nga",
                LocalDate.of(1989, 3, 15), Gender.FEMALE));
        assertThat(database.find("001090001234")).contains(Citizen.of("001090001234", null, "Nguyễn Văn An",
                LocalDate.of(1990, 9, 2), Gender.MALE));
        assertThat(database.find("079195004567")).contains(Citizen.of("079195004567", null, "Lê Thị Hoa",
                LocalDate.of(1995, 11, 20), Gender.FEMALE));
        assertThat(database.find("042085007890")).contains(Citizen.of("042085007890", null, "Trần Văn Bình",
                LocalDate.of(1985, 10, 10), Gender.MALE));
        assertThat(database.find("036088002468")).contains(Citizen.of("036088002468", null, "Phạm Minh Đức",
                LocalDate.of(1988, 5, 5), Gender.MALE));
        assertThat(database.find("001195009876")).as("the namesake: same name and birth date as Lê Thị Hoa")
                .contains(Citizen.of("001195009876", null, "Lê Thị Hoa", LocalDate.of(1995, 11, 20), Gender.FEMALE));
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
            assertThat(citizen).isEqualTo(new Citizen(person.cccd(),
                    Optional.ofNullable(person.cmnd()), person.fullName(), person.birthDate(), person.gender()));
        }
        assertThat(database.find("052189000123")).isPresent();
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
    }
}
