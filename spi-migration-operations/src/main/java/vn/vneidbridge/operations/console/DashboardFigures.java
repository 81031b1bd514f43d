package vn.vneidbridge.operations.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.vneidbridge.core.id.Province;
import vn.vneidbridge.operations.metrics.MigrationGauges;

/**
 * The dashboard's figures from the migration's aggregate counts (never accounts): every legacy account is
 * {@code linked}, {@code verifiedNotLinked} or {@code pending} (imported without a verified CCCD, or never imported),
 * as the gauges count them ({@link MigrationGauges}); {@code conflicts} are the open review entries (an id number on
 * several accounts); {@code refused} are the accounts the population database did not confirm (mismatch or not
 * found) in the newest bulk job that checked any. Each as a number and a percentage of the legacy accounts — by
 * account type and by province. Never-imported rows have no province Keycloak knows (the legacy CCCD may differ from
 * the imported one), so by province "pending" counts imported accounts only, and says so with
 * {@code pendingImportedOnly}.
 */
public final class DashboardFigures {

    public static final List<String> STATES = List.of("linked", "verifiedNotLinked", "pending");

    private DashboardFigures() {
    }

    /**
     * @param accounts imported legacy accounts by state, type and province (the gauges' series)
     * @param conflicts open conflicts by province
     * @param notImported legacy rows never imported, by type; null when the legacy database did not answer
     * @param refused accounts not confirmed in the newest bulk job, null when no job checked any
     */
    public static Map<String, Object> of(Map<MigrationGauges.Series, Long> accounts, Map<String, Long> conflicts,
                                         Map<String, Long> notImported, Long refused) {
        Map<String, Map<String, Long>> byType = new TreeMap<>();
        Map<String, Map<String, Long>> byProvince = new TreeMap<>();
        Map<String, Long> totals = zero();
        accounts.forEach((series, count) -> {
            String state = state(series.state());
            add(byType, series.accountType(), state, count);
            add(byProvince, series.province(), state, count);
            totals.merge(state, count, Long::sum);
        });
        if (notImported != null) {
            notImported.forEach((type, count) -> {
                add(byType, type, "pending", count);
                totals.merge("pending", count, Long::sum);
            });
        }
        long openConflicts = 0;
        for (Map.Entry<String, Long> entry : conflicts.entrySet()) {
            openConflicts += entry.getValue();
            if (entry.getValue() > 0) {
                byProvince.computeIfAbsent(entry.getKey(), k -> zero()).merge("conflicts", entry.getValue(), Long::sum);
            }
        }
        long all = totals.get("linked") + totals.get("verifiedNotLinked") + totals.get("pending");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("legacyDatabase", notImported == null ? "unavailable" : "available");
        figures.put("accounts", all);
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String state : STATES) {
            summary.put(state, figure(totals.get(state), all));
        }
        summary.put("conflicts", figure(openConflicts, all));
        summary.put("refused", refused == null ? null : figure(refused, all));
        figures.put("totals", summary);
        figures.put("byAccountType", rows(byType, false));
        figures.put("byProvince", rows(byProvince, true));
        figures.put("pendingImportedOnly", true);
        return figures;
    }

    /** A count and its share of the whole in percent, one decimal (0 when the whole is 0). */
    static Map<String, Object> figure(long count, long whole) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("count", count);
        figure.put("percent", percent(count, whole));
        return figure;
    }

    static double percent(long count, long whole) {
        if (whole <= 0) {
            return 0;
        }
        return BigDecimal.valueOf(count * 100.0 / whole).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Map<String, Object>> rows(Map<String, Map<String, Long>> table, boolean provinces) {
        List<Map<String, Object>> rows = new ArrayList<>();
        table.forEach((key, counts) -> {
            long total = 0;
            for (String state : STATES) {
                total += counts.getOrDefault(state, 0L);
            }
            if (total == 0 && counts.getOrDefault("conflicts", 0L) == 0) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key);
            if (provinces) {
                row.put("name", Province.byCode(key).map(Province::name).orElse(null));
            }
            row.put("total", total);
            for (String state : STATES) {
                row.put(state, figure(counts.getOrDefault(state, 0L), total));
            }
            if (provinces) {
                row.put("conflicts", counts.getOrDefault("conflicts", 0L));
            }
            rows.add(row);
        });
        return rows;
    }

    private static String state(String gaugeState) {
        return switch (gaugeState) {
            case MigrationGauges.LINKED -> "linked";
            case MigrationGauges.VERIFIED_NOT_LINKED -> "verifiedNotLinked";
            default -> "pending";
        };
    }

    private static Map<String, Long> zero() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : STATES) {
            counts.put(state, 0L);
        }
        return counts;
    }

    private static void add(Map<String, Map<String, Long>> table, String key, String state, long count) {
        table.computeIfAbsent(key, k -> zero()).merge(state, count, Long::sum);
    }
}
