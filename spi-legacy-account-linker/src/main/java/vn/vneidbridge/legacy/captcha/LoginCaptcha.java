package vn.vneidbridge.legacy.captcha;

import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The self-hosted captcha ("Mã xác thực") of the portal-account form: asked once a username or a login session has
 * had N failed logins (N from {@link LoginCaptchaConfig}), drawn on the server ({@link CaptchaImage}), its answer
 * kept in the authentication session and good for one attempt only. Failures per username are counted for
 * {@value #WINDOW_SECONDS} s in Keycloak's single-use store, keyed by a hash of the realm and the username.
 */
public final class LoginCaptcha {

    /** The form field of the typed code, the button that asks for another picture, the template's attribute. */
    public static final String FIELD = "captcha";
    public static final String RELOAD = "captchaReload";
    public static final String ATTRIBUTE = "vneidCaptcha";
    public static final String MESSAGE_WRONG = "vneidCaptchaWrong";
    public static final String MESSAGE_REQUIRED = "vneidCaptchaRequired";
    public static final int LENGTH = 5;
    static final long WINDOW_SECONDS = 15 * 60;
    static final String NOTE_ANSWER = "vneid.captcha.answer";
    static final String NOTE_FAILURES = "vneid.captcha.failures";
    /** Request attribute: an attempt is being checked, and counts as a failure if it fails. */
    static final String ATTEMPT_IN_PROGRESS = "vneid.captcha.attempt";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the typed code says. */
    public enum Check { NOT_ASKED, PASSED, MISSING, WRONG }

    private final KeycloakSession session;
    private final AuthenticationSessionModel authSession;
    private final SingleUseObjectProvider store;
    private final String realmId;
    private final LoginCaptchaConfig config;

    LoginCaptcha(KeycloakSession session, AuthenticationSessionModel authSession, SingleUseObjectProvider store,
                 String realmId, LoginCaptchaConfig config) {
        this.session = session;
        this.authSession = authSession;
        this.store = store;
        this.realmId = realmId;
        this.config = config;
    }

    public static LoginCaptcha of(AuthenticationFlowContext context) {
        return new LoginCaptcha(context.getSession(), context.getAuthenticationSession(),
                context.getSession().singleUseObjects(),
                context.getRealm().getId(), LoginCaptchaConfig.of(context.getAuthenticatorConfig()));
    }

    /**
     * True when the form must ask for a code: N failures in this login session or for this username (the attempt
     * being checked, when it fails and the form is shown again, counts as one).
     */
    public boolean required(String username) {
        if (!config.enabled()) {
            return false;
        }
        int current = session.getAttribute(ATTEMPT_IN_PROGRESS) != null ? 1 : 0;
        return sessionFailures() + current >= config.afterFailures()
                || usernameFailures(username) + current >= config.afterFailures();
    }

    /**
     * Checks the typed code against the one shown, which is spent whatever the answer (one attempt per picture).
     * {@link Check#MISSING} when a code is required but none was shown in this session yet.
     */
    public Check check(MultivaluedMap<String, String> formData, String username) {
        String expected = authSession.getAuthNote(NOTE_ANSWER);
        authSession.removeAuthNote(NOTE_ANSWER);
        if (expected == null) {
            return required(username) ? Check.MISSING : Check.NOT_ASKED;
        }
        String typed = normalise(formData.getFirst(FIELD));
        boolean same = MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        return same ? Check.PASSED : Check.WRONG;
    }

    /** A login attempt is being checked: if the form comes back, it counts as a failure already. */
    public void attempting() {
        session.setAttribute(ATTEMPT_IN_PROGRESS, Boolean.TRUE);
    }

    /** The attempt failed: one more failure for this login session and this username. */
    public void failed(String username) {
        session.removeAttribute(ATTEMPT_IN_PROGRESS);
        authSession.setAuthNote(NOTE_FAILURES, Integer.toString(sessionFailures() + 1));
        String key = key(username);
        if (key != null) {
            store.put(key, WINDOW_SECONDS, Map.of("failures", Integer.toString(usernameFailures(username) + 1)));
        }
    }

    /** A successful login: the counts start again. */
    public void succeeded(String username) {
        session.removeAttribute(ATTEMPT_IN_PROGRESS);
        authSession.removeAuthNote(NOTE_FAILURES);
        String key = key(username);
        if (key != null && usernameFailures(username) > 0) {
            store.remove(key);
        }
    }

    /** When required, a new code on the form (its picture, the answer kept for one check). */
    public void addIfRequired(LoginFormsProvider form, String username) {
        if (!required(username)) {
            return;
        }
        String code = newCode();
        authSession.setAuthNote(NOTE_ANSWER, code);
        form.setAttribute(ATTRIBUTE, Map.of("image", CaptchaImage.dataUri(code, RANDOM),
                "width", CaptchaImage.WIDTH, "height", CaptchaImage.HEIGHT));
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(CaptchaImage.ALPHABET.charAt(RANDOM.nextInt(CaptchaImage.ALPHABET.length())));
        }
        return code.toString();
    }

    /** What the citizen typed, as the code is kept: upper case, no spaces. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private int sessionFailures() {
        return parse(authSession.getAuthNote(NOTE_FAILURES));
    }

    private int usernameFailures(String username) {
        String key = key(username);
        if (key == null) {
            return 0;
        }
        Map<String, String> notes = store.get(key);
        return notes == null ? 0 : parse(notes.get("failures"));
    }

    private String key(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    (realmId + "\n" + username.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return "vneid-captcha." + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
