package vn.vneidbridge.operations.admin;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.operations.metrics.OperationsMetrics;

/**
 * Recomputes the migration progress gauges of every realm with a legacy user storage, on every node (each from the
 * shared database: no cluster lock needed, and every node's {@code /metrics} has them). When a query fails the last
 * values stay and {@code vneid_bridge_migration_refreshed_timestamp_seconds} is not moved, which an alert sees.
 */
final class MigrationMetricsTask implements ScheduledTask {

    static final String TASK_NAME = "vneid-migration-metrics";
    private static final String IDENTITY_PROVIDER = VneidProvider.ALIAS;
    private static final Logger LOG = Logger.getLogger(MigrationMetricsTask.class);

    @Override
    public void run(KeycloakSession session) {
        try {
            List<OperationsMetrics.RealmProgress> realms = session.realms().getRealmsStream()
                    .filter(ProgressQueries::hasLegacyStorage)
                    .map(realm -> ProgressQueries.gauges(session, realm, IDENTITY_PROVIDER)).toList();
            OperationsMetrics.migration(realms, Time.currentTime());
        } catch (RuntimeException e) {
            LOG.warnf("migration progress gauges not refreshed (%s); the last values stay", e.getClass().getSimpleName());
            LOG.debug("migration progress gauges not refreshed", e);
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
