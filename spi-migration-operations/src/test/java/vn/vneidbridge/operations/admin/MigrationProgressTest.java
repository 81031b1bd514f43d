package vn.vneidbridge.operations.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationProgressTest {

    private static final List<MigrationProgress.LegacyCount> LEGACY = List.of(
            new MigrationProgress.LegacyCount("CITIZEN", "001", 3),
            new MigrationProgress.LegacyCount("CITIZEN", null, 4),
            new MigrationProgress.LegacyCount("ORGANISATION", null, 2));
    private static final List<MigrationProgress.KeycloakCount> KEYCLOAK = List.of(
            new MigrationProgress.KeycloakCount("CITIZEN", "001", 2, 2, 1),
            new MigrationProgress.KeycloakCount("CITIZEN", "052", 1, 1, 1),
            new MigrationProgress.KeycloakCount("CITIZEN", null, 1, 0, 0));

    @Test
    @SuppressWarnings("unchecked")
    void legacyOnlyIsLegacyRowsMinusImportedAccountsOfTheSameType() {
        Map<String, Object> progress = MigrationProgress.of(LEGACY, KEYCLOAK,
                List.of(new MigrationProgress.ProvinceCount("079", 1)),
                List.of(new MigrationProgress.ProvinceCount("042", 1)));

        Map<String, Long> totals = (Map<String, Long>) progress.get("totals");
        assertThat(totals).containsEntry("legacy", 9L).containsEntry("imported", 4L).containsEntry("legacyOnly", 5L)
                .containsEntry("cccdVerified", 3L).containsEntry("linked", 2L).containsEntry("vneidOnly", 1L)
                .containsEntry("openConflicts", 1L);
        Map<String, Map<String, Long>> byType = (Map<String, Map<String, Long>>) progress.get("byAccountType");
        assertThat(byType.get("CITIZEN")).containsEntry("legacy", 7L).containsEntry("imported", 4L)
                .containsEntry("legacyOnly", 3L).containsEntry("linked", 2L);
        assertThat(byType.get("ORGANISATION")).containsEntry("legacyOnly", 2L);
        Map<String, Map<String, Long>> byProvince = (Map<String, Map<String, Long>>) progress.get("byProvince");
        assertThat(byProvince.get("001")).containsEntry("legacy", 3L).containsEntry("imported", 2L);
        assertThat(byProvince.get("052")).containsEntry("linked", 1L);
        assertThat(byProvince.get("none")).containsEntry("legacy", 6L).containsEntry("imported", 1L);
        assertThat(byProvince.get("042")).containsEntry("openConflicts", 1L);
        assertThat(byProvince.get("079")).containsEntry("vneidOnly", 1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void moreImportedThanLegacyRowsNeverGivesANegativeCount() {
        Map<String, Object> progress = MigrationProgress.of(List.of(), KEYCLOAK, List.of(), List.of());
        assertThat(((Map<String, Long>) progress.get("totals")).get("legacyOnly")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnavailableLegacyDatabaseIsSaidAndItsCountsAreLeftEmpty() {
        Map<String, Object> progress = MigrationProgress.of(null, KEYCLOAK, List.of(), List.of());
        assertThat(progress.get("legacyDatabase")).isEqualTo("unavailable");
        assertThat(((Map<String, Long>) progress.get("totals")).get("legacy")).isNull();
        assertThat(((Map<String, Long>) progress.get("totals")).get("imported")).isEqualTo(4L);
    }

    @Test
    void provinceCodesAreThreeDigitsOrNone() {
        assertThat(MigrationProgress.province("052")).isEqualTo("052");
        assertThat(MigrationProgress.province("5a")).isEqualTo("none");
        assertThat(MigrationProgress.province("123")).as("not a province code").isEqualTo("none");
        assertThat(MigrationProgress.province(null)).isEqualTo("none");
        assertThat(MigrationProgress.type(" citizen")).isEqualTo("CITIZEN");
        assertThat(MigrationProgress.type(null)).isEqualTo("UNKNOWN");
    }
}
