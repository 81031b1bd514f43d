package vn.vneidbridge.sandbox.vneid;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import vn.vneidbridge.sandbox.vneid.qr.QrLoginNotes;

/**
 * The stand-in VNeID's second step: "enter the code sent by SMS to ******123". Nothing is sent; the page says
 * the code is always {@value SandboxOtpCode#FIXED_CODE}. A wrong code is a failed login for brute-force
 * detection, like a wrong password. A login confirmed in the "VNeID app" stand-in (QR login) skips this step.
 */
final class SandboxSmsOtpAuthenticator implements Authenticator {

    static final String TEMPLATE = "vneid-sandbox-otp.ftl";
    static final String CODE_FIELD = "otp";
    static final String PHONE_ATTRIBUTE = "phone_number";
    static final String MASKED_PHONE = "vneidSandboxMaskedPhone";
    static final String INVALID_CODE = "vneidSandboxOtpInvalid";

    private static final Logger LOG = Logger.getLogger(SandboxSmsOtpAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String confirmedInApp = context.getAuthenticationSession().getAuthNote(QrLoginNotes.CONFIRMED_IN_APP_USER);
        if (confirmedInApp != null) {
            context.getAuthenticationSession().removeAuthNote(QrLoginNotes.CONFIRMED_IN_APP_USER);
            if (context.getUser() != null && confirmedInApp.equals(context.getUser().getId())) {
                // the citizen confirmed in the VNeID app stand-in (QR login): that replaces the SMS code
                context.success();
                return;
            }
        }
        context.challenge(otpPage(context).createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().user(user).error(bruteForceError);
            context.forceChallenge(otpPageWithError(context));
            return;
        }
        String code = context.getHttpRequest().getDecodedFormParameters().getFirst(CODE_FIELD);
        if (SandboxOtpCode.matches(code)) {
            // as an OTP success, so that it also clears the user's OTP failures in brute-force detection
            context.success(OTPCredentialModel.TYPE);
            return;
        }
        LOG.debugf("Wrong sandbox OTP in realm %s", context.getRealm().getName());
        context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, otpPageWithError(context));
    }

    private static Response otpPageWithError(AuthenticationFlowContext context) {
        return otpPage(context).addError(new FormMessage(CODE_FIELD, INVALID_CODE)).createForm(TEMPLATE);
    }

    private static LoginFormsProvider otpPage(AuthenticationFlowContext context) {
        LoginFormsProvider form = context.form();
        PhoneNumberMask.mask(context.getUser().getFirstAttribute(PHONE_ATTRIBUTE))
                .ifPresent(masked -> form.setAttribute(MASKED_PHONE, masked));
        return form;
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
