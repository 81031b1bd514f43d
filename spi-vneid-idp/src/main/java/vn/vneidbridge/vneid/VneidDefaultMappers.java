package vn.vneidbridge.vneid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderMapperSyncMode;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;

/**
 * The mappers every {@code vneid} identity provider gets, created when the provider is created or its
 * configuration saved, or its realm imported ({@link VneidDefaultMappersListenerFactory}). Idempotent by
 * name: a mapper that exists, whatever its settings, is left alone; one that was deleted comes back at the
 * next save (to stop the attribute sync, set its sync mode to {@code IMPORT} instead of deleting it).
 */
final class VneidDefaultMappers {

    /** Name of the {@code vneid-identity-mapper} every provider gets. */
    static final String IDENTITY_MAPPER_NAME = "vneid-identity";

    private static final Logger LOG = Logger.getLogger(VneidDefaultMappers.class);

    private VneidDefaultMappers() {
    }

    /** The default mappers of the provider {@code alias}. */
    static List<IdentityProviderMapperModel> definitions(String alias) {
        IdentityProviderMapperModel identity = new IdentityProviderMapperModel();
        identity.setName(IDENTITY_MAPPER_NAME);
        identity.setIdentityProviderAlias(alias);
        identity.setIdentityProviderMapper(VneidIdentityMapper.PROVIDER_ID);
        Map<String, String> config = new HashMap<>();
        config.put(IdentityProviderMapperModel.SYNC_MODE, IdentityProviderMapperSyncMode.FORCE.name());
        identity.setConfig(config);
        return List.of(identity);
    }

    /** Creates the missing default mappers of every {@code vneid} provider of {@code realm}. */
    static void ensureAll(KeycloakSession session, RealmModel realm) {
        inRealm(session, realm, () -> session.identityProviders().getAllStream(IdentityProviderQuery.userAuthentication())
                .filter(VneidDefaultMappers::isVneid)
                .map(IdentityProviderModel::getAlias)
                .toList()
                .forEach(alias -> ensure(session.identityProviders(), alias)));
    }

    /** Creates the missing default mappers of {@code provider}, if it is a {@code vneid} provider. */
    static void ensure(KeycloakSession session, RealmModel realm, IdentityProviderModel provider) {
        if (isVneid(provider)) {
            inRealm(session, realm, () -> ensure(session.identityProviders(), provider.getAlias()));
        }
    }

    /**
     * Creates those of {@link #definitions} that {@code alias} does not have by name.
     *
     * @return the number created
     */
    static int ensure(IdentityProviderStorageProvider providers, String alias) {
        int created = 0;
        for (IdentityProviderMapperModel mapper : definitions(alias)) {
            if (providers.getMapperByName(alias, mapper.getName()) == null) {
                try {
                    providers.createMapper(mapper);
                    created++;
                    LOG.infof("Created the default mapper %s of identity provider %s", mapper.getName(), alias);
                } catch (ModelDuplicateException e) {
                    LOG.debugf("Default mapper %s of identity provider %s created concurrently", mapper.getName(), alias);
                }
            }
        }
        return created;
    }

    private static boolean isVneid(IdentityProviderModel provider) {
        return provider != null && VneidIdentityProviderFactory.PROVIDER_ID.equals(provider.getProviderId());
    }

    /** Runs {@code action} with {@code realm} as the session's realm, which the storage providers use. */
    private static void inRealm(KeycloakSession session, RealmModel realm, Runnable action) {
        RealmModel previous = session.getContext().getRealm();
        boolean switchRealm = realm != null && (previous == null || !previous.getId().equals(realm.getId()));
        if (switchRealm) {
            session.getContext().setRealm(realm);
        }
        try {
            action.run();
        } finally {
            if (switchRealm) {
                session.getContext().setRealm(previous);
            }
        }
    }
}
