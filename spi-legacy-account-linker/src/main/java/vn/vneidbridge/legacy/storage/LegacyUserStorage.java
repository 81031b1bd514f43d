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
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/** What other parts of VNeID Bridge may ask of, or do through, the realm's legacy user storage. */
public final class LegacyUserStorage {

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

    /** Whether, during this request, the legacy portal database did not answer. */
    public static boolean databaseUnavailable(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(LegacyUserStorageProvider.UNAVAILABLE_NOTE));
    }

    private static java.util.stream.Stream<ComponentModel> providers(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(component -> LegacyUserStorageProviderFactory.PROVIDER_ID.equals(component.getProviderId()))
                .filter(component -> new UserStorageProviderModel(component).isEnabled());
    }

    /** A legacy account and the provider it came from. */
    public record LegacyAccountRef(ComponentModel component, LegacyAccount account) {
    }
}
