package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.vneidbridge.operations.metrics.MigrationGauges;

class DashboardFiguresTest {

    private static Map<MigrationGauges.Series, Long> accounts() {
        Map<MigrationGauges.Series, Long> accounts = new LinkedHashMap<>();
        accounts.put(new MigrationGauges.Series(MigrationGauges.LINKED, "citizen", "001"), 3L);
        accounts.put(new MigrationGauges.Series(MigrationGauges.VERIFIED_NOT_LINKED, "citizen", "042"), 2L);
        accounts.put(new MigrationGauges.Series(MigrationGauges.PENDING, "organisation", "none"), 1L);
        accounts.put(new MigrationGauges.Series(MigrationGauges.PENDING, "business", "none"), 0L);
        return accounts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> total(Map<String, Object> figures, String state) {
        return (Map<String, Object>) ((Map<String, Object>) figures.get("totals")).get(state);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> figures, String table) {
        return (List<Map<String, Object>>) figures.get(table);
    }

    @Nested
    class GivenImportedAccountsAndLegacyRowsNeverImported {

        private final Map<String, Object> figures = DashboardFigures.of(accounts(), Map.of("042", 1L, "none", 0L),
                Map.of("citizen", 4L, "organisation", 0L, "business", 0L, "unknown", 0L), 2L);

        @Test
        void thenEveryAccountIsInOneStateAndTheNeverImportedArePending() {
            assertThat(figures.get("accounts")).isEqualTo(10L);
            assertThat(total(figures, "linked")).containsEntry("count", 3L).containsEntry("percent", 30.0);
            assertThat(total(figures, "verifiedNotLinked")).containsEntry("count", 2L).containsEntry("percent", 20.0);
            assertThat(total(figures, "pending")).containsEntry("count", 5L).containsEntry("percent", 50.0);
        }

        @Test
        void thenConflictsAndRefusedAreSharesOfAllAccounts() {
            assertThat(total(figures, "conflicts")).containsEntry("count", 1L).containsEntry("percent", 10.0);
            assertThat(total(figures, "refused")).containsEntry("count", 2L).containsEntry("percent", 20.0);
        }

        @Test
        void thenByTypeThePercentagesAreOfTheTypesOwnAccountsAndEmptyTypesAreLeftOut() {
            List<Map<String, Object>> byType = rows(figures, "byAccountType");

            assertThat(byType).extracting(row -> row.get("key")).containsExactly("citizen", "organisation");
            Map<String, Object> citizen = byType.get(0);
            assertThat(citizen.get("total")).isEqualTo(9L);
            assertThat(citizen.get("linked")).isEqualTo(Map.of("count", 3L, "percent", 33.3));
            assertThat(citizen.get("pending")).isEqualTo(Map.of("count", 4L, "percent", 44.4));
        }

        @Test
        void thenByProvinceTheImportedAccountsAndConflictsWithTheProvincesName() {
            List<Map<String, Object>> byProvince = rows(figures, "byProvince");

            assertThat(byProvince).extracting(row -> row.get("key")).containsExactly("001", "042", "none");
            assertThat(byProvince.get(1)).containsEntry("name", "Hà Tĩnh").containsEntry("conflicts", 1L)
                    .containsEntry("total", 2L);
            assertThat(byProvince.get(0).get("linked")).isEqualTo(Map.of("count", 3L, "percent", 100.0));
        }
    }

    @Nested
    class GivenTheLegacyDatabaseDidNotAnswerAndNoJobRan {

        private final Map<String, Object> figures = DashboardFigures.of(accounts(), Map.of("none", 0L), null, null);

        @Test
        void thenOnlyImportedAccountsCountAndRefusedIsUnknown() {
            assertThat(figures).containsEntry("legacyDatabase", "unavailable").containsEntry("accounts", 6L);
            assertThat(total(figures, "refused")).isNull();
            assertThat(((Map<?, ?>) figures.get("totals")).containsKey("refused")).isTrue();
        }
    }

    @Test
    void nothingAtAllIsZeroPercentNotADivisionByZero() {
        Map<String, Object> figures = DashboardFigures.of(Map.of(), Map.of(), Map.of(), 0L);

        assertThat(total(figures, "linked")).containsEntry("count", 0L).containsEntry("percent", 0.0);
        assertThat(rows(figures, "byProvince")).isEmpty();
    }
}
