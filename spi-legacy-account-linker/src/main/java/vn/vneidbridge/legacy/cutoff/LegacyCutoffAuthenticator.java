package vn.vneidbridge.legacy.cutoff;

import java.time.LocalDate;
import java.time.ZoneId;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.flow.LoginNotes;
import vn.vneidbridge.core.user.PortalAdministrators;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.linking.VneidLoginRedirect;

/**
 * Right after the portal-account password: the cutoff policy of the account's type.
 * <ul>
 *   <li>before the date, or mode notice: the login goes on as it always did;</li>
 *   <li>link-only: the login goes on only to verify the CCCD (no "Bỏ qua") and to VNeID; the last step
 *       ({@code vneid-link-notice}) issues no portal session;</li>
 *   <li>closed: refused, with a page whose only way on is VNeID (a plain VNeID login).</li>
 * </ul>
 * Administrators (role {@value UserAttributes#PORTAL_ADMIN_ROLE}) are exempt. Dates are days in Vietnam's time
 * zone. Every decision other than "as before" is an event.
 */
final class LegacyCutoffAuthenticator implements Authenticator {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PAGE = "vneid-cutoff.ftl";
    static final String ERROR_CLOSED = "vneid_legacy_login_closed";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (PortalAdministrators.isAdministrator(context.getRealm(), user)) {
            context.success();
            return;
        }
        LegacyCutoffConfig config = new LegacyCutoffConfig(context.getAuthenticatorConfig());
        CutoffPolicy policy = config.policy();
        String type = user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_TYPE);
        LocalDate cutoff = policy.dateFor(type);
        switch (policy.modeFor(type, LocalDate.now(VIETNAM))) {
            case NOTICE -> context.success();
            case LINK_ONLY -> {
                context.getAuthenticationSession().setAuthNote(LoginNotes.LINK_ONLY, "true");
                context.getEvent().detail("cutoff", CutoffMode.LINK_ONLY.value());
                context.success();
            }
            case CLOSED -> {
                context.getEvent().clone().user(user).detail("cutoff", CutoffMode.CLOSED.value())
                        .detail("cutoff_date", cutoff.toString()).error(ERROR_CLOSED);
                context.clearUser();
                context.challenge(context.form()
                        .setAttribute("vneidCutoffMessage", "vneidLegacyLoginClosed")
                        .setAttribute("vneidCutoffDate", LegacyCutoffConfig.DISPLAY.format(cutoff))
                        .setAttribute("vneidCutoffBound", false)
                        .createForm(PAGE));
            }
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // the closed page: its one way on is a plain VNeID login (the portal account proves nothing more here)
        if ("vneid".equals(context.getHttpRequest().getDecodedFormParameters().getFirst("action"))) {
            String alias = new LegacyCutoffConfig(context.getAuthenticatorConfig()).idpAlias();
            context.forceChallenge(VneidLoginRedirect.to(context, alias, null));
            return;
        }
        context.getEvent().error(Errors.INVALID_REQUEST);
        context.resetFlow();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
