package vn.vneidbridge.operations.outbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;
import vn.vneidbridge.operations.metrics.OperationsMetrics;

/**
 * Sends the due link events, run by Keycloak's timer through a cluster-aware runner (one node at a time).
 * Three steps, so no database transaction is open while a portal answers: claim a bounded batch (each row
 * reserved for a lease) in a short transaction; POST each one with connect and read timeouts through the
 * {@link WebhookClient} (no redirects; a host that is or resolves to a non-public address is refused unless the
 * server allows it); record the outcomes in another short transaction — delivered on 2xx, else the next attempt
 * after the back-off, or FAILED after the last attempt (still listed for operators).
 */
final class OutboxDeliveryTask implements ScheduledTask, AutoCloseable {

    static final String TASK_NAME = "vneid-link-outbox";
    static final String EVENT_ID_HEADER = "X-VNeID-Bridge-Event-Id";
    static final String DELIVERY_ID_HEADER = "X-VNeID-Bridge-Delivery-Id";
    private static final Logger LOG = Logger.getLogger(OutboxDeliveryTask.class);

    private final OutboxSettings settings;
    private WebhookClient client;

    OutboxDeliveryTask(OutboxSettings settings) {
        this.settings = settings;
    }

    /** The delivery client, built the first time with the session's truststore. */
    private synchronized WebhookClient client(KeycloakSession session) {
        if (client == null) {
            client = WebhookClient.create(session, settings);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debugf(e, "webhook client not closed cleanly");
            }
            client = null;
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        List<Delivery> claimed = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                this::claim);
        if (claimed.isEmpty()) {
            return;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Delivery delivery : claimed) {
            outcomes.add(delivery.url() == null ? new Outcome(delivery, false, "no webhook configured for the client")
                    : send(session, delivery));
        }
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> record(s, outcomes));
    }

    private List<Delivery> claim(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        LinkOutbox outbox = new LinkOutbox(session);
        List<Delivery> claimed = new ArrayList<>();
        for (LinkOutboxEntity row : outbox.due(now, settings.batchSize())) {
            row.setNextAttemptAt(now + settings.leaseMillis());
            RealmModel realm = session.realms().getRealm(row.getRealmId());
            Optional<LinkWebhooks.Webhook> webhook = realm == null ? Optional.empty()
                    : LinkWebhooks.forClient(session, realm, row.getClientId());
            ClientModel client = realm == null ? null : realm.getClientByClientId(row.getClientId());
            String secret = client == null ? null : client.getSecret();
            claimed.add(new Delivery(row.getId(), row.getEventId(), row.getClientId(), row.getPayload(),
                    webhook.isPresent() && secret != null ? webhook.get().url().toString() : null, secret));
        }
        return claimed;
    }

    private Outcome send(KeycloakSession session, Delivery delivery) {
        String signature = WebhookSignature.header(delivery.secret(), Time.currentTime(), delivery.payload());
        try (SimpleHttpResponse response = client(session).post(delivery.url())
                .header(WebhookSignature.HEADER, signature)
                .header(EVENT_ID_HEADER, delivery.eventId())
                .header(DELIVERY_ID_HEADER, delivery.id())
                .entity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON))
                .asResponse()) {
            int status = response.getStatus();
            return status >= 200 && status < 300 ? new Outcome(delivery, true, null)
                    : new Outcome(delivery, false, "HTTP " + status);
        } catch (WebhookAddresses.Refused refused) {
            LOG.warnf("link event delivery %s to client %s not sent: %s (server option allow-private-addresses is off)",
                    delivery.id(), delivery.clientId(), refused.getMessage());
            return new Outcome(delivery, false, refused.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(delivery, false, e.getClass().getSimpleName());
        }
    }

    private void record(KeycloakSession session, List<Outcome> outcomes) {
        LinkOutbox outbox = new LinkOutbox(session);
        long now = Time.currentTimeMillis();
        for (Outcome outcome : outcomes) {
            LinkOutboxEntity row = outbox.find(outcome.delivery().id());
            if (row == null || !LinkOutboxEntity.PENDING.equals(row.getStatus())) {
                continue;
            }
            row.setAttempts(row.getAttempts() + 1);
            if (outcome.delivered()) {
                row.setStatus(LinkOutboxEntity.DELIVERED);
                row.setDeliveredAt(now);
                row.setLastError(null);
                OperationsMetrics.delivery("delivered");
                LOG.debugf("link event delivery %s to client %s delivered", row.getId(), row.getClientId());
            } else if (row.getAttempts() >= settings.maxAttempts()) {
                row.setStatus(LinkOutboxEntity.FAILED);
                row.setLastError(limited(outcome.error()));
                OperationsMetrics.delivery("failed");
                LOG.warnf("link event delivery %s to client %s given up after %d attempts (%s)", row.getId(),
                        row.getClientId(), row.getAttempts(), outcome.error());
            } else {
                row.setNextAttemptAt(now + settings.backoffMillis(row.getAttempts()));
                row.setLastError(limited(outcome.error()));
                OperationsMetrics.delivery("retry");
                LOG.debugf("link event delivery %s to client %s failed (%s), attempt %d", row.getId(),
                        row.getClientId(), outcome.error(), row.getAttempts());
            }
        }
    }

    /** At most the column's 255 characters. */
    private static String limited(String error) {
        return error == null || error.length() <= 255 ? error : error.substring(0, 254) + "…";
    }

    private record Delivery(String id, String eventId, String clientId, String payload, String url, String secret) {
    }

    private record Outcome(Delivery delivery, boolean delivered, String error) {
    }
}
