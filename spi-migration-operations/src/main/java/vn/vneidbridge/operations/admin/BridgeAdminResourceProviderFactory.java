package vn.vneidbridge.operations.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.timer.ScheduledTask;
import vn.vneidbridge.operations.bulk.BulkVerificationScheduler;

/**
 * The operators' admin API at {@code /admin/realms/{realm}/vneid-bridge}, the refreshes of the bridge's
 * gauges on {@code /metrics} (server options {@link MetricsSettings}), and this node's work on the bulk
 * pre-verification jobs.
 */
public final class BridgeAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "vneid-bridge";
    private static final Logger LOG = Logger.getLogger(BridgeAdminResourceProviderFactory.class);

    private MetricsSettings settings = MetricsSettings.DEFAULTS;
    private ScheduledExecutorService executor;
    private BulkVerificationScheduler bulkJobs;

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

    /**
     * Once Keycloak's database is migrated, the gauges' refreshes on this node, on a thread of their own (not
     * Keycloak's timer, whose single thread a slow legacy database would hold up) and not cluster-aware: every
     * node's {@code /metrics} has the gauges, each computed from the shared database.
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                schedule(migrated.getFactory());
                startBulkJobs(migrated.getFactory());
            }
        });
    }

    /** This node's share of the bulk pre-verification jobs ({@link BulkVerificationScheduler}). */
    private synchronized void startBulkJobs(KeycloakSessionFactory factory) {
        if (bulkJobs == null) {
            bulkJobs = BulkVerificationScheduler.start(factory);
        }
    }

    private synchronized void schedule(KeycloakSessionFactory factory) {
        if (executor != null || (settings.progressSeconds() == 0 && settings.backlogSeconds() == 0)) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vneid-bridge-metrics");
            thread.setDaemon(true);
            return thread;
        });
        every(factory, settings.progressSeconds(), new MigrationMetricsTask());
        every(factory, settings.backlogSeconds(), new WebhookBacklogTask());
    }

    private void every(KeycloakSessionFactory factory, int seconds, ScheduledTask task) {
        if (seconds == 0) {
            return;
        }
        executor.scheduleWithFixedDelay(() -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, task::run);
            } catch (RuntimeException e) {
                // never let one failure end the schedule
                LOG.debugf(e, "%s failed", task.getTaskName());
            }
        }, MetricsSettings.firstRunMillis(seconds), seconds * 1000L, TimeUnit.MILLISECONDS);
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
    public synchronized void close() {
        if (bulkJobs != null) {
            bulkJobs.close();
            bulkJobs = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
