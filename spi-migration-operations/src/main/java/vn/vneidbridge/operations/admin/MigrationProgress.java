package vn.vneidbridge.operations.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.vneidbridge.core.id.Province;

/**
 * The migration's progress from aggregate counts: legacy rows (legacy database), and imported / CCCD
 * verified / linked accounts (Keycloak), VNeID-only users and open conflicts, by account type and by province
 * code (first 3 digits of the CCCD; {@code none} without one or when they are not a province). "Legacy only" — rows never imported — is the
 * legacy rows minus the imported accounts of the same type. By province it is not given: a legacy row's
 * province is that of its legacy CCCD, an imported account's that of its current CCCD, and the two databases
 * cannot be joined.
 */
final class MigrationProgress {

    static final String NONE = "none";

    /** Legacy rows of one type and province. */
    record LegacyCount(String accountType, String province, long rows) {
    }

    /** Imported legacy accounts of one type and province. */
    record KeycloakCount(String accountType, String province, long imported, long cccdVerified, long linked) {
    }

    /** A count by province (VNeID-only users, open conflicts). */
    record ProvinceCount(String province, long count) {
    }

    private MigrationProgress() {
    }

    /** {@code legacy} null when the legacy database did not answer. */
    static Map<String, Object> of(List<LegacyCount> legacy, List<KeycloakCount> keycloak, List<ProvinceCount> vneidOnly,
                                  List<ProvinceCount> openConflicts) {
        Map<String, Map<String, Long>> byType = new TreeMap<>();
        Map<String, Map<String, Long>> byProvince = new TreeMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String key : new String[] {"legacy", "legacyOnly", "imported", "cccdVerified", "linked", "vneidOnly",
                "openConflicts"}) {
            totals.put(key, 0L);
        }
        if (legacy != null) {
            for (LegacyCount count : legacy) {
                add(byType, type(count.accountType()), "legacy", count.rows());
                add(byProvince, province(count.province()), "legacy", count.rows());
                totals.merge("legacy", count.rows(), Long::sum);
            }
        }
        for (KeycloakCount count : keycloak) {
            for (Map<String, Map<String, Long>> table : List.of(byType, byProvince)) {
                String key = table == byType ? type(count.accountType()) : province(count.province());
                add(table, key, "imported", count.imported());
                add(table, key, "cccdVerified", count.cccdVerified());
                add(table, key, "linked", count.linked());
            }
            totals.merge("imported", count.imported(), Long::sum);
            totals.merge("cccdVerified", count.cccdVerified(), Long::sum);
            totals.merge("linked", count.linked(), Long::sum);
        }
        for (ProvinceCount count : vneidOnly) {
            add(byProvince, province(count.province()), "vneidOnly", count.count());
            totals.merge("vneidOnly", count.count(), Long::sum);
        }
        for (ProvinceCount count : openConflicts) {
            add(byProvince, province(count.province()), "openConflicts", count.count());
            totals.merge("openConflicts", count.count(), Long::sum);
        }
        if (legacy != null) {
            long legacyOnly = 0;
            for (Map<String, Long> row : byType.values()) {
                long only = Math.max(0, row.getOrDefault("legacy", 0L) - row.getOrDefault("imported", 0L));
                row.put("legacyOnly", only);
                legacyOnly += only;
            }
            totals.put("legacyOnly", legacyOnly);
        } else {
            totals.put("legacy", null);
            totals.put("legacyOnly", null);
        }
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("legacyDatabase", legacy == null ? "unavailable" : "available");
        progress.put("totals", totals);
        progress.put("byAccountType", byType);
        progress.put("byProvince", byProvince);
        return progress;
    }

    private static void add(Map<String, Map<String, Long>> table, String key, String column, long value) {
        table.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(column, value, Long::sum);
    }

    static String type(String value) {
        return value == null || value.isBlank() ? "UNKNOWN" : value.trim().toUpperCase(Locale.ROOT);
    }

    static String province(String value) {
        return value != null && Province.byCode(value).isPresent() ? value : NONE;
    }
}
