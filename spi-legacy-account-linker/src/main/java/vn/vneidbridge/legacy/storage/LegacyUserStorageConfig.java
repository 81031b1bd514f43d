package vn.vneidbridge.legacy.storage;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keycloak.component.ComponentModel;
import vn.vneidbridge.legacy.password.LegacyHashWork;
import vn.vneidbridge.legacy.store.LegacyAccountType;

/**
 * Typed, null-safe view of the provider's settings; a setting never entered has its default, so a
 * provider added with no configuration at all still works.
 */
final class LegacyUserStorageConfig {

    static final String DEFAULT_PERSISTENCE_UNIT = "vneid-legacy";
    static final int DEFAULT_QUERY_TIMEOUT_MILLIS = 3000;

    private final ComponentModel model;

    LegacyUserStorageConfig(ComponentModel model) {
        this.model = model;
    }

    /** The JPA unit (and named datasource) of the legacy database. */
    String persistenceUnit() {
        String value = model.get(LegacyUserStorageConfigProperties.PERSISTENCE_UNIT);
        return value == null || value.isBlank() ? DEFAULT_PERSISTENCE_UNIT : value.trim();
    }

    /** The account types this provider lets log in; all of them when none is chosen. */
    Set<LegacyAccountType> accountTypes() {
        List<String> values = model.getConfig().getOrDefault(LegacyUserStorageConfigProperties.ACCOUNT_TYPES, List.of());
        EnumSet<LegacyAccountType> types = EnumSet.noneOf(LegacyAccountType.class);
        for (String value : values) {
            for (String part : value.split("##|,")) {
                LegacyAccountType.fromCode(part).ifPresent(types::add);
            }
        }
        return types.isEmpty() ? EnumSet.allOf(LegacyAccountType.class) : types;
    }

    /** Whether unsalted MD5 hashes may still log in (each such login is flagged). */
    boolean acceptWeakHashes() {
        return model.get(LegacyUserStorageConfigProperties.ACCEPT_WEAK_HASHES, true);
    }

    /**
     * The bcrypt cost of the dummy hash that stands in for a slow legacy hash on a failed login (see
     * {@code LoginHashWork}); the default when unset or outside {@value LegacyHashWork#MIN_DUMMY_COST} to
     * {@value LegacyHashWork#MAX_DUMMY_COST}.
     */
    int dummyHashCost() {
        Integer cost = parseDummyHashCost(model.get(LegacyUserStorageConfigProperties.DUMMY_HASH_COST));
        return cost == null ? LegacyHashWork.DEFAULT_DUMMY_COST : cost;
    }

    /** The cost written, or null when it is not a number from the lowest to the highest cost allowed. */
    static Integer parseDummyHashCost(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int cost = Integer.parseInt(value.trim());
            return cost >= LegacyHashWork.MIN_DUMMY_COST && cost <= LegacyHashWork.MAX_DUMMY_COST ? cost : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    int queryTimeoutMillis() {
        String value = model.get(LegacyUserStorageConfigProperties.QUERY_TIMEOUT_MILLIS);
        try {
            int timeout = value == null ? DEFAULT_QUERY_TIMEOUT_MILLIS : Integer.parseInt(value.trim());
            return timeout > 0 ? timeout : DEFAULT_QUERY_TIMEOUT_MILLIS;
        } catch (NumberFormatException e) {
            return DEFAULT_QUERY_TIMEOUT_MILLIS;
        }
    }
}
