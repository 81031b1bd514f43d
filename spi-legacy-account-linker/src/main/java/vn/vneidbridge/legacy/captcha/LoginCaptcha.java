package vn.vneidbridge.legacy.captcha;

import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.vneidbridge.core.limit.AttemptLimit;
import vn.vneidbridge.core.limit.AttemptSlots;

/**
 * The self-hosted captcha ("Mã xác thực") of the portal-account form. Without a code, a login takes one free
 * attempt of its username, of its login session and of its client address ({@link AttemptSlots}: Keycloak's
 * cluster-wide single-use store) <em>before</em> the password is checked; when one of them has none left — N failed
 * logins in the last {@value #WINDOW_MINUTES} minutes, N from {@link LoginCaptchaConfig} — the password is not
 * checked and the form asks for the code. A login that succeeds gives its attempt back, so only failures count.
 * The picture is drawn on the server ({@link CaptchaImage}), its answer kept in the authentication session, and it
 * is spent atomically on its first check (one attempt per picture, even for submissions sent at once).
 */
public final class LoginCaptcha {

    /** The form field of the typed code, the button that asks for another picture, the template's attribute. */
    public static final String FIELD = "captcha";
    public static final String RELOAD = "captchaReload";
    public static final String ATTRIBUTE = "vneidCaptcha";
    public static final String MESSAGE_WRONG = "vneidCaptchaWrong";
    public static final String MESSAGE_REQUIRED = "vneidCaptchaRequired";
    public static final int LENGTH = 5;
    static final int WINDOW_MINUTES = 15;
    static final String NOTE_ANSWER = "vneid.captcha.answer";
    static final String NOTE_PICTURE = "vneid.captcha.picture";
    static final String PICTURE_PREFIX = "vneid-captcha-picture:";
    /** Request attribute: this answer must show a picture whatever the counts say (the code was asked for). */
    static final String FORCED = "vneid.captcha.forced";

    private static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the typed code says. {@link #NOT_ASKED}: no code was needed, and the login took a free attempt. */
    public enum Check { NOT_ASKED, PASSED, MISSING, WRONG }

    private final KeycloakSession session;
    private final AuthenticationSessionModel authSession;
    private final SingleUseObjectProvider store;
    private final AttemptSlots slots;
    private final String address;
    private final long pictureLifespanSeconds;
    private final LoginCaptchaConfig config;
    private AttemptSlots.Reservation reservation = AttemptSlots.Reservation.none();

    LoginCaptcha(KeycloakSession session, AuthenticationSessionModel authSession, SingleUseObjectProvider store,
                 String realmId, String address, long pictureLifespanSeconds, LoginCaptchaConfig config) {
        this.session = session;
        this.authSession = authSession;
        this.store = store;
        this.slots = new AttemptSlots(store, realmId);
        this.address = address;
        this.pictureLifespanSeconds = Math.max(60, pictureLifespanSeconds);
        this.config = config;
    }

    public static LoginCaptcha of(AuthenticationFlowContext context) {
        return new LoginCaptcha(context.getSession(), context.getAuthenticationSession(),
                context.getSession().singleUseObjects(), context.getRealm().getId(),
                context.getConnection().getRemoteAddr(), context.getRealm().getAccessCodeLifespanLogin(),
                LoginCaptchaConfig.of(context.getAuthenticatorConfig()));
    }

    /**
     * True when the form must show a code: the code was just asked for, or the next login without one would be
     * refused (the username, the login session or the address has no free attempt left).
     */
    public boolean required(String username) {
        if (!config.enabled()) {
            return false;
        }
        if (session.getAttribute(FORCED) != null) {
            return true;
        }
        return attempts(username).stream().anyMatch(a -> slots.exhausted(a.limit(), a.subject()));
    }

    /**
     * Before the password is checked. A code shown in this login session is spent, whatever the answer and however
     * many submissions carry it; without one, the login takes a free attempt — {@link Check#MISSING} when there is
     * none (the password must not be checked).
     */
    public Check check(MultivaluedMap<String, String> formData, String username) {
        String expected = authSession.getAuthNote(NOTE_ANSWER);
        String picture = authSession.getAuthNote(NOTE_PICTURE);
        authSession.removeAuthNote(NOTE_ANSWER);
        authSession.removeAuthNote(NOTE_PICTURE);
        if (expected != null && picture != null) {
            if (!store.putIfAbsent(PICTURE_PREFIX + picture, pictureLifespanSeconds)) {
                return askForCode(Check.MISSING);
            }
            String typed = normalise(formData.getFirst(FIELD));
            boolean same = MessageDigest.isEqual(typed.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8));
            return same ? Check.PASSED : askForCode(Check.WRONG);
        }
        if (!config.enabled()) {
            return Check.NOT_ASKED;
        }
        reservation = slots.tryAcquireAll(attempts(username));
        return reservation.granted() ? Check.NOT_ASKED : askForCode(Check.MISSING);
    }

    /** Which count asked for the code after {@link Check#MISSING}: username, login or address (for the event). */
    public String refusedBy() {
        return reservation.refusedBy().map(limit -> limit.kind().substring("captcha-".length())).orElse(null);
    }

    /** A successful login: its attempt does not count. */
    public void succeeded() {
        slots.release(reservation);
        reservation = AttemptSlots.Reservation.none();
    }

    /** When required, a new code on the form (its picture, the answer kept for one check). */
    public void addIfRequired(LoginFormsProvider form, String username) {
        if (!required(username)) {
            return;
        }
        String code = newCode();
        byte[] picture = new byte[16];
        RANDOM.nextBytes(picture);
        authSession.setAuthNote(NOTE_ANSWER, code);
        authSession.setAuthNote(NOTE_PICTURE, Base64.getUrlEncoder().withoutPadding().encodeToString(picture));
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

    private Check askForCode(Check check) {
        session.setAttribute(FORCED, Boolean.TRUE);
        return check;
    }

    /** The counts a login without a code takes an attempt of (a username only once one is typed). */
    private List<AttemptSlots.Attempt> attempts(String username) {
        List<AttemptSlots.Attempt> attempts = new ArrayList<>(3);
        if (config.afterFailures() > 0) {
            String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                attempts.add(new AttemptSlots.Attempt(
                        new AttemptLimit("captcha-username", config.afterFailures(), WINDOW), name));
            }
            attempts.add(new AttemptSlots.Attempt(new AttemptLimit("captcha-login", config.afterFailures(), WINDOW),
                    authSession.getParentSession().getId()));
        }
        if (config.afterFailuresPerAddress() > 0) {
            attempts.add(new AttemptSlots.Attempt(
                    new AttemptLimit("captcha-address", config.afterFailuresPerAddress(), WINDOW), address));
        }
        return attempts;
    }
}
