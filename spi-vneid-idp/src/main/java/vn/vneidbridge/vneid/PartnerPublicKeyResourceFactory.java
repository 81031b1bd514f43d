package vn.vneidbridge.vneid;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/vneid-partner-api}: the relying party's public key for VNeID's partner API
 * ({@link PartnerPublicKeyResource}), to register with VNeID. Public, like the realm's JWKS.
 */
public final class PartnerPublicKeyResourceFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-partner-api";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PartnerPublicKeyResource(session);
            }

            @Override
            public void close() {
            }
        };
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
