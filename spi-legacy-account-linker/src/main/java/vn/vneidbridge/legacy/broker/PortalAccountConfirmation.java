package vn.vneidbridge.legacy.broker;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import vn.vneidbridge.core.limit.AttemptLimit;
import vn.vneidbridge.core.limit.AttemptSlots;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * The page "Xác nhận tài khoản cổng dịch vụ công" of a first VNeID login whose id number matches portal accounts
 * that are not verified: the citizen proves the account is theirs with its password. Only the accounts found for
 * this login (kept in the authentication session) can be confirmed; failures count towards Keycloak's brute-force
 * protection of that account and are limited per login: each password posted takes one of the login's attempts
 * in Keycloak's cluster-wide single-use store before it is checked ({@link AttemptSlots}), so parallel posts — in
 * several tabs or on several nodes — cannot try more passwords than the limit. Once the page has ended with a
 * refusal (too many passwords, or the data did not match), the refusal stays for the rest of this login, also on a
 * reload.
 */
final class PortalAccountConfirmation {

    static final String TEMPLATE = "vneid-link-confirm.ftl";
    static final String NOTE_USERNAMES = "vneid.confirm.usernames";
    static final String NOTE_ENDED = "vneid.confirm.ended";
    static final String MESSAGE_WRONG = "vneidLinkConfirmWrongPassword";
    static final String MESSAGE_TOO_MANY = "vneidLinkConfirmTooManyAttempts";
    private static final int MAX_PASSWORD_LENGTH = 1024;
    /** Longer than any login: the attempts of one login are never counted in two windows but rarely. */
    private static final Duration LOGIN_WINDOW = Duration.ofHours(12);

    /** What the password check found. */
    enum Check { CONFIRMED, WRONG, LOCKED, TOO_MANY, UNAVAILABLE }

    /** The outcome of a password check: the confirmed account, re-read after a legacy account was imported. */
    record Outcome(Check check, Optional<UserModel> user) {
        static Outcome of(Check check) {
            return new Outcome(check, Optional.empty());
        }
    }

    /** The page's first paragraph for a number VNeID vouched for. */
    static final String INTRO_VNEID = "vneidLinkConfirmIntro";

    private final AuthenticationFlowContext context;
    private final int maxAttempts;
    private final String introKey;

    PortalAccountConfirmation(AuthenticationFlowContext context, int maxAttempts) {
        this(context, maxAttempts, INTRO_VNEID);
    }

    /** @param introKey the message key of the page's first paragraph (whose word the number is) */
    PortalAccountConfirmation(AuthenticationFlowContext context, int maxAttempts, String introKey) {
        this.context = context;
        this.maxAttempts = maxAttempts;
        this.introKey = introKey;
    }

    /** Remembers the accounts this login may confirm and shows the page (failures so far still count). */
    void start(List<String> usernames) {
        context.getAuthenticationSession().setAuthNote(NOTE_USERNAMES, String.join("\n", usernames));
        context.challenge(page(null, Response.Status.OK, usernames.size() == 1 ? usernames.get(0) : ""));
    }

    /** Whether this login has accounts waiting to be confirmed (a stale or forged form has none). */
    boolean pending() {
        return !usernames().isEmpty();
    }

    /** The message this login's confirmation was refused with, if it was: it stays refused. */
    Optional<String> refusal() {
        return Optional.ofNullable(context.getAuthenticationSession().getAuthNote(NOTE_ENDED));
    }

    /** Done: linked, or the citizen declined. */
    void end() {
        context.getAuthenticationSession().removeAuthNote(NOTE_USERNAMES);
    }

    /** Refused for the rest of this login, with this message. */
    void refuse(String message) {
        context.getAuthenticationSession().removeAuthNote(NOTE_USERNAMES);
        context.getAuthenticationSession().setAuthNote(NOTE_ENDED, message);
    }

    /** Checks the submitted username and password against the accounts this login may confirm. */
    Outcome check(MultivaluedMap<String, String> form) {
        AttemptSlots slots = AttemptSlots.of(context.getSession(), context.getRealm());
        AttemptSlots.Reservation attempt = slots.tryAcquire(limit(), login());
        if (!attempt.granted()) {
            return Outcome.of(Check.TOO_MANY);
        }
        String username = Optional.ofNullable(form.getFirst("username")).map(String::trim).orElse("");
        String password = Optional.ofNullable(form.getFirst("password")).orElse("");
        List<String> allowed = usernames();
        Optional<String> account = allowed.size() == 1 && username.isEmpty()
                ? Optional.of(allowed.get(0))
                : allowed.stream().filter(name -> name.equalsIgnoreCase(username)).findFirst();
        if (account.isEmpty() || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH) {
            return failed(null);
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = session.users().getUserByUsername(realm, account.get());
        if (user == null) {
            if (LegacyUserStorage.databaseUnavailable(session)) {
                slots.release(attempt); // not the citizen's mistake
                return Outcome.of(Check.UNAVAILABLE);
            }
            return failed(null);
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (realm.isBruteForceProtected() && (protector.isPermanentlyLockedOut(session, realm, user)
                || protector.isTemporarilyDisabled(session, realm, user))) {
            // counts towards this login's limit too, but not again towards the account's lockout
            return counted(Check.LOCKED);
        }
        if (!user.isEnabled() || !user.credentialManager().isValid(UserCredentialModel.password(password))) {
            if (LegacyUserStorage.databaseUnavailable(session)) {
                slots.release(attempt);
                return Outcome.of(Check.UNAVAILABLE);
            }
            return failed(user);
        }
        if (realm.isBruteForceProtected()) {
            protector.successfulLogin(realm, user, session.getContext().getConnection(),
                    session.getContext().getHttpRequest().getUri(), null);
        }
        // a legacy account is imported by a right password: read the Keycloak user it became
        return new Outcome(Check.CONFIRMED, Optional.ofNullable(session.users().getUserByUsername(realm, account.get())));
    }

    /** The page again, with an error (or none). */
    Response page(String error, Response.Status status, String username) {
        List<String> usernames = usernames();
        var form = context.form()
                .setAttribute("vneidConfirmUsername", usernames.size() == 1 ? usernames.get(0) : username)
                .setAttribute("vneidConfirmSingle", usernames.size() == 1)
                .setAttribute("vneidConfirmIntro", introKey);
        if (error != null) {
            form.setError(error);
        }
        return form.setStatus(status).createForm(TEMPLATE);
    }

    private Outcome failed(UserModel user) {
        RealmModel realm = context.getRealm();
        if (user != null && realm.isBruteForceProtected()) {
            KeycloakSession session = context.getSession();
            session.getProvider(BruteForceProtector.class).failedLogin(realm, user,
                    session.getContext().getConnection(), session.getContext().getHttpRequest().getUri(), null);
        }
        return counted(Check.WRONG);
    }

    /** A failed attempt keeps its slot; the last one allowed ends the page. */
    private Outcome counted(Check check) {
        return AttemptSlots.of(context.getSession(), context.getRealm()).exhausted(limit(), login())
                ? Outcome.of(Check.TOO_MANY) : Outcome.of(check);
    }

    private AttemptLimit limit() {
        return new AttemptLimit("first-login-confirm", maxAttempts, LOGIN_WINDOW);
    }

    private String login() {
        return AttemptSlots.loginOf(context.getAuthenticationSession());
    }

    /** The usernames this login asks the password of (empty once it ended). */
    List<String> usernames() {
        String note = context.getAuthenticationSession().getAuthNote(NOTE_USERNAMES);
        return note == null || note.isEmpty() ? List.of() : Arrays.asList(note.split("\n"));
    }
}
