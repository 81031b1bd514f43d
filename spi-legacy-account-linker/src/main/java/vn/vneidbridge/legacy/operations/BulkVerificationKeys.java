package vn.vneidbridge.legacy.operations;

import java.util.Optional;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The keys of {@link BulkVerificationBinding} in a realm: the realm's HS512 keys (the {@code hmac-generated} key
 * provider every realm has, Realm settings → Keys), whose secrets the admin API never shows. A digest is made with the
 * active key and stored with its key id; it is checked with that same key while the realm still has it. A key removed
 * since leaves the result unusable (never applied), which is the safe way round.
 */
public final class BulkVerificationKeys {

    /** A key: its id (stored beside the digest) and its secret. */
    public record Key(String id, byte[] secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private BulkVerificationKeys() {
    }

    /** The realm's active HS512 key, if it has one. */
    public static Optional<Key> active(KeycloakSession session, RealmModel realm) {
        return usable(session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512));
    }

    /** The realm's HS512 key with this id, if it still has it. */
    public static Optional<Key> byId(KeycloakSession session, RealmModel realm, String keyId) {
        return keyId == null ? Optional.empty()
                : usable(session.keys().getKey(realm, keyId, KeyUse.SIG, Algorithm.HS512));
    }

    private static Optional<Key> usable(KeyWrapper key) {
        if (key == null || key.getSecretKey() == null || key.getKid() == null) {
            return Optional.empty();
        }
        byte[] secret = key.getSecretKey().getEncoded();
        return secret == null || secret.length < 16 ? Optional.empty() : Optional.of(new Key(key.getKid(), secret));
    }
}
