package vn.vneidbridge.core.flow;

/**
 * Notes about VNeID authentications that the VNeID provider writes and the identity page reads. Shared here so
 * that no provider module imports another.
 */
public final class VneidSessionNotes {

    /**
     * User-session note: when this session last authenticated with VNeID (login, link, re-login), in epoch
     * seconds. Set by the {@code vneid} provider on the authentication session's user-session notes, which
     * Keycloak copies to the user session when the login or action completes; a password login never sets it.
     */
    public static final String AUTH_TIME = "vneid.auth_time";

    /**
     * Auth note, {@code "true"} while the identity page sends the citizen to VNeID to log in again before an
     * unlink: the {@code vneid} provider then asks VNeID for {@code prompt=login}.
     */
    public static final String REAUTHENTICATE = "vneid.reauthenticate";

    private VneidSessionNotes() {
    }
}
