package vn.vneidbridge.sandbox.vneid.qr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The QR login's decisions, free of Keycloak: what a submitted QR gives, what the page and the app show. */
final class QrLoginDecisions {

    /** How long a QR is valid, in seconds. */
    static final int VALIDITY_SECONDS = 120;
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

    /** Seconds a store entry for a QR valid until {@code expiresAt} is kept (at least one). */
    static long keepFor(long expiresAt, long now) {
        return Math.max(1, expiresAt - now + KEPT_AFTER_EXPIRY_SECONDS);
    }

    static boolean sameUser(String expected, String actual) {
        return expected != null && Objects.equals(expected, actual);
    }
}
