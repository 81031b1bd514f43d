package vn.vneidbridge.vneid;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.vneid.partner.PartnerAesMode;
import vn.vneidbridge.vneid.partner.PartnerCipher;

/**
 * The relying party's RSA keys for VNeID's partner API, from Keycloak's own key management (Realm settings → Keys):
 * the realm's enabled keys of use {@code enc}, type RSA, algorithm {@code RSA1_5} — {@code rsa-enc-generated} with
 * algorithm RSA1_5, or {@code rsa-enc} importing a PEM. Never a PEM in the provider's configuration.
 */
final class PartnerRealmKeys {

    private PartnerRealmKeys() {
    }

    /**
     * The active RSA1_5 encryption key (the one to register with VNeID), if the realm has one: the first active key of
     * {@code getKeysStream}, which lists providers by priority. Not {@code KeyManager.getActiveKey}: when a realm has
     * no such key, that one <em>creates</em> a generated key provider, which an anonymous download must not do.
     */
    static Optional<KeyWrapper> active(KeycloakSession session, RealmModel realm) {
        return session.keys().getKeysStream(realm, KeyUse.ENC, Algorithm.RSA1_5)
                .filter(k -> k.getStatus() != null && k.getStatus().isActive())
                .filter(k -> KeyType.RSA.equals(k.getType()) && k.getPublicKey() != null)
                .findFirst();
    }

    /** The private keys to decrypt with: the active one first, then every other enabled one (rotation). */
    static List<PrivateKey> decryptionKeys(KeycloakSession session, RealmModel realm) {
        List<PrivateKey> keys = new ArrayList<>();
        Optional<KeyWrapper> active = active(session, realm);
        active.map(k -> (PrivateKey) k.getPrivateKey()).ifPresent(keys::add);
        session.keys().getKeysStream(realm, KeyUse.ENC, Algorithm.RSA1_5)
                .filter(k -> k.getStatus() != null && k.getStatus().isEnabled())
                .filter(k -> KeyType.RSA.equals(k.getType()) && k.getPrivateKey() instanceof PrivateKey)
                .filter(k -> active.isEmpty() || !k.getKid().equals(active.get().getKid()))
                .map(k -> (PrivateKey) k.getPrivateKey())
                .forEach(keys::add);
        return keys;
    }

    /** The cipher of a partner-API login, its decryptions timed ({@link PartnerDecryptionTimers}). */
    static PartnerCipher cipher(KeycloakSession session, RealmModel realm, PartnerAesMode mode) {
        return new PartnerCipher(decryptionKeys(session, realm), mode, PartnerDecryptionTimers.global());
    }
}
