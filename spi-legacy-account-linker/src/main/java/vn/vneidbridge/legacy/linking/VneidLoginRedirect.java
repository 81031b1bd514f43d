package vn.vneidbridge.legacy.linking;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.flow.LoginNotes;

/**
 * Sends the citizen from a portal-account page to VNeID within the same login (the same authentication
 * session, as Keycloak's identity-provider redirector does), optionally binding the VNeID login to the account
 * the citizen just proved: the VNeID identity must then be that account's verified CCCD.
 */
public final class VneidLoginRedirect {

    private VneidLoginRedirect() {
    }

    /** Redirect to VNeID; with {@code boundTo} the VNeID login may only link or log into that account. */
    public static Response to(AuthenticationFlowContext context, String idpAlias, UserModel boundTo) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (boundTo != null) {
            authSession.setClientNote(LoginNotes.LINK_TO_USER, boundTo.getId());
        }
        String accessCode = new ClientSessionCode<>(context.getSession(), context.getRealm(), authSession)
                .getOrGenerateCode();
        URI location = Urls.identityProviderAuthnRequest(context.getUriInfo().getBaseUri(), idpAlias,
                context.getRealm().getName(), accessCode, authSession.getClient().getClientId(),
                authSession.getTabId(), AuthenticationProcessor.getClientData(context.getSession(), authSession), null);
        return Response.seeOther(location).build();
    }
}
