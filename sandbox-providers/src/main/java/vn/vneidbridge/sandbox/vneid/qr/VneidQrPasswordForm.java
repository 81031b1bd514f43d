package vn.vneidbridge.sandbox.vneid.qr;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's id-number/password form with the stand-in VNeID's QR beside it. The password path is Keycloak's,
 * unchanged. A post carrying {@value #HANDLE_FIELD} (sent by the page's script once the app confirmed) is the QR
 * path: accepted only when the QR is confirmed, bound to this very authentication session, unexpired and not used
 * before (taking it removes it); then the user is the one who confirmed, and the OTP step lets that user pass.
 */
final class VneidQrPasswordForm extends UsernamePasswordForm {

    static final String HANDLE_FIELD = "vneid_qr_handle";

    private static final Logger LOG = Logger.getLogger(VneidQrPasswordForm.class);

    VneidQrPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        offerQr(context);
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(HANDLE_FIELD)) {
            qrAction(context, form.getFirst(HANDLE_FIELD));
            return;
        }
        super.action(context); // a wrong password comes back through challenge(), which offers a new QR
    }

    /** Every refusal of Keycloak's password path (wrong password, unknown or disabled user) shows the QR again. */
    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        offerQr(context);
        return super.challenge(context, error, field);
    }

    private void qrAction(AuthenticationFlowContext context, String handle) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String rootId = authSession.getParentSession().getId();
        String tabId = authSession.getTabId();
        QrLoginStore store = new QrLoginStore(context.getSession(), context.getRealm());
        long now = QrOffers.now();
        QrPage page = store.page(handle);
        QrLogin login = page == null ? null : store.login(page.token());
        QrLoginDecisions.Outcome outcome = QrLoginDecisions.atLoginForm(page, login, rootId, tabId, now);
        UserModel user = null;
        if (outcome == QrLoginDecisions.Outcome.ACCEPT) {
            QrLogin taken = store.take(page.token());
            outcome = QrLoginDecisions.atLoginForm(page, taken, rootId, tabId, now);
            if (outcome == QrLoginDecisions.Outcome.ACCEPT) {
                user = context.getSession().users().getUserById(context.getRealm(), taken.confirmedUserId());
                if (user == null || !user.isEnabled()) {
                    outcome = QrLoginDecisions.Outcome.REFUSED;
                }
            }
        }
        context.getEvent().detail("auth_method_vneid", "qr");
        if (outcome != QrLoginDecisions.Outcome.ACCEPT) {
            LOG.debugf("QR login refused in realm %s: %s", context.getRealm().getName(), outcome);
            context.getEvent().detail("reason", outcome.eventError()).error(outcome.eventError());
            offerQr(context);
            LoginFormsProvider form = context.form().setError(outcome.messageKey());
            context.failureChallenge(outcome == QrLoginDecisions.Outcome.FOREIGN
                    ? AuthenticationFlowError.INVALID_CREDENTIALS : AuthenticationFlowError.EXPIRED_CODE,
                    form.createLoginUsernamePassword());
            return;
        }
        context.setUser(user);
        authSession.setAuthNote(QrLoginNotes.CONFIRMED_IN_APP_USER, user.getId());
        context.success();
    }

    /** The execution's setting {@value VneidQrPasswordFormFactory#VALIDITY_SECONDS}, or the default. */
    static int validitySeconds(AuthenticatorConfigModel config) {
        return QrLoginDecisions.validitySeconds(config == null || config.getConfig() == null ? null
                : config.getConfig().get(VneidQrPasswordFormFactory.VALIDITY_SECONDS));
    }

    private static void offerQr(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (context.getUser() != null) {
            return; // re-authentication of a known user: password only
        }
        QrOffers offers = new QrOffers(context.getSession(), context.getRealm());
        QrOffers.Offer offer = offers.issue(authSession.getParentSession().getId(), authSession.getTabId(),
                authSession.getClient().getId(), validitySeconds(context.getAuthenticatorConfig()));
        context.form()
                .setAttribute("vneidQrHandle", offer.handle())
                .setAttribute("vneidQrUrl", offer.url())
                .setAttribute("vneidQrImage", offer.image())
                .setAttribute("vneidQrExpiresIn", offer.expiresIn())
                .setAttribute("vneidQrStatusUrl", offers.statusUrl(offer.handle()).toString())
                .setAttribute("vneidQrRenewUrl", offers.renewUrl(offer.handle()).toString());
    }
}
