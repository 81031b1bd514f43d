package vn.vneidbridge.core.broker;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The portals' link webhooks: the setting {@value #KEY} of the VNeID identity provider ({@link VneidProvider#ALIAS}),
 * one entry per portal, {@code "<client id> <URL>"}, kept in the provider's configuration as one value joined by
 * {@code ##} (as the admin console stores a multivalued setting of an identity provider). The module that delivers
 * them checks them before they are saved: its event listener factory {@value #LISTENER_ID} is a {@link Check}.
 */
public final class LinkWebhookSetting {

    /** The key of the setting, on the identity provider (and, before, on the legacy accounts provider). */
    public static final String KEY = "linkWebhooks";
    /** The event listener that delivers link events, and checks this setting. */
    public static final String LISTENER_ID = "vneid-link-webhook";

    private LinkWebhookSetting() {
    }

    /** What the delivering module checks before the setting is saved. */
    public interface Check {

        /**
         * Refuses entries that cannot be used.
         *
         * @throws IllegalArgumentException with a readable message, shown by the admin console
         */
        void check(KeycloakSession session, RealmModel realm, List<String> entries);
    }

    /** The entries of a stored value: split at {@code ##}, trimmed, blanks left out; none for null. */
    public static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        if (value != null) {
            for (String part : value.split("##")) {
                if (!part.isBlank()) {
                    entries.add(part.trim());
                }
            }
        }
        return entries;
    }

    /**
     * Checks the entries with the deployed delivering module, in the request that saves them. Nothing is checked
     * when there are none, outside a Keycloak request, or without that module (nothing is then delivered either).
     *
     * @throws IllegalArgumentException when an entry cannot be used
     */
    public static void check(RealmModel realm, List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (session == null) {
            return;
        }
        ProviderFactory<EventListenerProvider> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(EventListenerProvider.class, LISTENER_ID);
        if (factory instanceof Check check) {
            check.check(session, realm, entries);
        }
    }
}
