package vn.vneidbridge.legacy.storage;

import org.keycloak.models.KeycloakSession;

/** What other parts of VNeID Bridge may ask the legacy user storage about the current request. */
public final class LegacyUserStorage {

    private LegacyUserStorage() {
    }

    /** Whether, during this request, the legacy portal database did not answer. */
    public static boolean databaseUnavailable(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(LegacyUserStorageProvider.UNAVAILABLE_NOTE));
    }
}
