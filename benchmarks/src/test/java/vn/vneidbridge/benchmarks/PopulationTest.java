package vn.vneidbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.sandbox.legacy.LegacyAccount;
import vn.vneidbridge.sandbox.legacy.SyntheticAccountGenerator;
import vn.vneidbridge.sandbox.legacy.SyntheticPerson;

class PopulationTest {

    private static final int ROWS = 2_000;

    @Nested
    class GivenMigratedCitizens {

        @Test
        void thenEachIsAVerifiedCitizenWhoseCccdNoOtherRowHoldsTakenFromTheLastRowDown() {
            List<LegacyAccount> chosen = Population.verifiedCitizensHeldOnce(ROWS, 40, Set.of());
            List<LegacyAccount> rows = SyntheticAccountGenerator.accounts(ROWS, Population.SEED).toList();

            assertThat(chosen).hasSize(40).allMatch(Population::verifiedCitizen);
            for (LegacyAccount account : chosen) {
                assertThat(rows.stream().filter(row -> account.cccd().equals(row.cccd()))).hasSize(1);
            }
            assertThat(rows.indexOf(chosen.get(0))).isGreaterThan(rows.indexOf(chosen.get(39)));
            assertThat(rows.indexOf(chosen.get(0))).isGreaterThan(ROWS - 100);
        }

        @Test
        void thenExcludedNumbersAreLeftOut() {
            List<LegacyAccount> first = Population.verifiedCitizensHeldOnce(ROWS, 10, Set.of());
            Set<String> excluded = first.stream().limit(5).map(LegacyAccount::cccd).collect(Collectors.toSet());

            List<LegacyAccount> second = Population.verifiedCitizensHeldOnce(ROWS, 10, excluded);

            assertThat(second).hasSize(10).noneMatch(account -> excluded.contains(account.cccd()));
            assertThat(second.subList(0, 5)).isEqualTo(first.subList(5, 10));
        }
    }

    @Nested
    class GivenCitizensWithoutALegacyAccount {

        @Test
        void thenSkippingGivesTheNextOnesOfTheSameSequence() {
            List<SyntheticPerson> all = Population.citizensWithoutLegacyAccount(0, 30, ROWS);

            assertThat(Population.citizensWithoutLegacyAccount(20, ROWS)).isEqualTo(all.subList(0, 20));
            assertThat(Population.citizensWithoutLegacyAccount(20, 10, ROWS)).isEqualTo(all.subList(20, 30));
        }
    }
}
