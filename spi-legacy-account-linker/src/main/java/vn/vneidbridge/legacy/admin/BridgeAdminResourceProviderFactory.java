package vn.vneidbridge.legacy.admin;

import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.timer.TimerProvider;

/**
 * The operators' admin API at {@code /admin/realms/{realm}/vneid-bridge}, and the refreshes of the bridge's
 * gauges on {@code /metrics} (server options {@link MetricsSettings}).
 */
public final class BridgeAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-bridge";
    private static final Logger LOG = Logger.getLogger(BridgeAdminResourceProviderFactory.class);

    private MetricsSettings settings = MetricsSettings.DEFAULTS;

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
        settings = MetricsSettings.from(config);
    }

    /** Once Keycloak's database is migrated, the gauges' refreshes on this node's timer (not cluster-aware). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                schedule(migrated.getFactory());
            }
        });
    }

    private void schedule(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer == null) {
                LOG.warn("no timer provider: the migration progress and webhook backlog gauges stay empty");
                return;
            }
            if (settings.progressSeconds() > 0) {
                timer.scheduleTask(new MigrationMetricsTask(), MetricsSettings.firstRunMillis(settings.progressSeconds()),
                        settings.progressSeconds() * 1000L, MigrationMetricsTask.TASK_NAME);
            }
            if (settings.backlogSeconds() > 0) {
                timer.scheduleTask(new WebhookBacklogTask(), MetricsSettings.firstRunMillis(settings.backlogSeconds()),
                        settings.backlogSeconds() * 1000L, WebhookBacklogTask.TASK_NAME);
            }
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return MetricsSettings.METADATA;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", String.valueOf(getClass().getPackage().getImplementationVersion()),
                "metrics-refresh-seconds", String.valueOf(settings.progressSeconds()),
                "backlog-refresh-seconds", String.valueOf(settings.backlogSeconds()));
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
