package vn.vneidbridge.legacy.login;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.validation.Validation;
import vn.vneidbridge.core.flow.LoginNotes;
import vn.vneidbridge.core.flow.RemoteSigningOffers;
import vn.vneidbridge.legacy.captcha.LoginCaptcha;
import vn.vneidbridge.legacy.password.LoginHashWork;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * Keycloak's username/password form for portal accounts, with one difference: when the legacy portal
 * database did not answer, the citizen is told so (and pointed to VNeID) instead of being told the password
 * is wrong; and after repeated failures (per username, login session or client address) it asks for the code of
 * a self-hosted captcha ({@link LoginCaptcha}) before it checks a password; and its "CMT/CCCD" tab takes the
 * account's verified id number in place of the username ({@link IdNumberLogin}). Everything else — brute-force
 * protection, events, the form itself — is Keycloak's.
 */
final class LegacyPasswordForm extends UsernamePasswordForm {

    static final String MESSAGE_UNAVAILABLE = "vneidLegacyDatabaseUnavailable";
    static final String DETAIL_LEGACY_DATABASE = "legacy_database";
    /** Event error: a login without the code although one was needed; the password was not checked. */
    static final String ERROR_CAPTCHA_REQUIRED = "captcha_required";
    /** Event detail: {@code id_number} for a login from the "CMT/CCCD" tab. */
    static final String DETAIL_LOGIN_BY = "login_by";
    /** Template attribute: the form's tab, {@code username}, {@code id_number} or {@code certificate}. */
    static final String ATTRIBUTE_LOGIN_BY = "vneidLoginBy";
    /** Whether the form shows the tab "Usb ký số" (the certificate login is offered beside this form). */
    static final String ATTRIBUTE_CERTIFICATE_LOGIN = "vneidCertificateLogin";
    /** The remote-signing logins beside this form ({@link RemoteSigningOffers}): a tab "Sim ký số", a card each. */
    static final String ATTRIBUTE_REMOTE_SIGNING = "vneidRemoteSigning";

    LegacyPasswordForm(KeycloakSession session) {
        super(session);
    }

