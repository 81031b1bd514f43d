package vn.vneidbridge.sandbox.vneid.qr;

import java.util.HashMap;
import java.util.Map;

/**
 * What the waiting login page holds, stored under its secret handle: which QR token it shows now, to which
 * authentication session (root id and tab id) it belongs, for which client, until when that QR is valid, and how
 * long each of its QRs is valid (the form's setting when the page was shown, kept for the renewals, which the
 * app's resource serves without the form's execution at hand).
 */
record QrPage(String token, String rootId, String tabId, String clientId, long expiresAt, int validitySeconds) {

    QrPage(String token, String rootId, String tabId, String clientId, long expiresAt) {
        this(token, rootId, tabId, clientId, expiresAt, QrLoginDecisions.DEFAULT_VALIDITY_SECONDS);
    }

    Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put("token", token);
        notes.put("rootId", rootId);
        notes.put("tabId", tabId);
        notes.put("clientId", clientId);
        notes.put("expiresAt", Long.toString(expiresAt));
        notes.put("validitySeconds", Integer.toString(validitySeconds));
        return notes;
    }

    static QrPage fromNotes(Map<String, String> notes) {
        if (notes == null || notes.get("token") == null || notes.get("rootId") == null) {
            return null;
        }
        try {
            return new QrPage(notes.get("token"), notes.get("rootId"), notes.get("tabId"), notes.get("clientId"),
                    Long.parseLong(notes.get("expiresAt")),
                    QrLoginDecisions.validitySeconds(notes.get("validitySeconds")));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
