package vn.vneidbridge.operations.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.metrics.BridgeMetrics;

/**
 * Turns a VNeID link into one outbox row per related portal with a webhook ({@link LinkEventRecipients},
 * {@link PortalRelations}), in the transaction of the request that linked, and counts links, conflicts and refusals.
 * Every successful {@code LOGIN} records its portal as related to the user (the code exchange that follows is the
 * same user and portal: not looked at again).
 * <p>
 * Keycloak reports one link in more than one event: the first-broker-login authenticator's
 * {@code FEDERATED_IDENTITY_LINK} (before the link is stored) and the broker's own afterwards; a link made
 * with {@code kc_action=idp_link} ends in {@code CUSTOM_REQUIRED_ACTION} ({@code idp_link}); an operator's
 * review ends in {@code FEDERATED_IDENTITY_LINK} ({@code link_method=review}). So the stored link is the
 * truth: an event counts only when the user has a VNeID link, and its id — derived from realm, user, VNeID
 * subject and {@code vneid_linked_at} — is written once. An unlink ({@code REMOVE_FEDERATED_IDENTITY} of VNeID,
 * from the identity page) is delivered the same way as {@value LinkEventPayload#UNLINKED}.
 */
final class LinkWebhookEventListener implements EventListenerProvider {

    static final String LINK_METHOD = "link_method";
    private static final String METHOD_NOTE = "vneid.bridge.link.method";
    private static final String VNEID = VneidProvider.ALIAS;
    private static final Logger LOG = Logger.getLogger(LinkWebhookEventListener.class);
    private static final Map<String, String> REFUSALS = Map.of(
            "vneid_link_admin_refused", "administrator",
            "user_disabled", "account_disabled",
            "generic_authentication_error", "legacy_database_unavailable",
            "population_registry_unavailable", "population_registry_unavailable",
            "vneid_link_not_matched", "registry_mismatch",
            "invalid_user_credentials", "wrong_password",
            "user_temporarily_disabled", "wrong_password",
            "invalid_user", "invalid_id_number");

    private final KeycloakSession session;

    LinkWebhookEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        String provider = event.getDetails() == null ? null : event.getDetails().get(Details.IDENTITY_PROVIDER);
        if (event.getError() != null) {
            countRefusal(event, provider);
            return;
        }
        if (event.getType() == EventType.LOGIN && event.getUserId() != null && event.getClientId() != null) {
            loggedIn(event);
            return;
        }
        if (event.getType() == EventType.REMOVE_FEDERATED_IDENTITY && VNEID.equals(provider)
                && event.getUserId() != null) {
            unlinked(event);
            return;
        }
        String method = linkMethod(event, provider);
        if (method == null || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        FederatedIdentityModel link = user == null ? null : session.users().getFederatedIdentity(realm, user, VNEID);
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (link == null) {
            // the authenticator speaks before the broker stores the link (in a later request of the same login):
            // remember how it was made
            if (authSession != null) {
                authSession.setAuthNote(METHOD_NOTE, method);
            }
            return;
        }
        String noted = authSession == null ? null : authSession.getAuthNote(METHOD_NOTE);
        if (noted != null && "first_login".equals(method)) {
            method = noted;
        }
        String linkedAt = user.getFirstAttribute(UserAttributes.VNEID_LINKED_AT);
        if (linkedAt == null) {
            linkedAt = Instant.now().toString();
            user.setSingleAttribute(UserAttributes.VNEID_LINKED_AT, linkedAt);
        }
        String eventId = LinkEventPayload.eventId(realm.getId(), user.getId(), link.getUserId(), linkedAt);
        LinkOutbox outbox = new LinkOutbox(session);
        if (outbox.contains(realm.getId(), eventId) || Boolean.TRUE.equals(session.getAttribute(eventId))) {
            return;
        }
        session.setAttribute(eventId, Boolean.TRUE);
        BridgeMetrics.link(method);
        boolean verified = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
        LinkEventPayload payload = new LinkEventPayload(eventId, realm.getName(), user.getId(),
                user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_ID),
                user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE),
                verified ? user.getFirstAttribute(UserAttributes.CCCD) : null, linkedAt,
                Instant.ofEpochMilli(event.getTime()));
        int portals = queue(outbox, realm, user, event, payload);
        LOG.debugf("link event %s (%s) queued for %d portal(s) in realm %s", eventId, method, portals, realm.getName());
    }

    /** One outbox row per related portal for an unlink, unless the account is linked (again) already. */
    private void unlinked(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user == null || session.users().getFederatedIdentity(realm, user, VNEID) != null) {
            return;
        }
        String eventId = LinkEventPayload.eventId(realm.getId(), user.getId(), LinkEventPayload.UNLINKED,
                event.getId() == null ? String.valueOf(event.getTime()) : event.getId());
        LinkOutbox outbox = new LinkOutbox(session);
        if (outbox.contains(realm.getId(), eventId)) {
            return;
        }
        boolean verified = "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
        LinkEventPayload payload = new LinkEventPayload(eventId, LinkEventPayload.UNLINKED, realm.getName(),
                user.getId(), user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_ID),
                user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE),
                verified ? user.getFirstAttribute(UserAttributes.CCCD) : null, null,
                Instant.ofEpochMilli(event.getTime()));
        int portals = queue(outbox, realm, user, event, payload);
        LOG.debugf("unlink event %s queued for %d portal(s) in realm %s", eventId, portals, realm.getName());
    }

    /**
     * One outbox row per portal with a webhook that is related to the user now — the portal of the current login
     * (whose link or unlink this is) included —, each body addressed to its portal and carrying the number only
     * when that portal is entitled to identity data. Answers the number of rows.
     */
    private int queue(LinkOutbox outbox, RealmModel realm, UserModel user, Event event, LinkEventPayload payload) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        String current = authSession != null && authSession.getClient() != null
                ? authSession.getClient().getClientId() : event.getClientId();
        PortalRelations.add(realm, user, current);
        List<String> webhookClients = LinkWebhooks.of(session, realm).stream().map(LinkWebhooks.Webhook::clientId)
                .toList();
        Set<String> entitled = webhookClients.stream()
                .filter(clientId -> PortalRelations.entitledToIdentity(realm.getClientByClientId(clientId)))
                .collect(Collectors.toSet());
        List<LinkEventRecipients.Recipient> recipients = LinkEventRecipients.of(webhookClients,
                PortalRelations.of(realm, user), entitled);
        long now = Time.currentTimeMillis();
        for (LinkEventRecipients.Recipient recipient : recipients) {
            outbox.add(realm.getId(), payload.id(), recipient.clientId(), user.getId(),
                    payload.toJson(recipient.clientId(), recipient.identity()), now);
        }
        return recipients.size();
    }

    /** Records the portal of a successful login as related to the user. */
    private void loggedIn(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (user != null && PortalRelations.add(realm, user, event.getClientId())) {
            LOG.debugf("user %s related to portal %s in realm %s", user.getId(), event.getClientId(), realm.getName());
        }
    }

    /** How the event says a VNeID link was made, or null when it is not about one. */
    private static String linkMethod(Event event, String provider) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        if (event.getType() == EventType.FEDERATED_IDENTITY_LINK && VNEID.equals(provider)) {
            return details.getOrDefault(LINK_METHOD, "first_login");
        }
        if (event.getType() == EventType.CUSTOM_REQUIRED_ACTION
                && "idp_link".equals(details.get(Details.CUSTOM_REQUIRED_ACTION))) {
            return "idp_link";
        }
        return null;
    }

    private static void countRefusal(Event event, String provider) {
        if ("vneid_link_conflict".equals(event.getError())) {
            BridgeMetrics.conflict();
        } else if (VNEID.equals(provider) && event.getType() == EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR) {
            BridgeMetrics.refusal(REFUSALS.getOrDefault(event.getError(), "other"));
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
