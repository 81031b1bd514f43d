package vn.vneidbridge.legacy.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import vn.vneidbridge.legacy.metrics.BridgeMetrics;
import vn.vneidbridge.legacy.password.CountedHashWork;
import vn.vneidbridge.legacy.password.HashWork;
import vn.vneidbridge.legacy.password.LegacyHashWork;
import vn.vneidbridge.legacy.password.LoginHashWork;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/** What other parts of VNeID Bridge may ask of, or do through, the realm's legacy user storage. */
public final class LegacyUserStorage {

    private static final String HASH_WORK = "vneid.legacy.hash.work";
    /** At most this many legacy rows are read for one CCCD or CMND: more than one is already a conflict. */
    private static final int MAX_ROWS_PER_NUMBER = 5;

    private LegacyUserStorage() {
    }

    /**
     * The legacy accounts holding this CCCD (verified or not), through every enabled legacy provider of the
     * realm.
     *
     * @throws LegacyDatabaseUnavailableException when a legacy database does not answer: the caller must not
     *         assume "no account" then
     */
    public static List<LegacyAccountRef> accountsWithCccd(KeycloakSession session, RealmModel realm, String cccd) {
        return accounts(session, realm, store -> store.byCccd(cccd, MAX_ROWS_PER_NUMBER));
    }

    /**
     * The legacy accounts holding this old 9-digit CMND, through every enabled legacy provider of the realm.
     *
     * @throws LegacyDatabaseUnavailableException when a legacy database does not answer
     */
    public static List<LegacyAccountRef> accountsWithCmnd(KeycloakSession session, RealmModel realm, String cmnd) {
        return accounts(session, realm, store -> store.byCmnd(cmnd, MAX_ROWS_PER_NUMBER));
    }

    /**
     * The legacy accounts whose optional {@code tax_code} column holds this tax code, through every enabled legacy
     * provider of the realm; none from a view without the column.
     *
     * @throws LegacyDatabaseUnavailableException when a legacy database does not answer
     */
    public static List<LegacyAccountRef> accountsWithTaxCode(KeycloakSession session, RealmModel realm,
                                                             String taxCode) {
        return accounts(session, realm, store -> store.byTaxCode(taxCode, MAX_ROWS_PER_NUMBER));
    }

    private static List<LegacyAccountRef> accounts(KeycloakSession session, RealmModel realm,
                                                   Function<LegacyAccountStore, List<LegacyAccount>> query) {
        List<LegacyAccountRef> found = new ArrayList<>();
        providers(realm).forEach(component -> {
            LegacyUserStorageConfig config = new LegacyUserStorageConfig(component);
            for (LegacyAccount account : query.apply(new LegacyAccountStore(session.getKeycloakSessionFactory(),
                    config.persistenceUnit(), config.queryTimeoutMillis()))) {
                if (config.accountTypes().contains(account.type())) {
                    found.add(new LegacyAccountRef(component, account));
                }
            }
        });
        return found;
    }

    /** The Keycloak user of a legacy account, importing it first if it is still only a legacy row. */
    public static UserModel importedUser(KeycloakSession session, RealmModel realm, LegacyAccountRef ref) {
        return new LegacyAccountImporter(session, ref.component()).importAccount(realm, ref.account());
    }

    /** The id the Keycloak user of this legacy account has (or will have once imported). */
    public static String userId(RealmModel realm, LegacyAccountRef ref) {
        return LegacyUserIds.userId(realm, ref.account().legacyId());
    }

    /**
     * Starts the hash work of one password check of the portal-account form (see {@link LoginHashWork}): the legacy
     * storage checks the row's password through it, and the form tells it how the check ended. Close it when the
     * check is over.
     *
     * @param realmPolicyHash one hash at the realm's password policy (the form passes Keycloak's own dummy hash)
     */
    public static PasswordCheck passwordCheck(KeycloakSession session, RealmModel realm, Runnable realmPolicyHash) {
        int dummyCost = providers(realm).mapToInt(component -> new LegacyUserStorageConfig(component).dummyHashCost())
                .max().orElse(LegacyHashWork.DEFAULT_DUMMY_COST);
        LoginHashWork work = new LoginHashWork(countedHashWork(realmPolicyHash, dummyCost));
        session.setAttribute(HASH_WORK, work);
        return new PasswordCheck(session, work);
    }

    /** The hash work of the password check under way, or one of its own for a check outside the form. */
    static LoginHashWork hashWork(KeycloakSession session, ComponentModel component) {
        LoginHashWork current = session.getAttribute(HASH_WORK, LoginHashWork.class);
        return current != null ? current : new LoginHashWork(countedHashWork(() -> {
            throw new IllegalStateException("a realm-policy hash is done by the login form only");
        }, new LegacyUserStorageConfig(component).dummyHashCost()));
    }

    private static HashWork countedHashWork(Runnable realmPolicyHash, int dummyCost) {
        return new CountedHashWork(new LegacyHashWork(realmPolicyHash, dummyCost), BridgeMetrics::passwordHashWork);
    }

    /** Whether, during this request, the legacy portal database did not answer. */
    public static boolean databaseUnavailable(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(LegacyUserStorageProvider.UNAVAILABLE_NOTE));
    }

    private static java.util.stream.Stream<ComponentModel> providers(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(component -> LegacyUserStorageProviderFactory.PROVIDER_ID.equals(component.getProviderId()))
                .filter(component -> new UserStorageProviderModel(component).isEnabled());
    }

    /** The realm's enabled legacy user storages (their components), in the realm's order. */
    public static List<ComponentModel> enabledProviders(RealmModel realm) {
        return providers(realm).toList();
    }

    /** The reader of this legacy user storage's database (its persistence unit and query timeout). */
    public static LegacyAccountStore store(KeycloakSession session, ComponentModel component) {
        LegacyUserStorageConfig config = new LegacyUserStorageConfig(component);
        return new LegacyAccountStore(session.getKeycloakSessionFactory(), config.persistenceUnit(),
                config.queryTimeoutMillis());
    }

    /** The account types this legacy user storage serves (codes of {@code LegacyAccountType}). */
    public static java.util.Set<String> accountTypes(ComponentModel component) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        new LegacyUserStorageConfig(component).accountTypes().forEach(type -> codes.add(type.name()));
        return codes;
    }

    /** The Keycloak user id a legacy account has once imported (its fixed id). */
    public static String userId(String realmId, String legacyId) {
        return LegacyUserIds.userId(realmId, legacyId);
    }

    /** The hash work of one password check of the form, registered on the session until closed. */
    public static final class PasswordCheck implements AutoCloseable {

        private final KeycloakSession session;
        private final LoginHashWork work;

        private PasswordCheck(KeycloakSession session, LoginHashWork work) {
            this.session = session;
            this.work = work;
        }

        public LoginHashWork work() {
            return work;
        }

        @Override
        public void close() {
            session.removeAttribute(HASH_WORK);
        }
    }

    /** A legacy account and the provider it came from. */
    public record LegacyAccountRef(ComponentModel component, LegacyAccount account) {
    }
}
