package vn.vneidbridge.legacy.storage;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.legacy.password.LegacyHashWork;
import vn.vneidbridge.legacy.store.LegacyAccountType;

/** The settings an operator sees in the admin console (User federation → Legacy portal accounts). */
final class LegacyUserStorageConfigProperties {

    static final String PERSISTENCE_UNIT = "persistenceUnit";
    static final String ACCOUNT_TYPES = "accountTypes";
    static final String ACCEPT_WEAK_HASHES = "acceptWeakHashes";
    static final String QUERY_TIMEOUT_MILLIS = "queryTimeoutMillis";
    static final String DUMMY_HASH_COST = "dummyHashCost";

    static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property()
            .name(PERSISTENCE_UNIT)
            .label("vneidLegacyPersistenceUnit")
            .helpText("vneidLegacyPersistenceUnitHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(LegacyUserStorageConfig.DEFAULT_PERSISTENCE_UNIT)
            .required(true)
            .add()
            .property()
            .name(ACCOUNT_TYPES)
            .label("vneidLegacyAccountTypes")
            .helpText("vneidLegacyAccountTypesHelp")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options(java.util.Arrays.stream(LegacyAccountType.values()).map(Enum::name).toList())
            .defaultValue(String.join("##", java.util.Arrays.stream(LegacyAccountType.values()).map(Enum::name).toList()))
            .add()
            .property()
            .name(ACCEPT_WEAK_HASHES)
            .label("vneidLegacyAcceptWeakHashes")
            .helpText("vneidLegacyAcceptWeakHashesHelp")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true")
            .add()
            .property()
            .name(QUERY_TIMEOUT_MILLIS)
            .label("vneidLegacyQueryTimeout")
            .helpText("vneidLegacyQueryTimeoutHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(LegacyUserStorageConfig.DEFAULT_QUERY_TIMEOUT_MILLIS))
            .add()
            .property()
            .name(DUMMY_HASH_COST)
            .label("vneidLegacyDummyHashCost")
            .helpText("vneidLegacyDummyHashCostHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(LegacyHashWork.DEFAULT_DUMMY_COST))
            .add()
            .property()
            .name(LegacyUserStorageProviderFactory.OWNER_CLIENT)
            .label("vneidLegacyDatabaseOwnerClient")
            .helpText("vneidLegacyDatabaseOwnerClientHelp")
            .type(ProviderConfigProperty.CLIENT_LIST_TYPE)
            .add()
            // both kept declared although the webhooks are the vneid identity provider's setting now: Keycloak's admin REST
            // (RepresentationToModel.updateComponent) skips a key the provider does not declare, and every key after
            // it, so an undeclared one would be saved as nothing instead of refused by validateConfiguration
            .property()
            .name(LinkWebhookSetting.KEY)
            .label("vneidLinkWebhooksLeftover")
            .helpText("vneidLinkWebhooksLeftoverHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .property()
            .name(LinkWebhookSetting.REFUSED_KEY)
            .label("vneidLinkWebhooksRefused")
            .helpText("vneidLinkWebhooksRefusedHelp")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .add()
            .build();

    private LegacyUserStorageConfigProperties() {
    }
}
