package vn.vneidbridge.legacy.password;

import java.util.Objects;

/**
 * The hash work of one password check of the portal-account form: the legacy row's own hash when the legacy
 * storage checks one, and what the form adds when the check fails. One instance per check; not thread-safe.
 *
 * <p>As Keycloak's own form does: an unknown username costs one hash at the realm's password policy; a refused
 * password costs whatever the check itself hashed, nothing more.
 */
public final class LoginHashWork {

    private final HashWork work;

    public LoginHashWork(HashWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Checks a password against a legacy row (see {@link HashWork#legacy}). */
    public boolean verifyLegacy(LegacyPasswordHash hash, String password) {
        return work.legacy(hash, password);
    }

    /** The username is unknown (or its legacy row unusable): no password was checked. */
    public void unknownUser() {
        work.realmPolicy();
    }

    /**
     * The password was refused.
     *
     * @param keycloakHashedStoredPassword whether Keycloak's own credential provider hashed the typed password
     *                                     against a password stored in Keycloak (see {@link #keycloakHashes})
     */
    public void passwordRefused(boolean keycloakHashedStoredPassword) {
        // nothing beyond what the check hashed
    }

    /**
     * Whether Keycloak's username/password form hashes the typed password against a stored Keycloak password (one
     * hash at the parameters it was stored with, the realm's policy once rehashed): only when a password was typed,
     * the user is not locked out by brute-force detection, and a password is stored in Keycloak for the user
     * ({@code AbstractUsernameFormAuthenticator.validatePassword}, {@code PasswordCredentialProvider.isValid}).
     */
    public static boolean keycloakHashes(String typedPassword, boolean lockedOut, boolean storedPassword) {
        return typedPassword != null && !typedPassword.isEmpty() && !lockedOut && storedPassword;
    }
}
