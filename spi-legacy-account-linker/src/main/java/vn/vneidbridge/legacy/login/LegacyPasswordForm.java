package vn.vneidbridge.legacy.login;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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
import vn.vneidbridge.legacy.captcha.LoginCaptcha;
import vn.vneidbridge.legacy.password.LoginHashWork;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * Keycloak's username/password form for portal accounts, with one difference: when the legacy portal
 * database did not answer, the citizen is told so (and pointed to VNeID) instead of being told the password
 * is wrong; and after repeated failures (per username, login session or client address) it asks for the code of
 * a self-hosted captcha ({@link LoginCaptcha}) before it checks a password. Everything else — brute-force
 * protection, events, the form itself — is Keycloak's.
 */
final class LegacyPasswordForm extends UsernamePasswordForm {

    static final String MESSAGE_UNAVAILABLE = "vneidLegacyDatabaseUnavailable";
    static final String DETAIL_LEGACY_DATABASE = "legacy_database";
    /** Event error: a login without the code although one was needed; the password was not checked. */
    static final String ERROR_CAPTCHA_REQUIRED = "captcha_required";

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
        if (!super.validateForm(context, formData)) {
            return false;
        }
        captcha.succeeded();
        return true;
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, MultivaluedMap<String, String> formData) {
        LoginCaptcha.of(context).addIfRequired(context.form(), attemptedUsername(context));
        return super.challenge(context, formData);
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        LoginCaptcha.of(context).addIfRequired(context.form(), attemptedUsername(context));
        return super.challenge(context, error, field);
    }

    private static String attemptedUsername(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            return context.getUser().getUsername();
        }
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(AuthenticationManager.FORM_USERNAME);
        return typed != null ? typed : context.getAuthenticationSession().getAuthNote(ATTEMPTED_USERNAME);
    }
}
