package vn.vneidbridge.operations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.operations.metrics.MigrationGauges.AccountRow;
import vn.vneidbridge.operations.metrics.MigrationGauges.LegacyRow;
import vn.vneidbridge.operations.metrics.MigrationGauges.PrefixRow;
import vn.vneidbridge.operations.metrics.MigrationGauges.Series;

class MigrationGaugesTest {

    private static final List<AccountRow> ROWS = List.of(
            new AccountRow("CITIZEN", "042", true, true, 2),
            new AccountRow("CITIZEN", "042", false, true, 1),
            new AccountRow("CITIZEN", "042", true, false, 3),
            new AccountRow("citizen", "052", false, false, 4),
            new AccountRow("ORGANISATION", null, false, false, 5),
            new AccountRow("BUSINESS", "123", true, false, 1),
            new AccountRow("<script>", "001", false, false, 1));

    @Nested
    class GivenImportedAccountsInEveryState {

        private final Map<Series, Long> accounts = MigrationGauges.accounts(ROWS);

        @Test
        void thenALinkedAccountIsLinkedWhetherOrNotItsCccdIsVerified() {
            assertThat(accounts).containsEntry(new Series("linked", "citizen", "042"), 3L);
        }

        @Test
        void thenVerifiedNotLinkedAndPendingAreCountedByTypeAndProvince() {
            assertThat(accounts).containsEntry(new Series("verified_not_linked", "citizen", "042"), 3L)
                    .containsEntry(new Series("pending", "citizen", "052"), 4L)
                    .containsEntry(new Series("pending", "organisation", "none"), 5L);
        }

        @Test
        void thenAPrefixThatIsNoProvinceAndATypeOutsideTheSetFallIntoFixedValues() {
            assertThat(accounts).containsEntry(new Series("verified_not_linked", "business", "none"), 1L)
                    .containsEntry(new Series("pending", "unknown", "001"), 1L);
            assertThat(accounts.keySet()).allSatisfy(series -> {
                assertThat(series.accountType()).isIn("citizen", "organisation", "business", "unknown");
                assertThat(series.province()).matches("\\d{3}|none");
            });
        }

        @Test
        void thenEveryStateAndTypeHasASeriesAndZerosChangeNoSum() {
            for (String state : MigrationGauges.STATES) {
                for (String type : List.of("citizen", "organisation", "business", "unknown")) {
                    assertThat(accounts.keySet()).as(state + " " + type)
                            .anyMatch(s -> s.state().equals(state) && s.accountType().equals(type));
                }
            }
            assertThat(accounts).containsEntry(new Series("linked", "organisation", "none"), 0L);
            assertThat(accounts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(17);
        }
    }

    @Test
    void conflictsAreByProvinceWithAZeroWhenThereAreNone() {
        assertThat(MigrationGauges.conflicts(List.of())).containsExactly(Map.entry("none", 0L));
        assertThat(MigrationGauges.conflicts(List.of(new PrefixRow("042", 2), new PrefixRow("99x", 1))))
                .containsEntry("042", 2L).containsEntry("none", 1L);
    }

    @Test
    void notImportedIsLegacyRowsMinusImportedAccountsOfTheTypeNeverBelowZero() {
        Map<String, Long> notImported = MigrationGauges.notImported(List.of(new LegacyRow("CITIZEN", 20),
                new LegacyRow("ORGANISATION", 2), new LegacyRow(null, 1)), ROWS);
        assertThat(notImported).containsEntry("citizen", 20L - 10L).containsEntry("organisation", 0L)
                .containsEntry("business", 0L).containsEntry("unknown", 0L);
    }
}
