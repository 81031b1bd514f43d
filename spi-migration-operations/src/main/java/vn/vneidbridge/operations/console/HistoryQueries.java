package vn.vneidbridge.operations.console;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * The daily counts behind {@link History}: GROUP BY day in Keycloak's database, a row per day back, never the
 * accounts. Legacy accounts linked per day ({@code vneid_linked_at}, an ISO instant: its first ten characters are
 * the UTC day), verified per day ({@code cccd_verified_at} of accounts still verified), and review entries opened per
 * day (their creation, milliseconds: divided by a day's).
 */
final class HistoryQueries {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final String BY_DAY = "select substring(d.value, 1, 10), count(u) from UserEntity u"
            + " join UserAttributeEntity a on a.user = u and a.name = :legacyId"
            + " join UserAttributeEntity d on d.user = u and d.name = :dateAttribute"
            + " where u.realmId = :realmId group by substring(d.value, 1, 10)";
    private static final String VERIFIED_BY_DAY = "select substring(d.value, 1, 10), count(u) from UserEntity u"
            + " join UserAttributeEntity a on a.user = u and a.name = :legacyId"
            + " join UserAttributeEntity v on v.user = u and v.name = :verified and v.value = 'true'"
            + " join UserAttributeEntity d on d.user = u and d.name = :dateAttribute"
            + " where u.realmId = :realmId group by substring(d.value, 1, 10)";
    private static final String ENTRIES_BY_DAY = "select r.createdAt / " + DAY_MILLIS + ", count(r)"
            + " from ReviewEntryEntity r where r.realmId = :realmId group by r.createdAt / " + DAY_MILLIS;

    private HistoryQueries() {
    }

    static Map<String, Map<LocalDate, Long>> daily(KeycloakSession session, RealmModel realm) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Map<String, Map<LocalDate, Long>> daily = new LinkedHashMap<>();
        daily.put("linked", days(em.createQuery(BY_DAY, Object[].class)
                .setParameter("legacyId", UserAttributes.LEGACY_ACCOUNT_ID)
                .setParameter("dateAttribute", UserAttributes.VNEID_LINKED_AT)
                .setParameter("realmId", realm.getId()).getResultList()));
        daily.put("verified", days(em.createQuery(VERIFIED_BY_DAY, Object[].class)
                .setParameter("legacyId", UserAttributes.LEGACY_ACCOUNT_ID)
                .setParameter("verified", UserAttributes.CCCD_VERIFIED)
                .setParameter("dateAttribute", UserAttributes.CCCD_VERIFIED_AT)
                .setParameter("realmId", realm.getId()).getResultList()));
        Map<LocalDate, Long> entries = new TreeMap<>();
        for (Object[] row : em.createQuery(ENTRIES_BY_DAY, Object[].class)
                .setParameter("realmId", realm.getId()).getResultList()) {
            entries.merge(LocalDate.ofEpochDay(((Number) row[0]).longValue()), ((Number) row[1]).longValue(),
                    Long::sum);
        }
        daily.put("conflicts", entries);
        return daily;
    }

    private static Map<LocalDate, Long> days(java.util.List<Object[]> rows) {
        Map<LocalDate, Long> days = new TreeMap<>();
        for (Object[] row : rows) {
            try {
                days.merge(LocalDate.parse((String) row[0]), ((Number) row[1]).longValue(), Long::sum);
            } catch (DateTimeParseException | ClassCastException | NullPointerException e) {
                // a value not written by the bridge: not on the chart
            }
        }
        return days;
    }
}
