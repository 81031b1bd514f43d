package vn.vneidbridge.legacy.store;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which legacy rows a scan reads: rows holding a CCCD or a CMND, of these account types (codes of
 * {@link LegacyAccountType}; empty = all), whose CCCD starts with one of these province codes (empty = all; a row
 * without a CCCD has no province and is left out by a province filter), created in these dates (inclusive; the
 * contract's optional column {@code created_at}). The JPQL is built here, with named parameters only.
 */
public record LegacyAccountFilter(Set<String> provinces, Set<String> accountTypes, Optional<LocalDate> createdFrom,
                                  Optional<LocalDate> createdTo) {

    public LegacyAccountFilter {
        provinces = Set.copyOf(new TreeSet<>(provinces));
        accountTypes = Set.copyOf(new TreeSet<>(accountTypes));
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
    }

    public static LegacyAccountFilter all() {
        return new LegacyAccountFilter(Set.of(), Set.of(), Optional.empty(), Optional.empty());
    }

    /** A query text and its parameters. */
    record Query(String jpql, Map<String, Object> parameters) {
    }

    /** The rows after {@code afterKey} in key order: a keyset page. */
    Query page(String afterKey) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", afterKey == null ? "" : afterKey);
        return new Query("select a from LegacyAccountEntity a where a.legacyId > :after" + conditions(parameters)
                + " order by a.legacyId", parameters);
    }

    /** How many rows the filter covers. */
    Query count() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        return new Query("select count(a) from LegacyAccountEntity a where 1 = 1" + conditions(parameters),
                parameters);
    }

    private String conditions(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" and (a.cccd is not null or a.cmnd is not null)");
        if (!accountTypes.isEmpty()) {
            where.append(" and upper(trim(a.accountType)) in :types");
            parameters.put("types", accountTypes);
        }
        if (!provinces.isEmpty()) {
            where.append(" and substring(a.cccd, 1, 3) in :provinces");
            parameters.put("provinces", provinces);
        }
        if (createdFrom.isPresent() || createdTo.isPresent()) {
            where.append(" and exists (select c from LegacyAccountCreation c where c.legacyId = a.legacyId");
            createdFrom.ifPresent(from -> {
                where.append(" and c.createdAt >= :createdFrom");
                parameters.put("createdFrom", from.atStartOfDay());
            });
            createdTo.ifPresent(to -> {
                where.append(" and c.createdAt < :createdBefore");
                parameters.put("createdBefore", to.plusDays(1).atStartOfDay());
            });
            where.append(')');
        }
        return where.toString();
    }
}
