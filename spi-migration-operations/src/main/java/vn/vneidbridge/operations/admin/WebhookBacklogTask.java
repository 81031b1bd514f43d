package vn.vneidbridge.operations.admin;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;
import vn.vneidbridge.operations.metrics.OperationsMetrics;
import vn.vneidbridge.operations.outbox.LinkOutbox;

/** Recomputes the webhook backlog gauges from the outbox (one aggregate query), on every node. */
final class WebhookBacklogTask implements ScheduledTask {

    static final String TASK_NAME = "vneid-webhook-backlog-metrics";
    private static final Logger LOG = Logger.getLogger(WebhookBacklogTask.class);

    @Override
    public void run(KeycloakSession session) {
        try {
            LinkOutbox.Backlog backlog = LinkOutbox.backlog(session);
            Long oldest = backlog.oldestPendingCreatedAt();
            OperationsMetrics.webhookBacklog(backlog.pending(), backlog.failed(),
                    oldest == null ? 0 : (Time.currentTimeMillis() - oldest) / 1000);
        } catch (RuntimeException e) {
            LOG.debugf(e, "webhook backlog gauges not refreshed");
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
