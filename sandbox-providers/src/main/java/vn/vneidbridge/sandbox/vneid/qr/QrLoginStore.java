package vn.vneidbridge.sandbox.vneid.qr;

import java.security.SecureRandom;
import java.util.Base64;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * QR login sessions in Keycloak's {@link SingleUseObjectProvider} (Infinispan, replicated across the cluster), never
 * in a JVM map: a QR confirmed on one node is seen by the page polling another. Keys carry the realm id, so a token
 * of one realm means nothing in another. Using a QR is {@link SingleUseObjectProvider#remove}, atomic across nodes.
 */
final class QrLoginStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SingleUseObjectProvider store;
    private final String realmId;

    QrLoginStore(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realmId = realm.getId();
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    QrLogin login(String token) {
        return validToken(token) ? QrLogin.fromNotes(store.get(loginKey(token))) : null;
    }

    QrPage page(String handle) {
        return validToken(handle) ? QrPage.fromNotes(store.get(pageKey(handle))) : null;
    }

    /** Writes (or overwrites) the login under its token, kept a little past its expiry. */
    void save(String token, QrLogin login, long now) {
        store.put(loginKey(token), QrLoginDecisions.keepFor(login.expiresAt(), now), login.toNotes());
    }

    void save(String handle, QrPage page, long now) {
        store.put(pageKey(handle), QrLoginDecisions.keepFor(page.expiresAt(), now), page.toNotes());
    }

    /** Takes the login away for good; {@code null} when another request (on any node) took it first. */
    QrLogin take(String token) {
        return validToken(token) ? QrLogin.fromNotes(store.remove(loginKey(token))) : null;
    }

    void forget(String token) {
        if (validToken(token)) {
            store.remove(loginKey(token));
        }
    }

    private String loginKey(String token) {
        return "vneid-qr-login:" + realmId + ":" + token;
    }

    private String pageKey(String handle) {
        return "vneid-qr-page:" + realmId + ":" + handle;
    }

    /** Tokens and handles are base64url; anything else (or oversized) is never looked up. */
    static boolean validToken(String token) {
        return token != null && token.length() >= 16 && token.length() <= 64
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
