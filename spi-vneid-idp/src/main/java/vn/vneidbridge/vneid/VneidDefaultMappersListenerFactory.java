package vn.vneidbridge.vneid;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Creates the {@linkplain VneidDefaultMappers default mappers} of {@code vneid} identity providers at the
 * three moments Keycloak tells about:
 * <ul>
 *   <li>provider created through the admin REST API / console: the admin event {@code CREATE} of an
 *       {@code IDENTITY_PROVIDER} — Keycloak publishes no model event for a creation, hence this listener is
 *       {@linkplain #isGlobal() global} (it needs no realm configuration);</li>
 *   <li>configuration saved: the model event {@code IdentityProviderUpdatedEvent};</li>
 *   <li>realm imported (e.g. {@code --import-realm}): the model event {@code RealmPostCreateEvent}.</li>
 * </ul>
 * On {@code RealmPostCreateEvent} it also runs {@link UnresolvedPlaceholderGuard}, which refuses a realm whose
 * file left a {@code ${DVC_...}} placeholder unresolved.
 * Every other event is ignored at the cost of a type check. All run inside the request's transaction.
 */
public final class VneidDefaultMappersListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "vneid-default-mappers";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new Listener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(VneidDefaultMappersListenerFactory::onProviderEvent);
    }

    static void onProviderEvent(ProviderEvent event) {
        if (event instanceof RealmModel.IdentityProviderUpdatedEvent updated) {
            VneidDefaultMappers.ensure(updated.getKeycloakSession(), updated.getRealm(),
                    updated.getUpdatedIdentityProvider());
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            // first: a realm with a ${DVC_...} placeholder left in it is refused (rolled back), not completed
            UnresolvedPlaceholderGuard.check(created.getKeycloakSession(), created.getCreatedRealm());
            VneidDefaultMappers.ensureAll(created.getKeycloakSession(), created.getCreatedRealm());
        }
    }

    @Override
    public void close() {
    }

    private static final class Listener implements EventListenerProvider {

        private final KeycloakSession session;

        Listener(KeycloakSession session) {
            this.session = session;
        }

        @Override
        public void onEvent(Event event) {
            // user events: nothing to do
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            if (event.getOperationType() == OperationType.CREATE
                    && event.getResourceType() == ResourceType.IDENTITY_PROVIDER
                    && event.getRealmId() != null) {
                RealmModel realm = session.realms().getRealm(event.getRealmId());
                if (realm != null) {
                    VneidDefaultMappers.ensureAll(session, realm);
                }
            }
        }

        @Override
        public void close() {
        }
    }
}
