package vn.vneidbridge.operations.console;

import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The operators' pages at {@code /realms/{realm}/vneid-operations/} ({@link ConsolePage}), and their roles
 * ({@link OperationsRoles}): created in every realm once Keycloak's database is migrated at start-up, and in each
 * realm created or imported afterwards.
 */
public final class ConsolePageProviderFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-operations";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new ConsolePage(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                KeycloakModelUtils.runJobInTransaction(migrated.getFactory(),
                        session -> session.realms().getRealmsStream().forEach(OperationsRoles::ensure));
            } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
                OperationsRoles.ensure(created.getCreatedRealm());
            }
        });
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", String.valueOf(getClass().getPackage().getImplementationVersion()),
                "client", ConsolePage.CLIENT_ID, "roles", OperationsRoles.READER + ", " + OperationsRoles.RESOLVER);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
