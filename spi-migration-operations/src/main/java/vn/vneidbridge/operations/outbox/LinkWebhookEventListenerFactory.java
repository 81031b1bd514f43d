package vn.vneidbridge.operations.outbox;

import jakarta.persistence.EntityManager;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;
import vn.vneidbridge.core.broker.LinkWebhookSetting;
import vn.vneidbridge.legacy.metrics.BridgeMetrics;
import vn.vneidbridge.operations.bulk.BulkJobEntity;
import vn.vneidbridge.operations.bulk.BulkCurrentEntity;
import vn.vneidbridge.operations.bulk.BulkResultEntity;
import vn.vneidbridge.operations.metrics.OperationsMetrics;
import vn.vneidbridge.operations.review.ReviewEntryEntity;

/**
 * Event listener {@value #PROVIDER_ID}: enable it in the realm's event listeners (realm settings → Events).
 * It queues link events in the outbox and counts links, conflicts and refusals; once Keycloak's database is
 * migrated it moves link webhooks left on legacy accounts providers to the {@code vneid} identity provider
 * ({@link LinkWebhooksMove}) and schedules the outbox delivery; it checks that provider's link webhooks before they
 * are saved ({@link LinkWebhookSetting.Check}). Server options:
 * {@code --spi-events-listener--vneid-link-webhook--<option>} (see {@link OutboxSettings}).
 */
public final class LinkWebhookEventListenerFactory
        implements EventListenerProviderFactory, ServerInfoAwareProviderFactory, LinkWebhookSetting.Check {

    public static final String PROVIDER_ID = LinkWebhookSetting.LISTENER_ID;
    private static final Logger LOG = Logger.getLogger(LinkWebhookEventListenerFactory.class);

    private OutboxSettings settings = OutboxSettings.DEFAULTS;
    private OutboxDeliveryTask task;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new LinkWebhookEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        settings = OutboxSettings.from(config);
        if (settings.allowPrivateAddresses()) {
            LOG.warn("link webhooks may reach loopback and private addresses (allow-private-addresses=true):"
                    + " a setting for a sandbox, not for production");
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BridgeMetrics.register();
        OperationsMetrics.register();
        factory.register(event -> {
            if (event instanceof PostMigrationEvent migrated) {
                LinkWebhooksMove.run(migrated.getFactory(), settings.allowPrivateAddresses());
                schedule(migrated.getFactory());
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                // a removed user's account is not marked again from an old bulk result if it is imported anew
                removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager()
                        .createNamedQuery(BulkCurrentEntity.DELETE_BY_ID).setParameter("id", removed.getUser().getId())
                        .executeUpdate();
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                // a removed realm takes its pending deliveries, review entries and bulk jobs with it
                EntityManager em = removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager();
                String realmId = removed.getRealm().getId();
                em.createNamedQuery(LinkOutboxEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
                em.createNamedQuery(ReviewEntryEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
                em.createNamedQuery(BulkResultEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
                em.createNamedQuery(BulkCurrentEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
                em.createNamedQuery(BulkJobEntity.DELETE_BY_REALM).setParameter("realmId", realmId).executeUpdate();
            }
        });
    }

    private void schedule(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer == null) {
                LOG.warn("no timer provider: link events are queued but not delivered");
                return;
            }
            long interval = settings.pollSeconds() * 1000L;
            task = new OutboxDeliveryTask(settings);
            timer.schedule(new ClusterAwareScheduledTaskRunner(factory, task, interval),
                    interval, OutboxDeliveryTask.TASK_NAME);
            LOG.debugf("link outbox delivery scheduled every %d s", settings.pollSeconds());
        }
    }

    /**
     * The {@code vneid} identity provider's link webhooks, checked before they are saved ({@link LinkWebhooks#validate}
     * with this server's {@code allow-private-addresses}: format, address, one per client; whether each client exists
     * is checked where they are read); a refusal in the words of the admin messages.
     */
    @Override
    public void check(KeycloakSession session, RealmModel realm, List<String> entries) {
        try {
            LinkWebhooks.validate(entries, settings.allowPrivateAddresses());
        } catch (ComponentValidationException e) {
            throw new IllegalArgumentException(readable(session, realm, e), e);
        }
    }

    private static String readable(KeycloakSession session, RealmModel realm, ComponentValidationException e) {
        String language;
        try {
            language = session.getContext().resolveLocale(null).toLanguageTag();
        } catch (RuntimeException unresolved) {
            language = realm.getDefaultLocale() == null ? "en" : realm.getDefaultLocale();
        }
        Properties messages = AdminRoot.getMessages(session, realm, language, "admin-messages", "messages");
        return MessageFormat.format(messages.getProperty(e.getMessage(), e.getMessage()),
                e.getParameters() == null ? new Object[0] : e.getParameters());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return OutboxSettings.METADATA;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("version", String.valueOf(getClass().getPackage().getImplementationVersion()),
                "poll-seconds", String.valueOf(settings.pollSeconds()),
                "max-attempts", String.valueOf(settings.maxAttempts()),
                "allow-private-addresses", String.valueOf(settings.allowPrivateAddresses()));
    }

    @Override
    public void close() {
        if (task != null) {
            task.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
