package vn.vneidbridge.vneid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Refuses a realm created with a {@code ${DVC_...}} placeholder left in it ({@link UnresolvedPlaceholders}): on
 * Keycloak's {@code RealmPostCreateEvent} (an import at start-up, {@code kc.sh import}, a realm created through the
 * admin API) it throws, so the import's transaction rolls back and no realm runs with a secret or URL that is the
 * placeholder's text. Looks at what the production realm file fills from variables: client secrets, URLs, redirect
 * URIs and attributes, identity-provider settings, authenticator settings, component settings, realm attributes.
 * Before that, outside the admin realm, it refuses a realm while a {@code DVC_...} variable of Keycloak's environment
 * is set but empty or would change the file's JSON ({@link UnresolvedPlaceholders#unsafe}).
 */
final class UnresolvedPlaceholderGuard {

    private static final Logger LOG = Logger.getLogger(UnresolvedPlaceholderGuard.class);

    private UnresolvedPlaceholderGuard() {
    }

    static void check(KeycloakSession session, RealmModel realm) {
        check(session, realm, System.getenv());
    }

    static void check(KeycloakSession session, RealmModel realm, Map<String, String> environment) {
        if (!Config.getAdminRealm().equals(realm.getName())) {
            Set<String> unsafe = UnresolvedPlaceholders.unsafe(environment);
            if (!unsafe.isEmpty()) {
                String refusal = UnresolvedPlaceholders.unsafeRefusal(realm.getName(), unsafe);
                LOG.error(refusal);
                throw new IllegalStateException(refusal);
            }
        }
        Set<String> names = UnresolvedPlaceholders.in(inRealm(session, realm));
        if (!names.isEmpty()) {
            String refusal = UnresolvedPlaceholders.refusal(realm.getName(), names);
            LOG.error(refusal);
            throw new IllegalStateException(refusal);
        }
    }

    /**
     * The values, read with the session bound to {@code realm}: the identity providers are found through the
     * session's realm, and Keycloak creates realm master (at first start) without binding it.
     */
    private static Map<String, String> inRealm(KeycloakSession session, RealmModel realm) {
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            return values(session, realm);
        } finally {
            session.getContext().setRealm(previous);
        }
    }

    private static Map<String, String> values(KeycloakSession session, RealmModel realm) {
        Map<String, String> values = new LinkedHashMap<>();
        realm.getAttributes().forEach((key, value) -> values.put("realm attribute " + key, value));
        realm.getClientsStream().forEach(client -> {
            String where = "client " + client.getClientId() + " ";
            values.put(where + "secret", client.getSecret());
            values.put(where + "rootUrl", client.getRootUrl());
            values.put(where + "baseUrl", client.getBaseUrl());
            values.put(where + "managementUrl", client.getManagementUrl());
            client.getRedirectUris().forEach(uri -> values.put(where + "redirect URI " + uri, uri));
            client.getWebOrigins().forEach(origin -> values.put(where + "web origin " + origin, origin));
            client.getAttributes().forEach((key, value) -> values.put(where + "attribute " + key, value));
        });
        session.identityProviders().getAllStream().forEach(provider -> provider.getConfig()
                .forEach((key, value) -> values.put("identity provider " + provider.getAlias() + " " + key, value)));
        realm.getAuthenticatorConfigsStream().forEach(config -> config.getConfig()
                .forEach((key, value) -> values.put("authenticator config " + config.getAlias() + " " + key, value)));
        realm.getComponentsStream().forEach(component -> component.getConfig().forEach((key, list) -> {
            for (int i = 0; i < list.size(); i++) {
                values.put("component " + component.getName() + " " + key + " " + i, list.get(i));
            }
        }));
        return values;
    }
}
