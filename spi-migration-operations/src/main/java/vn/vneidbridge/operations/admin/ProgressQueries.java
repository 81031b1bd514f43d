package vn.vneidbridge.operations.admin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.metrics.BridgeMetrics;
import vn.vneidbridge.legacy.storage.LegacyUserStorageProviderFactory;
import vn.vneidbridge.operations.metrics.MigrationGauges;
import vn.vneidbridge.operations.metrics.OperationsMetrics;
import vn.vneidbridge.operations.review.ReviewEntryEntity;

/**
 * The aggregate queries behind {@link MigrationProgress}: GROUP BY in the database, a few rows back, never
 * the accounts themselves. Keycloak's side over its user, attribute and federated identity tables; the
 * legacy side over each legacy unit of the realm, in a read transaction of its own with a timeout.
 */
final class ProgressQueries {

    private static final Logger LOG = Logger.getLogger(ProgressQueries.class);
    private static final String DEFAULT_UNIT = "vneid-legacy";
    private static final int LEGACY_TIMEOUT_MILLIS = 60_000;

    private static final String KEYCLOAK_COUNTS = "select t.value, substring(c.value, 1, 3), count(u),"
            + " sum(case when v.value = 'true' then 1 else 0 end),"
            + " sum(case when f.identityProvider is not null then 1 else 0 end)"
            + " from UserEntity u"
            + " join UserAttributeEntity a on a.user = u and a.name = :legacyId"
            + " left join UserAttributeEntity t on t.user = u and t.name = :type"
            + " left join UserAttributeEntity c on c.user = u and c.name = :cccd"
            + " left join UserAttributeEntity v on v.user = u and v.name = :verified"
            + " left join FederatedIdentityEntity f on f.user = u and f.identityProvider = :idp"
            + " where u.realmId = :realmId"
            + " group by t.value, substring(c.value, 1, 3)";
    private static final String VNEID_ONLY = "select substring(c.value, 1, 3), count(u)"
            + " from UserEntity u"
            + " join FederatedIdentityEntity f on f.user = u and f.identityProvider = :idp"
            + " left join UserAttributeEntity c on c.user = u and c.name = :cccd"
            + " where u.realmId = :realmId and not exists (select a from UserAttributeEntity a"
            + " where a.user = u and a.name = :legacyId)"
            + " group by substring(c.value, 1, 3)";
    private static final String ACCOUNT_STATES = "select t.value, substring(c.value, 1, 3),"
            + " case when v.value = 'true' then true else false end,"
            + " case when f.identityProvider is not null then true else false end, count(u)"
            + " from UserEntity u"
            + " join UserAttributeEntity a on a.user = u and a.name = :legacyId"
            + " left join UserAttributeEntity t on t.user = u and t.name = :type"
            + " left join UserAttributeEntity c on c.user = u and c.name = :cccd"
            + " left join UserAttributeEntity v on v.user = u and v.name = :verified"
            + " left join FederatedIdentityEntity f on f.user = u and f.identityProvider = :idp"
            + " where u.realmId = :realmId"
            + " group by t.value, substring(c.value, 1, 3), case when v.value = 'true' then true else false end,"
            + " case when f.identityProvider is not null then true else false end";
    private static final String LEGACY_COUNTS = "select a.accountType, substring(a.cccd, 1, 3), count(a)"
            + " from LegacyAccountEntity a group by a.accountType, substring(a.cccd, 1, 3)";

    private ProgressQueries() {
    }

    /** One of the queries over imported accounts, with the attribute names, the VNeID alias and the realm bound. */
    private static TypedQuery<Object[]> accountQuery(EntityManager em, String jpql, RealmModel realm,
                                                     String identityProvider) {
        return em.createQuery(jpql, Object[].class)
                .setParameter("legacyId", UserAttributes.LEGACY_ACCOUNT_ID)
                .setParameter("type", UserAttributes.LEGACY_ACCOUNT_TYPE)
                .setParameter("cccd", UserAttributes.CCCD)
                .setParameter("verified", UserAttributes.CCCD_VERIFIED)
                .setParameter("idp", identityProvider)
                .setParameter("realmId", realm.getId());
    }

