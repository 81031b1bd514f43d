package vn.vneidbridge.legacy.storage;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/** What other parts of VNeID Bridge may ask the legacy user storage about the current request. */
public final class LegacyUserStorage {

    private LegacyUserStorage() {
    }

    /**
     * Whether a legacy account (imported or not) holds this CCCD, looked up through every enabled legacy
     * provider of the realm.
     *
     * @throws LegacyDatabaseUnavailableException when a legacy database does not answer: the caller must not
     *         assume "no account" then
     */
    public static boolean hasLegacyAccountWithCccd(KeycloakSession session, RealmModel realm, String cccd) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(component -> LegacyUserStorageProviderFactory.PROVIDER_ID.equals(component.getProviderId()))
                .filter(component -> new UserStorageProviderModel(component).isEnabled())
                .anyMatch(component -> {
                    LegacyUserStorageConfig config = new LegacyUserStorageConfig(component);
                    return !new LegacyAccountStore(session.getKeycloakSessionFactory(), config.persistenceUnit(),
                            config.queryTimeoutMillis()).byCccd(cccd, 1).isEmpty();
                });
    }

    /** Whether, during this request, the legacy portal database did not answer. */
    public static boolean databaseUnavailable(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(LegacyUserStorageProvider.UNAVAILABLE_NOTE));
    }
}
