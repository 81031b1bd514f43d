package vn.vneidbridge.legacy.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderFactory;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.legacy.metrics.BridgeMetrics;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyAccountType;

/**
 * User federation provider "vneid-legacy-accounts": legacy portal accounts from the operator's database,
 * reached through a named datasource ({@code db-kind-vneid-legacy}, {@code db-url-full-vneid-legacy}).
 */
public final class LegacyUserStorageProviderFactory
        implements UserStorageProviderFactory<LegacyUserStorageProvider>, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-legacy-accounts";
    /** Setting: the client id of the portal that issued the accounts of this legacy database. */
    public static final String OWNER_CLIENT = "legacyDatabaseOwnerClient";
    private static final int MAX_QUERY_TIMEOUT_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(LegacyUserStorageProviderFactory.class);

    @Override
    public LegacyUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        LegacyUserStorageConfig config = new LegacyUserStorageConfig(model);
        return new LegacyUserStorageProvider(session, model, new LegacyAccountStore(
                session.getKeycloakSessionFactory(), config.persistenceUnit(), config.queryTimeoutMillis()));
    }

    /** The linking's meters, registered at zero here so they do not wait for the operations module. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BridgeMetrics.register();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Legacy portal accounts (VNeID Bridge): log in with the old portal password; the account is "
                + "imported on its first successful login and keeps its identity.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return LegacyUserStorageConfigProperties.ALL;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        String unit = model.get(LegacyUserStorageConfigProperties.PERSISTENCE_UNIT);
        if (unit != null && !unit.isBlank() && session.getProvider(JpaConnectionProvider.class, unit.trim()) == null) {
            throw new ComponentValidationException("vneidLegacyUnknownPersistenceUnit", unit.trim());
        }
        String timeout = model.get(LegacyUserStorageConfigProperties.QUERY_TIMEOUT_MILLIS);
        if (timeout != null && !timeout.isBlank()) {
            int millis;
            try {
                millis = Integer.parseInt(timeout.trim());
            } catch (NumberFormatException e) {
                throw new ComponentValidationException("vneidLegacyInvalidQueryTimeout", timeout);
            }
            if (millis < 100 || millis > MAX_QUERY_TIMEOUT_MILLIS) {
                throw new ComponentValidationException("vneidLegacyInvalidQueryTimeout", timeout);
            }
        }
        String dummyCost = model.get(LegacyUserStorageConfigProperties.DUMMY_HASH_COST);
        if (dummyCost != null && !dummyCost.isBlank() && LegacyUserStorageConfig.parseDummyHashCost(dummyCost) == null) {
            throw new ComponentValidationException("vneidLegacyInvalidDummyHashCost", dummyCost);
        }
        for (String value : model.getConfig().getOrDefault(LegacyUserStorageConfigProperties.ACCOUNT_TYPES, List.of())) {
            for (String part : value.split("##|,")) {
                if (!part.isBlank() && LegacyAccountType.fromCode(part).isEmpty()) {
                    throw new ComponentValidationException("vneidLegacyInvalidAccountType", part);
                }
            }
        }
        String owner = model.get(OWNER_CLIENT);
        if (owner != null && !owner.isBlank()) {
            ClientModel client = realm.getClientByClientId(owner.trim());
            if (client == null || client.isPublicClient() || client.isBearerOnly()) {
                throw new ComponentValidationException("vneidLegacyOwnerUnknownClient", owner.trim());
            }
        }
        checkLinkWebhooks(realm, model);
    }

    /**
     * The link webhooks were kept here before: what is left from then is moved to the vneid identity provider at
     * start-up, and what that provider would refuse is put aside in {@value LinkWebhookSetting#REFUSED_KEY}, which
     * nothing reads. Both may stay as they are or lose entries, and an entry may go from the live setting to the
     * refused one (the move does that), but none is added, changed or brought back to life here, and no new provider
     * holds any — also not one a realm import creates from an older version's export, whose webhooks go to the vneid
     * identity provider's setting instead (docs/operators.md). The store calls this before it writes (JPA
     * RealmAdapter.updateComponent and importComponentModel), on its own realm adapter, so realm.getComponent is
     * still the stored provider; both settings stay declared, or the admin REST would not pass them here
     * (LegacyUserStorageConfigProperties). Kept means among the entries stored on this legacy provider (a component of
     * another type turned into one holds none), each stored value read on its own
     * ({@link LinkWebhookSetting#entries(java.util.Collection)}), as the start-up move and older versions read them.
     */
    private static void checkLinkWebhooks(RealmModel realm, ComponentModel model) throws ComponentValidationException {
        List<String> webhooks = LinkWebhookSetting.entries(model.getConfig().get(LinkWebhookSetting.KEY));
        List<String> refused = LinkWebhookSetting.entries(model.getConfig().get(LinkWebhookSetting.REFUSED_KEY));
        if (webhooks.isEmpty() && refused.isEmpty()) {
            return;
        }
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        if (stored != null && !(PROVIDER_ID.equals(stored.getProviderId())
                && UserStorageProvider.class.getName().equals(stored.getProviderType()))) {
            // a component of another type turned into this one (the admin REST PUT may change both): what it holds
            // was never a legacy provider's webhook, so it is refused as a new provider's would be
            stored = null;
        }
        if (stored == null) {
            LOG.warnf("the new legacy accounts provider %s holds link webhooks (an export of an older version?): refused;"
                    + " move them to the setting linkWebhooks of the identity provider vneid", model.getName());
            throw new ComponentValidationException("vneidLinkWebhooksMovedNewProvider");
        }
        List<String> storedWebhooks = LinkWebhookSetting.entries(stored.getConfig().get(LinkWebhookSetting.KEY));
        List<String> storedRefused = new ArrayList<>(
                LinkWebhookSetting.entries(stored.getConfig().get(LinkWebhookSetting.REFUSED_KEY)));
        storedRefused.addAll(storedWebhooks);
        if (!storedWebhooks.containsAll(webhooks) || !storedRefused.containsAll(refused)) {
            throw new ComponentValidationException("vneidLinkWebhooksMoved");
        }
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", String.valueOf(getClass().getPackage().getImplementationVersion()));
    }
}