    static java.util.Map<String, Object> progress(KeycloakSession session, RealmModel realm, String identityProvider) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<MigrationProgress.KeycloakCount> keycloak = new ArrayList<>();
        for (Object[] row : accountQuery(em, KEYCLOAK_COUNTS, realm, identityProvider).getResultList()) {
            keycloak.add(new MigrationProgress.KeycloakCount((String) row[0], (String) row[1], number(row[2]),
                    number(row[3]), number(row[4])));
        }
        List<MigrationProgress.ProvinceCount> vneidOnly = new ArrayList<>();
        for (Object[] row : em.createQuery(VNEID_ONLY, Object[].class)
                .setParameter("idp", identityProvider)
                .setParameter("cccd", UserAttributes.CCCD)
                .setParameter("legacyId", UserAttributes.LEGACY_ACCOUNT_ID)
                .setParameter("realmId", realm.getId()).getResultList()) {
            vneidOnly.add(new MigrationProgress.ProvinceCount((String) row[0], number(row[1])));
        }
        List<MigrationProgress.ProvinceCount> conflicts = new ArrayList<>();
        for (Object[] row : em.createNamedQuery(ReviewEntryEntity.OPEN_BY_PROVINCE, Object[].class)
                .setParameter("realmId", realm.getId()).getResultList()) {
            conflicts.add(new MigrationProgress.ProvinceCount((String) row[0], number(row[1])));
        }
        return MigrationProgress.of(legacy(session, realm), keycloak, vneidOnly, conflicts);
    }

    /**
     * The realm's progress for the gauges ({@link MigrationGauges}): imported accounts by type, CCCD province and
     * state; open conflicts by province; legacy rows never imported by type (null when a legacy database did not
     * answer). Each legacy database's answer, when the realm has one, is told to {@link BridgeMetrics}.
     */
    static OperationsMetrics.RealmProgress gauges(KeycloakSession session, RealmModel realm, String identityProvider) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<MigrationGauges.AccountRow> accounts = new ArrayList<>();
        for (Object[] row : accountQuery(em, ACCOUNT_STATES, realm, identityProvider).getResultList()) {
            accounts.add(new MigrationGauges.AccountRow((String) row[0], (String) row[1], Boolean.TRUE.equals(row[2]),
                    Boolean.TRUE.equals(row[3]), number(row[4])));
        }
        List<MigrationGauges.PrefixRow> conflicts = new ArrayList<>();
        for (Object[] row : em.createNamedQuery(ReviewEntryEntity.OPEN_BY_PROVINCE, Object[].class)
                .setParameter("realmId", realm.getId()).getResultList()) {
            conflicts.add(new MigrationGauges.PrefixRow((String) row[0], number(row[1])));
        }
        List<MigrationGauges.LegacyRow> legacyRows = null;
        List<MigrationProgress.LegacyCount> legacy = legacy(session, realm);
        if (legacy != null) {
            legacyRows = legacy.stream().map(c -> new MigrationGauges.LegacyRow(c.accountType(), c.rows())).toList();
        }
        if (!legacyUnits(realm).isEmpty()) {
            BridgeMetrics.legacyDatabase(legacy != null);
        }
        return new OperationsMetrics.RealmProgress(realm.getName(), MigrationGauges.accounts(accounts),
                MigrationGauges.conflicts(conflicts),
                legacyRows == null ? null : MigrationGauges.notImported(legacyRows, accounts));
    }

    /** Whether the realm has an enabled legacy user storage (a realm whose migration the gauges follow). */
    static boolean hasLegacyStorage(RealmModel realm) {
        return !legacyUnits(realm).isEmpty();
    }

    /** The persistence units of the realm's enabled legacy user storages. */
    private static Set<String> legacyUnits(RealmModel realm) {
        Set<String> units = new LinkedHashSet<>();
        realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> LegacyUserStorageProviderFactory.PROVIDER_ID.equals(c.getProviderId()))
                .filter(c -> new UserStorageProviderModel(c).isEnabled())
                .forEach(c -> {
                    String unit = c.get("persistenceUnit");
                    units.add(unit == null || unit.isBlank() ? DEFAULT_UNIT : unit.trim());
                });
        return units;
    }

    /** The legacy rows by type and province, or null when a legacy database does not answer. */
    private static List<MigrationProgress.LegacyCount> legacy(KeycloakSession session, RealmModel realm) {
        Set<String> units = legacyUnits(realm);
        List<MigrationProgress.LegacyCount> counts = new ArrayList<>();
        try {
            for (String unit : units) {
                counts.addAll(KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                    EntityManager em = s.getProvider(JpaConnectionProvider.class, unit).getEntityManager();
                    List<MigrationProgress.LegacyCount> rows = new ArrayList<>();
                    for (Object[] row : em.createQuery(LEGACY_COUNTS, Object[].class)
                            .setHint("jakarta.persistence.query.timeout", LEGACY_TIMEOUT_MILLIS).getResultList()) {
                        rows.add(new MigrationProgress.LegacyCount((String) row[0], (String) row[1], number(row[2])));
                    }
                    return rows;
                }));
            }
            return counts;
        } catch (RuntimeException e) {
            LOG.debugf(e, "legacy database did not answer the progress query in realm %s", realm.getName());
            return null;
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
