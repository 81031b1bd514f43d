package vn.vneidbridge.vneid.assurance;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.vneid.VneidMetrics;

/**
 * Ends a login whose required level cannot be met with an error back to the portal, as OpenID Connect Core 5.5.1.1
 * asks for an essential {@code acr}: Keycloak's own {@link LoginProtocol.Error#LOA_INVALID}, which its OpenID Connect
 * protocol sends as {@code error=access_denied} with the description below to the portal's redirect URI (with
 * {@code state} and {@code iss}). The event says which level was required; it holds no personal data.
 */
public final class PortalRefusal {

    /** The event error of such a refusal. */
    public static final String EVENT_ERROR = "vneid_level_not_met";
    /** Message of the page when the account's level is below one the portal requires that is not level 2. */
    public static final String NOT_MET_MESSAGE = "vneidLevelNotMet";
    /** Event detail: the level of authentication the request had to reach. */
    public static final String REQUIRED_DETAIL = "required_loa";

    private PortalRefusal() {
    }

    /** The {@code error_description} sent to the portal. */
    static String description(int mustReach) {
        return "The requested level of assurance (acr " + mustReach + ") was not reached";
    }

    /**
     * The same error, told to the citizen first: a page with the message ({@code messageKey}, e.g. that the VNeID
     * account is level 1 and the service needs level 2, and where to get level 2) and the link "back to the service",
     * which carries the error to the portal. A response that is not a redirect (response mode {@code form_post})
     * is returned as it is.
     */
    public static Response page(KeycloakSession session, AuthenticationSessionModel authSession, EventBuilder event,
                                int mustReach, String reason, String messageKey) {
        Response error = send(session, authSession, event, mustReach, reason);
        URI location = error.getLocation();
        if (location == null) {
            return error;
        }
        return session.getProvider(LoginFormsProvider.class).setDetachedAuthSession()
                .setAttribute("pageRedirectUri", location.toString())
                .setError(messageKey)
                .createInfoPage();
    }

    public static Response send(KeycloakSession session, AuthenticationSessionModel authSession, EventBuilder event,
                                int mustReach, String reason) {
        VneidMetrics.refused(VneidMetrics.LEVEL_NOT_MET);
        if (event != null) {
            event.detail(REQUIRED_DETAIL, String.valueOf(mustReach)).detail(Details.REASON, reason).error(EVENT_ERROR);
        }
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(authSession.getRealm())
                .setHttpHeaders(session.getContext().getRequestHeaders())
                .setUriInfo(session.getContext().getUri())
                .setEventBuilder(event);
        return protocol.sendError(authSession, LoginProtocol.Error.LOA_INVALID, description(mustReach));
    }
}
