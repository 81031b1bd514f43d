package vn.vneidbridge.operations.review;

import org.keycloak.common.ClientConnection;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * A refused resolution of a review entry as an admin event of resource type {@value #RESOURCE_TYPE}, with the
 * refusal's code as its error, stored in a transaction of its own: the attempt stays on record whatever becomes of the
 * request's transaction. The review REST and the operators' pages record theirs alike (the pages add their channel).
 */
public final class ReviewRefusalAudit {

    public static final String RESOURCE_TYPE = "VNEID_REVIEW_ENTRY";

    private ReviewRefusalAudit() {
    }

    /**
     * @param action  what was asked ({@code link}, {@code dismiss}; null: {@code unknown})
     * @param channel where it was asked, as the event's detail {@code channel}; null: none
     */
    public static void record(KeycloakSession session, RealmModel realm, AdminAuth operator, String entryId,
                              String action, ReviewResolution.Refused refused, String channel) {
        ClientConnection connection = session.getContext().getConnection();
        String realmId = realm.getId();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            AdminEventBuilder event = new AdminEventBuilder(s.realms().getRealm(realmId), operator, s, connection)
                    .resource(RESOURCE_TYPE)
                    .operation(OperationType.ACTION)
                    .resourcePath("vneid-bridge", "review-entries", entryId, action == null ? "unknown" : action)
                    .detail("outcome", "refused")
                    .detail("reason", refused.code());
            if (channel != null) {
                event.detail("channel", channel);
            }
            event.getEvent().setError(refused.code());
            event.success();
        });
    }
}
