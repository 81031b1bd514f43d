package vn.vneidbridge.legacy.username;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The key of {@link VneidUsernames} in a realm: the secret of the realm's active HS512 key (the
 * {@code hmac-generated} key provider every realm has, Realm settings → Keys). Keycloak never shows it through the
 * admin API. Rotating that key changes the username only of users created afterwards; stored usernames stay.
 */
public final class RealmUsernameKey {

    private RealmUsernameKey() {
    }

    public static VneidUsernames usernames(KeycloakSession session, RealmModel realm) {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("realm " + realm.getName() + " has no active HS512 key for VNeID usernames");
        }
        return new VneidUsernames(key.getSecretKey().getEncoded());
    }
}
