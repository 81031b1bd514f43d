package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BulkJobDefinitionTest {

    @Test
    void anEmptyBodyCoversEveryAccountAtTheDefaultPace() {
        BulkJobDefinition definition = BulkJobDefinition.parse(null).definition().orElseThrow();

        assertThat(definition.provinces()).isEmpty();
        assertThat(definition.accountTypes()).isEmpty();
        assertThat(definition.filtersCreation()).isFalse();
        assertThat(definition.ratePerSecond()).isEqualTo(BulkJobDefinition.DEFAULT_RATE);
        assertThat(definition.concurrency()).isEqualTo(BulkJobDefinition.DEFAULT_CONCURRENCY);
        assertThat(definition.registry()).isEqualTo("c06-soap");
    }

    @Test
    void filtersAndPaceAreRead() {
        BulkJobDefinition definition = BulkJobDefinition.parse(Map.of("provinces", List.of("001", "079"),
                "accountTypes", List.of("citizen"), "createdFrom", "2020-01-01", "createdTo", "2020-12-31",
                "ratePerSecond", 200, "concurrency", "8", "registry", "lgsp-json")).definition().orElseThrow();

        assertThat(definition.provinces()).containsExactlyInAnyOrder("001", "079");
        assertThat(definition.accountTypes()).containsExactly("CITIZEN");
        assertThat(definition.createdFrom()).contains(LocalDate.of(2020, 1, 1));
        assertThat(definition.createdTo()).contains(LocalDate.of(2020, 12, 31));
        assertThat(definition.filtersCreation()).isTrue();
        assertThat(definition.ratePerSecond()).isEqualTo(200);
        assertThat(definition.concurrency()).isEqualTo(8);
        assertThat(definition.registry()).isEqualTo("lgsp-json");
    }

    @Nested
    class GivenBadInput {

        @Test
        void thenEveryProblemIsNamedWithItsMessageKey() {
            BulkJobDefinition.Parsed parsed = BulkJobDefinition.parse(Map.of("provinces", List.of("999", "abc"),
                    "accountTypes", List.of("ROBOT"), "createdFrom", "2021-02-30", "ratePerSecond", 0,
                    "concurrency", 33, "limit", 5, "registry", "../x"));

            assertThat(parsed.isValid()).isFalse();
            assertThat(parsed.problems()).containsExactlyInAnyOrder(
                    new BulkJobDefinition.Problem("vneidBulkUnknownField", "limit"),
                    new BulkJobDefinition.Problem("vneidBulkUnknownProvince", "999"),
                    new BulkJobDefinition.Problem("vneidBulkUnknownProvince", "abc"),
                    new BulkJobDefinition.Problem("vneidBulkUnknownAccountType", "ROBOT"),
                    new BulkJobDefinition.Problem("vneidBulkBadDate", "createdFrom"),
                    new BulkJobDefinition.Problem("vneidBulkOutOfRange", "ratePerSecond", "1", "5000"),
                    new BulkJobDefinition.Problem("vneidBulkOutOfRange", "concurrency", "1", "32"),
                    new BulkJobDefinition.Problem("vneidBulkUnknownRegistry", "../x"));
        }

        @Test
        void thenReversedDatesAreRefused() {
            assertThat(BulkJobDefinition.parse(Map.of("createdFrom", "2022-01-02", "createdTo", "2022-01-01"))
                    .problems()).containsExactly(new BulkJobDefinition.Problem("vneidBulkDatesReversed"));
        }

        @Test
        void thenAProvinceThatIsNotAListIsRefused() {
            assertThat(BulkJobDefinition.parse(Map.of("provinces", "001")).problems())
                    .containsExactly(new BulkJobDefinition.Problem("vneidBulkNotAList", "provinces"));
        }

        @Test
        void thenAFractionalRateIsRefused() {
            assertThat(BulkJobDefinition.parse(Map.of("ratePerSecond", 2.5)).isValid()).isFalse();
        }
    }
}
