package vn.vneidbridge.vneid;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import vn.vneidbridge.core.broker.VneidProvider;

/**
 * Checks a {@code vneid} identity provider again, as vneid, when an update of it was checked as another type.
 *
 * <p>Keycloak's admin REST checks a provider's settings with the factory of the provider id named in the request's
 * body ({@code RepresentationToModel.toModel}), but the store keeps the stored provider id
 * ({@code JpaIdentityProviderStorageProvider.update}): {@code "providerId":"oidc"} in the body of
 * {@code PUT /admin/realms/{realm}/identity-provider/instances/vneid} saves the vneid provider's settings checked
 * only as OIDC's (link webhooks, signature validation in PRODUCTION, ...). The store publishes
 * {@link RealmModel.IdentityProviderUpdatedEvent} in the same transaction, after it wrote, with the model as sent:
 * when that names another provider id than the stored one, vneid, this check reads the provider as stored then and
 * validates it with {@link VneidIdentityProviderConfig#validate}; a refusal marks the transaction rollback-only and
 * is thrown out of the update, so the request fails, nothing of it is committed and the admin API answers 400 with
 * the refusal's message.
 *
 * <p>An update that names vneid was validated as vneid already (the admin console's save), or comes from code that
 * writes the stored provider back (Keycloak's own migrations, the start-up move of the link webhooks, which applies
 * the same rules first): it is not checked again, so a provider stored before a rule existed does not stop them.
 *
 * <p>Keycloak 26.7 publishes no event when a provider is created; one created with another provider id is of that
 * type, and its link webhooks are not read (only a provider of type vneid's are).
 */
final class VneidStoredConfigCheck {

    private VneidStoredConfigCheck() {
    }

    /** The listener registered by {@link VneidIdentityProviderFactory#postInit}. */
    static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.IdentityProviderUpdatedEvent updated) {
            check(updated.getKeycloakSession(), updated.getRealm(), updated.getUpdatedIdentityProvider());
        }
    }

    /**
     * Validates the provider as now stored, when it is a vneid provider updated with another provider id.
     *
     * @throws IllegalArgumentException with a readable message when it is not valid
     */
    static void check(KeycloakSession session, RealmModel realm, IdentityProviderModel updated) {
        if (updated == null || updated.getInternalId() == null
                || VneidProvider.PROVIDER_ID.equals(updated.getProviderId())) {
            return;
        }
        IdentityProviderModel stored = session.identityProviders().getById(updated.getInternalId());
        if (stored == null || !VneidProvider.PROVIDER_ID.equals(stored.getProviderId())) {
            return;
        }
        try {
            // a copy: validate stores the derived issuer in the configuration it checks
            new VneidIdentityProviderConfig(stored).validate(realm);
        } catch (IllegalArgumentException refused) {
            // written already: whoever catches the refusal, none of it is committed
            session.getTransactionManager().setRollbackOnly();
            throw refused;
        }
    }
}
