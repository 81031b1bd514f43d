package vn.vneidbridge.operations.outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorageProviderFactory;

/**
 * Which portals a citizen is related to, so that a portal's link webhook hears only of its own citizens:
 * <ul>
 * <li>recorded in the admin-only attribute {@value UserAttributes#VNEID_BRIDGE_PORTALS}: every portal the citizen
 * logged in through (Keycloak's {@code LOGIN} event), and every portal an operator
 * assigned (admin API {@code /vneid-bridge/users/{id}/portals/{clientId}});</li>
 * <li>the portal that issued the citizen's legacy account: the setting {@value LinkWebhooks#OWNER_CONFIG_KEY} of
 * the legacy provider the account was imported from.</li>
 * </ul>
 * The attribute holds only client ids of confidential clients of the realm (the only ones a webhook can sign for):
 * at most one value per such client, and the ids of clients removed since are dropped at the next change.
 */
public final class PortalRelations {

    /** The client scope whose holders may receive identity data (the verified id number) in link events. */
    public static final String IDENTITY_SCOPE = "vneid-identity";

    private PortalRelations() {
    }

    /** Whether the client id names a confidential client of the realm — a portal that can have a webhook. */
    public static boolean isPortal(RealmModel realm, String clientId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        return client != null && !client.isPublicClient() && !client.isBearerOnly();
    }

    /** The portals recorded for the user (logged in through, or assigned), in the order they were added. */
    public static List<String> recorded(UserModel user) {
        return user.getAttributeStream(UserAttributes.VNEID_BRIDGE_PORTALS).filter(v -> v != null && !v.isBlank())
                .distinct().toList();
    }

    /**
     * Records that the user is related to the portal; true when the attribute changed. Nothing is recorded for a
     * client that is not a portal of the realm.
     */
    public static boolean add(RealmModel realm, UserModel user, String clientId) {
        List<String> recorded = recorded(user);
        if (!isPortal(realm, clientId) || recorded.contains(clientId)) {
            return false;
        }
        List<String> kept = new ArrayList<>(recorded.stream().filter(id -> isPortal(realm, id)).toList());
        kept.add(clientId);
        user.setAttribute(UserAttributes.VNEID_BRIDGE_PORTALS, kept);
        return true;
    }

    /** Takes the portal off the user's recorded portals; true when it was there. */
    public static boolean remove(UserModel user, String clientId) {
        List<String> recorded = recorded(user);
        if (!recorded.contains(clientId)) {
            return false;
        }
        List<String> kept = recorded.stream().filter(id -> !id.equals(clientId)).toList();
        if (kept.isEmpty()) {
            user.removeAttribute(UserAttributes.VNEID_BRIDGE_PORTALS);
        } else {
            user.setAttribute(UserAttributes.VNEID_BRIDGE_PORTALS, kept);
        }
        return true;
    }

    /** The portal that issued the user's legacy account: the owner set on the legacy provider it came from. */
    public static Optional<String> legacyDatabaseOwner(RealmModel realm, UserModel user) {
        String link = user.getFederationLink();
        ComponentModel provider = link == null ? null : realm.getComponent(link);
        if (provider == null || !LegacyUserStorageProviderFactory.PROVIDER_ID.equals(provider.getProviderId())) {
            return Optional.empty();
        }
        return LinkWebhooks.owner(provider);
    }

    /** Every portal the user is related to now. */
    static Set<String> of(RealmModel realm, UserModel user) {
        Set<String> related = new LinkedHashSet<>(recorded(user));
        legacyDatabaseOwner(realm, user).ifPresent(related::add);
        return related;
    }

    /** Whether the client has the identity scope among its default or optional client scopes. */
    static boolean entitledToIdentity(ClientModel client) {
        return client != null && (client.getClientScopes(true).containsKey(IDENTITY_SCOPE)
                || client.getClientScopes(false).containsKey(IDENTITY_SCOPE));
    }
}
