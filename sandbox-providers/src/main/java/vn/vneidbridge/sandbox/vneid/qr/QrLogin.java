package vn.vneidbridge.sandbox.vneid.qr;

import java.util.HashMap;
import java.util.Map;

/**
 * One QR login session as the "VNeID app" sees it, stored under its token (the token is in the QR's URL). It is
 * bound to the Keycloak authentication session (root id and tab id) of the browser that shows the QR and to the
 * page's secret handle. {@code appUserId} is set once the app's own login succeeded; {@code confirmedUserId}
 * once the citizen confirmed.
 */
record QrLogin(String rootId, String tabId, String handle, String clientId, QrLoginState state, long expiresAt,
        String csrf, String appUserId, String appCsrf, String confirmedUserId, int failedAppLogins) {

    static QrLogin pending(String rootId, String tabId, String handle, String clientId, long expiresAt, String csrf) {
        return new QrLogin(rootId, tabId, handle, clientId, QrLoginState.PENDING, expiresAt, csrf, null, null, null, 0);
    }

    boolean expiredAt(long now) {
        return now >= expiresAt;
    }

    QrLogin withAppUser(String userId, String newAppCsrf) {
        return new QrLogin(rootId, tabId, handle, clientId, state, expiresAt, csrf, userId, newAppCsrf, null,
                failedAppLogins);
    }

    QrLogin withFailedAppLogin() {
        int failures = failedAppLogins + 1;
        QrLoginState next = failures >= QrLoginDecisions.MAX_APP_LOGIN_FAILURES ? QrLoginState.REFUSED : state;
        return new QrLogin(rootId, tabId, handle, clientId, next, expiresAt, csrf, appUserId, appCsrf,
                confirmedUserId, failures);
    }

    QrLogin confirmed() {
        return new QrLogin(rootId, tabId, handle, clientId, QrLoginState.CONFIRMED, expiresAt, csrf, appUserId, null,
                appUserId, failedAppLogins);
    }

    QrLogin refused() {
        return new QrLogin(rootId, tabId, handle, clientId, QrLoginState.REFUSED, expiresAt, csrf, appUserId, null,
                null, failedAppLogins);
    }

    Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put("rootId", rootId);
        notes.put("tabId", tabId);
        notes.put("handle", handle);
        notes.put("clientId", clientId);
        notes.put("state", state.name());
        notes.put("expiresAt", Long.toString(expiresAt));
        notes.put("csrf", csrf);
        putIfSet(notes, "appUserId", appUserId);
        putIfSet(notes, "appCsrf", appCsrf);
        putIfSet(notes, "confirmedUserId", confirmedUserId);
        notes.put("failedAppLogins", Integer.toString(failedAppLogins));
        return notes;
    }

    /** The stored notes back; {@code null} for nothing stored or for notes that are not a QR login. */
    static QrLogin fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get("state") == null || notes.get("rootId") == null) {
            return null;
        }
        try {
            return new QrLogin(notes.get("rootId"), notes.get("tabId"), notes.get("handle"), notes.get("clientId"),
                    QrLoginState.valueOf(notes.get("state")), Long.parseLong(notes.get("expiresAt")),
                    notes.get("csrf"), notes.get("appUserId"), notes.get("appCsrf"), notes.get("confirmedUserId"),
                    Integer.parseInt(notes.getOrDefault("failedAppLogins", "0")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void putIfSet(Map<String, String> notes, String key, String value) {
        if (value != null) {
            notes.put(key, value);
        }
    }
}
