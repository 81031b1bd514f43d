package vn.vneidbridge.sandbox.vneid.qr;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class VneidAppResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    VneidAppResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new VneidAppResource(session);
    }

    @Override
    public void close() {
    }
}
