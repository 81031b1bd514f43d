package vn.vneidbridge.legacy.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** The operators' admin API at {@code /admin/realms/{realm}/vneid-bridge}. */
public final class BridgeAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-bridge";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, org.keycloak.models.RealmModel realm,
                                      org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator auth,
                                      org.keycloak.services.resources.admin.AdminEventBuilder adminEvent) {
                return new BridgeAdminResource(s, realm, auth, adminEvent);
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
