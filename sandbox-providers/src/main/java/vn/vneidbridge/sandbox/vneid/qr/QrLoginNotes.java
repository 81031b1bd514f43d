package vn.vneidbridge.sandbox.vneid.qr;

/** What the QR login leaves in the authentication session for the steps after it. */
public final class QrLoginNotes {

    /**
     * Auth note set to the user's id when the login came through a confirmed QR: the app's confirmation replaces
     * the SMS one-time code, so the OTP step lets exactly this user pass.
     */
    public static final String CONFIRMED_IN_APP_USER = "vneid-sandbox-qr-confirmed-user";

    private QrLoginNotes() {
    }
}
