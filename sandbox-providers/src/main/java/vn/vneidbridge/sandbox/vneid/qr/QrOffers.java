package vn.vneidbridge.sandbox.vneid.qr;

import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Issues the QR a login page shows, and the next one when it is about to expire. */
final class QrOffers {

    /** What the page shows: the QR (image and URL) and the handle only this page knows. */
    record Offer(String handle, String url, String image, long expiresIn) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final QrLoginStore store;

    QrOffers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new QrLoginStore(session, realm);
    }

    static long now() {
        return System.currentTimeMillis() / 1000L;
    }

    /**
     * A new QR, valid {@code validitySeconds}, for a page of the authentication session {@code rootId}/{@code tabId}
     * of client {@code clientId}.
     */
    Offer issue(String rootId, String tabId, String clientId, int validitySeconds) {
        return issue(QrLoginStore.randomToken(32), rootId, tabId, clientId, validitySeconds);
    }

    /** The next QR of an existing page (same handle, same binding, same validity); the old token is forgotten. */
    Offer renew(String handle, QrPage page) {
        store.forget(page.token());
        return issue(handle, page.rootId(), page.tabId(), page.clientId(), page.validitySeconds());
    }

    private Offer issue(String handle, String rootId, String tabId, String clientId, int validitySeconds) {
        long now = now();
        long expiresAt = now + validitySeconds;
        String token = QrLoginStore.randomToken(16);
        store.save(token, QrLogin.pending(rootId, tabId, handle, clientId, expiresAt, QrLoginStore.randomToken(32)),
                now);
        store.save(handle, new QrPage(token, rootId, tabId, clientId, expiresAt, validitySeconds), now);
        String url = appUrl(token).toString();
        return new Offer(handle, url, QrCodeImage.pngDataUri(url), validitySeconds);
    }

    URI appUrl(String token) {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(VneidAppResourceProviderFactory.PROVIDER_ID).path("qr").path(token).build();
    }

    URI statusUrl(String handle) {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(VneidAppResourceProviderFactory.PROVIDER_ID).path("qr-status").path(handle).build();
    }

    URI renewUrl(String handle) {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(VneidAppResourceProviderFactory.PROVIDER_ID).path("qr-renew").path(handle).build();
    }
}
