package vn.vneidbridge.core.flow;

/**
 * Names of the authentication-session notes the VNeID Bridge providers pass to each other within one login.
 * Shared here so that no provider module imports another.
 */
public final class LoginNotes {

    /**
     * Auth note, {@code "true"} when the cutoff policy lets this portal-account login go on only to verify the
     * CCCD and link to VNeID: no "Bỏ qua", and no portal session at the end.
     */
    public static final String LINK_ONLY = "vneid.cutoff.linkOnly";

    /**
     * Client note: the id of the account a VNeID login was started from (the "Đăng nhập bằng VNeID" button
     * of the link-only page). The VNeID identity must be that account's verified CCCD, else the login is
     * refused and nothing is linked. A client note, because Keycloak clears auth notes when the broker's
     * first-login flow starts.
     */
    public static final String LINK_TO_USER = "vneid.link.user";

    /**
     * Auth note, {@code "true"} when the certificate login ("Usb ký số") stands beside the password form, configured
     * with a trusted root: the chooser then shows its card. Set by the certificate step, which runs first.
     */
    public static final String CERTIFICATE_LOGIN_OFFERED = "vneid.certificate.offered";

    private LoginNotes() {
    }
}
