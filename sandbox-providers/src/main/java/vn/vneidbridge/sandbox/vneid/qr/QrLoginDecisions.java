package vn.vneidbridge.sandbox.vneid.qr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The QR login's decisions, free of Keycloak: what a submitted QR gives, what the page and the app show. */
final class QrLoginDecisions {

    /** How long a QR is valid, in seconds, unless the form's execution says otherwise. */
    static final int DEFAULT_VALIDITY_SECONDS = 120;
    /** The shortest validity a setting may give: time to take out a phone, scan and log in to the app. */
    static final int MIN_VALIDITY_SECONDS = 30;
    /** The longest validity a setting may give: a QR photographed over a shoulder stays usable no longer. */
    static final int MAX_VALIDITY_SECONDS = 600;
    /** Stored this much longer than valid, so that "expired" and "already used" can be told apart. */
    static final int KEPT_AFTER_EXPIRY_SECONDS = 60;
    /** Wrong id number/password pairs in the app before the QR is cancelled. */
    static final int MAX_APP_LOGIN_FAILURES = 5;

    /** What the login form does with a QR handle it is sent. */
    enum Outcome {
        ACCEPT, NOT_CONFIRMED, REFUSED, EXPIRED, USED, FOREIGN;

        /** The message key of the refusal shown on the login page (none for ACCEPT). */
        String messageKey() {
            return switch (this) {
                case ACCEPT -> null;
                case NOT_CONFIRMED -> "vneidSandboxQrNotConfirmed";
                case REFUSED -> "vneidSandboxQrRefused";
                case EXPIRED -> "vneidSandboxQrExpired";
                case USED -> "vneidSandboxQrUsed";
                case FOREIGN -> "vneidSandboxQrForeign";
            };
        }

        /** The event error recorded for a refusal. */
        String eventError() {
            return "vneid_qr_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the polling page is told. */
    enum Status {
        PENDING, CONFIRMED, REFUSED, EXPIRED, USED;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the app shows for a QR URL. */
    enum AppView {
        LOGIN, CONFIRM, ANSWERED, EXPIRED, GONE
    }

    private QrLoginDecisions() {
    }

    /**
     * The login form received the handle {@code page} was stored under, in the authentication session
     * {@code rootId}/{@code tabId}; {@code login} is what is stored under the page's current token.
     */
    static Outcome atLoginForm(QrPage page, QrLogin login, String rootId, String tabId, long now) {
        if (page == null) {
            return Outcome.EXPIRED;
        }
        if (!boundTo(page.rootId(), page.tabId(), rootId, tabId)) {
            return Outcome.FOREIGN;
        }
        if (login == null) {
            return now >= page.expiresAt() ? Outcome.EXPIRED : Outcome.USED;
        }
        if (!boundTo(login.rootId(), login.tabId(), rootId, tabId)) {
            return Outcome.FOREIGN;
        }
        if (login.expiredAt(now)) {
            return Outcome.EXPIRED;
        }
        return switch (login.state()) {
            case PENDING -> Outcome.NOT_CONFIRMED;
            case REFUSED -> Outcome.REFUSED;
            case CONFIRMED -> login.confirmedUserId() == null ? Outcome.NOT_CONFIRMED : Outcome.ACCEPT;
        };
    }

    /** The status the waiting page polls; it never says who confirmed. */
    static Status status(QrPage page, QrLogin login, long now) {
        if (page == null) {
            return Status.EXPIRED;
        }
        if (login == null) {
            return now >= page.expiresAt() ? Status.EXPIRED : Status.USED;
        }
        if (login.expiredAt(now)) {
            return Status.EXPIRED;
        }
        return switch (login.state()) {
            case PENDING -> Status.PENDING;
            case CONFIRMED -> Status.CONFIRMED;
            case REFUSED -> Status.REFUSED;
        };
    }

    /** What the app shows when a QR URL is opened or a step of it is posted. */
    static AppView inApp(QrLogin login, long now) {
        if (login == null) {
            return AppView.GONE;
        }
        if (login.expiredAt(now)) {
            return AppView.EXPIRED;
        }
        if (login.state() != QrLoginState.PENDING) {
            return AppView.ANSWERED;
        }
        return login.appUserId() == null ? AppView.LOGIN : AppView.CONFIRM;
    }

    /**
     * What opening a QR URL (or a failed app login) shows: as {@link #inApp}, except that a QR with a successful app
     * login asks for the app's login again. The confirm form and its token go only to the browser whose app login
     * succeeded, in the answer to that post: anyone else holding the URL (the browser that shows the QR, someone
     * who saw it) would otherwise get the confirm form of the citizen's app login and answer for her.
     */
    static AppView onOpen(QrLogin login, long now) {
        AppView view = inApp(login, now);
        return view == AppView.CONFIRM ? AppView.LOGIN : view;
    }

    /** An app login is taken while the QR is unanswered, also over an earlier one (whose confirm form then fails). */
    static boolean takesAppLogin(AppView view) {
        return view == AppView.LOGIN || view == AppView.CONFIRM;
    }

    /** The same authentication session: same root and same tab. */
    static boolean boundTo(String storedRootId, String storedTabId, String rootId, String tabId) {
        return storedRootId != null && storedTabId != null && storedRootId.equals(rootId)
                && storedTabId.equals(tabId);
    }

    /** A form's CSRF token against the stored one, in constant time; nothing stored matches nothing. */
    static boolean csrfMatches(String stored, String submitted) {
        if (stored == null || submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The validity the form's setting gives: the default when unset or not a whole number, otherwise the number
     * brought into {@value #MIN_VALIDITY_SECONDS}..{@value #MAX_VALIDITY_SECONDS}.
     */
    static int validitySeconds(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_VALIDITY_SECONDS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(configured.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_VALIDITY_SECONDS;
        }
        return (int) Math.max(MIN_VALIDITY_SECONDS, Math.min(MAX_VALIDITY_SECONDS, seconds));
    }

    /**
     * Whether a refused app login is reported to Keycloak's brute-force detection: in a realm that has it on, for an
     * existing, enabled account not locked already (as Keycloak's own password form, which does not count tries
     * against a locked account nor can it count tries of an unknown one).
     */
    static boolean countsAsFailedLogin(boolean bruteForceProtected, boolean userKnown, boolean userEnabled,
            boolean lockedOut) {
        return bruteForceProtected && userKnown && userEnabled && !lockedOut;
    }

    /** The message of a refused app login: the QR is cancelled, the account is locked, or the pair is wrong. */
    static String appLoginError(AppView next, boolean temporarilyLocked) {
        if (next != AppView.LOGIN) {
            return "vneidSandboxAppTooManyAttempts";
        }
        return temporarilyLocked ? "vneidSandboxAppLocked" : "vneidSandboxAppInvalidCredentials";
    }

    /** Seconds a store entry for a QR valid until {@code expiresAt} is kept (at least one). */
    static long keepFor(long expiresAt, long now) {
        return Math.max(1, expiresAt - now + KEPT_AFTER_EXPIRY_SECONDS);
    }

    static boolean sameUser(String expected, String actual) {
        return expected != null && Objects.equals(expected, actual);
    }
}
