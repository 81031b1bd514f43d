package vn.vneidbridge.operations.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.vneidbridge.core.id.Province;
import vn.vneidbridge.legacy.store.LegacyAccountType;

/**
 * The migration's progress as gauge values, from aggregate rows (never accounts): every imported legacy account is in
 * one state — {@value #LINKED} (VNeID linked), {@value #VERIFIED_NOT_LINKED} (CCCD verified, not linked yet) or
 * {@value #PENDING} (no verified CCCD, not linked) — by account type and by province. The province is the code of
 * the CCCD the account holds (digits 1–3, the province where the birth was registered), {@value #NONE} without
 * one or when the digits are no province code: the only province Keycloak holds for an account (a portal is not a
 * province of the citizen; the national portal serves all). Account types are {@link LegacyAccountType}'s, lower
 * case, or {@value #UNKNOWN}. Both sets are fixed, so the series are bounded (3 states × 4 types × 64 provinces
 * per realm at most) and no value comes from user input.
 * <p>
 * Every state and type has at least one series (0 in province {@value #NONE} when no account is in it), so that
 * sums are 0 rather than empty. Open conflicts (VNeID identities matching several accounts) are counted by province
 * only: the entry lists candidate accounts, which may be of different types.
 */
public final class MigrationGauges {

    public static final String LINKED = "linked";
    public static final String VERIFIED_NOT_LINKED = "verified_not_linked";
    public static final String PENDING = "pending";
    public static final List<String> STATES = List.of(LINKED, VERIFIED_NOT_LINKED, PENDING);
    public static final String NONE = "none";
    public static final String UNKNOWN = "unknown";

    /** Imported legacy accounts of one group: account type attribute, first 3 digits of the CCCD, both flags. */
    public record AccountRow(String accountType, String cccdPrefix, boolean cccdVerified, boolean linked, long count) {
    }

    /** A count by the first 3 digits of an id number (open conflicts). */
    public record PrefixRow(String cccdPrefix, long count) {
    }

    /** Legacy rows of one account type (legacy database). */
    public record LegacyRow(String accountType, long count) {
    }

    /** One series of {@code vneid_bridge_migration_accounts}. */
    public record Series(String state, String accountType, String province) {
    }

    private MigrationGauges() {
    }

    public static Map<Series, Long> accounts(List<AccountRow> rows) {
        Map<Series, Long> series = new LinkedHashMap<>();
        for (AccountRow row : rows) {
            String state = row.linked() ? LINKED : row.cccdVerified() ? VERIFIED_NOT_LINKED : PENDING;
            series.merge(new Series(state, accountType(row.accountType()), province(row.cccdPrefix())), row.count(),
                    Long::sum);
        }
        for (String state : STATES) {
            for (String type : accountTypes()) {
                if (series.keySet().stream().noneMatch(s -> s.state().equals(state) && s.accountType().equals(type))) {
                    series.put(new Series(state, type, NONE), 0L);
                }
            }
        }
        return series;
    }

    /** Open conflicts by province; {@value #NONE} 0 when there are none. */
    public static Map<String, Long> conflicts(List<PrefixRow> rows) {
        Map<String, Long> byProvince = new TreeMap<>();
        for (PrefixRow row : rows) {
            byProvince.merge(province(row.cccdPrefix()), row.count(), Long::sum);
        }
        byProvince.putIfAbsent(NONE, 0L);
        return byProvince;
    }

    /**
     * Legacy rows never imported, by type: the legacy rows of a type minus the imported accounts of that type (never
     * below 0). By type only: a legacy row and its imported account may hold different numbers.
     */
    public static Map<String, Long> notImported(List<LegacyRow> legacy, List<AccountRow> imported) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (String type : accountTypes()) {
            byType.put(type, 0L);
        }
        for (LegacyRow row : legacy) {
            byType.merge(accountType(row.accountType()), row.count(), Long::sum);
        }
        for (AccountRow row : imported) {
            byType.merge(accountType(row.accountType()), -row.count(), Long::sum);
        }
        byType.replaceAll((type, count) -> Math.max(0, count));
        return byType;
    }

    static List<String> accountTypes() {
        List<String> types = new java.util.ArrayList<>();
        for (LegacyAccountType type : LegacyAccountType.values()) {
            types.add(type.name().toLowerCase(Locale.ROOT));
        }
        types.add(UNKNOWN);
        return types;
    }

    static String accountType(String value) {
        return LegacyAccountType.fromCode(value).map(type -> type.name().toLowerCase(Locale.ROOT)).orElse(UNKNOWN);
    }

    static String province(String prefix) {
        return prefix != null && Province.byCode(prefix).isPresent() ? prefix : NONE;
    }
}
