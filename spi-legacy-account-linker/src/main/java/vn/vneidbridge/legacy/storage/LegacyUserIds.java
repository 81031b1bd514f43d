package vn.vneidbridge.legacy.storage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.keycloak.models.RealmModel;

/**
 * The Keycloak user id of an imported legacy account: derived from the realm and the legacy id alone, so the
 * account gets the same id (the same {@code sub} for every portal) even if an operator has to import it again.
 */
final class LegacyUserIds {

    private LegacyUserIds() {
    }

    static String userId(RealmModel realm, String legacyId) {
        return userId(realm.getId(), legacyId);
    }

    static String userId(String realmId, String legacyId) {
        return UUID.nameUUIDFromBytes(("vneid-bridge/legacy-account/" + realmId + "/" + legacyId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