    /**
     * Keycloak's own {@code testInvalidUser}, with its dummy hash replaced by the bridge's counted hash work
     * ({@link LoginHashWork#unknownUser()}).
     */
    @Override
    public void testInvalidUser(AuthenticationFlowContext context, UserModel user) {
        if (user != null) {
            super.testInvalidUser(context, user);
            return;
        }
        if (LegacyUserStorage.databaseUnavailable(context.getSession())) {
            context.getEvent().detail(DETAIL_LEGACY_DATABASE, "unavailable");
        }
        try (LegacyUserStorage.PasswordCheck check = passwordCheck(context)) {
            check.work().unknownUser();
        }
        context.getEvent().error(Errors.USER_NOT_FOUND);
        context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                challenge(context, getDefaultChallengeMessage(context), Validation.FIELD_USERNAME));
    }

    /** Keycloak's password check, with the bridge's hash work of a refused password ({@link LoginHashWork}). */
    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user,
                                    MultivaluedMap<String, String> inputData, boolean clearUser) {
        boolean lockedOut = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user) != null;
        try (LegacyUserStorage.PasswordCheck check = passwordCheck(context)) {
            if (super.validatePassword(context, user, inputData, clearUser)) {
                return true;
            }
            check.work().passwordRefused(LoginHashWork.keycloakHashes(
                    inputData.getFirst(CredentialRepresentation.PASSWORD), lockedOut,
                    user.credentialManager().isConfiguredLocally(PasswordCredentialModel.TYPE)));
            return false;
        }
    }

    private static LegacyUserStorage.PasswordCheck passwordCheck(AuthenticationFlowContext context) {
        return LegacyUserStorage.passwordCheck(context.getSession(), context.getRealm(),
                () -> AuthenticatorUtils.dummyHash(context));
    }

    @Override
    protected String getDefaultChallengeMessage(AuthenticationFlowContext context) {
        return LegacyUserStorage.databaseUnavailable(context.getSession())
                ? MESSAGE_UNAVAILABLE
                : super.getDefaultChallengeMessage(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        if (formData.containsKey(LoginCaptcha.RELOAD)) {
            MultivaluedMap<String, String> kept = new MultivaluedHashMap<>();
            String username = formData.getFirst(AuthenticationManager.FORM_USERNAME);
            if (username != null) {
                kept.add(AuthenticationManager.FORM_USERNAME, username);
            }
            context.challenge(challenge(context, kept));
            return;
        }
        if (formData.containsKey(IdNumberLogin.FIELD_TAB)) {
            // a tab of the form chosen (works without JavaScript): the form again, nothing checked
            context.challenge(challenge(context, new MultivaluedHashMap<>()));
            return;
        }
        super.action(context);
    }

    @Override
    protected boolean validateForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginCaptcha captcha = LoginCaptcha.of(context);
        String username = attemptedUsername(context);
        switch (captcha.check(formData, username)) {
            case MISSING -> {
                var event = context.getEvent().detail("captcha", "required");
                if (username != null) {
                    event.detail(Details.USERNAME, username);
                }
                if (captcha.refusedBy() != null) {
                    event.detail("captcha_count", captcha.refusedBy());
                }
                event.error(ERROR_CAPTCHA_REQUIRED);
                context.challenge(challenge(context, LoginCaptcha.MESSAGE_REQUIRED, LoginCaptcha.FIELD));
                return false;
            }
            case WRONG -> {
                context.getEvent().detail("captcha", "wrong").error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        challenge(context, LoginCaptcha.MESSAGE_WRONG, LoginCaptcha.FIELD));
                return false;
            }
            default -> { }
        }
        if (!super.validateForm(context, byIdNumber(context) ? withAccountOfIdNumber(context, formData) : formData)) {
            return false;
        }
        captcha.succeeded();
        return true;
    }

    /** The form as Keycloak checks it: the username of the one account the typed number names, else the number. */
    private static MultivaluedMap<String, String> withAccountOfIdNumber(AuthenticationFlowContext context,
                                                                        MultivaluedMap<String, String> formData) {
        context.getEvent().detail(DETAIL_LOGIN_BY, IdNumberLogin.BY_ID_NUMBER);
        String typed = formData.getFirst(AuthenticationManager.FORM_USERNAME);
        // a copy of each list too: the request's own form data, which the page shows again, keeps what was typed
        MultivaluedMap<String, String> checked = new MultivaluedHashMap<>();
        formData.forEach((name, values) -> checked.put(name, new ArrayList<>(values)));
        IdNumberLogin.username(context.getSession(), context.getRealm(), typed)
                .ifPresent(username -> checked.putSingle(AuthenticationManager.FORM_USERNAME, username));
        return checked;
    }

    /**
     * Whether this post comes from the "CMT/CCCD" tab; never when the user is known before the form (a re-login
     * shows the password only).
     */
    private static boolean byIdNumber(AuthenticationFlowContext context) {
        return IdNumberLogin.BY_ID_NUMBER.equals(loginTab(context)) && !"true".equals(
                context.getAuthenticationSession().getAuthNote(USER_SET_BEFORE_USERNAME_PASSWORD_AUTH));
    }

    /** The tab of the form this post came from, or was switched to. */
    private static String loginTab(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String switched = form.getFirst(IdNumberLogin.FIELD_TAB);
        return IdNumberLogin.tab(switched != null ? switched : form.getFirst(IdNumberLogin.FIELD_LOGIN_BY));
    }

    /**
     * The form shows the tab it came from. Keycloak's note of the attempted username keeps the account's username
     * (Keycloak counts a wrong password against the user it names: review A1); the page shows the number typed, as
     * the note appears on it only once a user is known before the form.
     */
    private static void showTab(AuthenticationFlowContext context) {
        String tab = byIdNumber(context) ? IdNumberLogin.BY_ID_NUMBER : IdNumberLogin.BY_USERNAME;
        if (IdNumberLogin.BY_CERTIFICATE.equals(loginTab(context)) && certificateLoginOffered(context)
                && !"true".equals(context.getAuthenticationSession().getAuthNote(USER_SET_BEFORE_USERNAME_PASSWORD_AUTH))) {
            tab = IdNumberLogin.BY_CERTIFICATE;
        }
        context.form().setAttribute(ATTRIBUTE_LOGIN_BY, tab);
    }

    /**
     * The form's tab "Usb ký số" (seed 002) is shown when the certificate login, which runs before this form, said it is
     * offered ({@link LoginNotes#CERTIFICATE_LOGIN_OFFERED}): the page then says how to log in with a token.
     */
    private static void showCertificateLogin(AuthenticationFlowContext context) {
        context.form().setAttribute(ATTRIBUTE_CERTIFICATE_LOGIN, certificateLoginOffered(context));
        context.form().setAttribute(ATTRIBUTE_REMOTE_SIGNING,
                RemoteSigningOffers.beside(context.getRealm(), context.getExecution()));
    }

    private static boolean certificateLoginOffered(AuthenticationFlowContext context) {
        return "true".equals(context.getAuthenticationSession().getAuthNote(LoginNotes.CERTIFICATE_LOGIN_OFFERED));
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        showTab(context);
        showCertificateLogin(context);
        LoginCaptcha.of(context).addIfRequired(context.form(), attemptedUsername(context));
        return super.challenge(context, formData);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        showTab(context);
        showCertificateLogin(context);
        LoginCaptcha.of(context).addIfRequired(context.form(), attemptedUsername(context));
        return super.challenge(context, error, field);
    }

    /**
     * What the captcha counts a login under: the username typed, or on the "CMT/CCCD" tab the number typed (never
     * the account it stands for, whose counts would tell the number's account apart from nobody's).
     */
    private static String attemptedUsername(AuthenticationFlowContext context) {
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(AuthenticationManager.FORM_USERNAME);
        if (byIdNumber(context)) {
            // the number as the lookup reads it, so that no spacing of one number gets a count of its own (review A2)
            return IdNumberLogin.key(typed);
        }
        if (context.getUser() != null) {
            return context.getUser().getUsername();
        }
        return typed != null ? typed : context.getAuthenticationSession().getAuthNote(ATTEMPTED_USERNAME);
    }
}
