package vn.vneidbridge.sandbox.vneid.qr;

import java.util.Map;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The "VNeID app" stand-in at {@code /realms/<realm>/vneid-app/}: the page a scanned QR opens
 * ({@code qr/<token>}), and the waiting login page's status ({@code qr-status/<handle>}) and renewal
 * ({@code qr-renew/<handle>}). Sandbox only; it knows only QR sessions of its own realm.
 */
public final class VneidAppResourceProviderFactory implements RealmResourceProviderFactory,
        ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-app";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new VneidAppResourceProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        String version = Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("unknown");
        return Map.of("version", version);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
