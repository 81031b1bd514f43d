package vn.vneidbridge.certificate;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/<realm>/vneid-remote-signing/}: the remote-signing waiting page's poll ({@link RemoteSigningResource}). */
public final class RemoteSigningResourceFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-remote-signing";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        RemoteSigningResource resource = new RemoteSigningResource(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
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
