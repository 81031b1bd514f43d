package vn.vneidbridge.legacy.password;

import java.util.Objects;

/**
 * The hash work of one password check of the portal-account form. Every check that fails does exactly the same
 * work, whoever the username is: <b>one hash at the realm's password policy and one slow legacy hash</b>. An
 * attacker who times the form then learns neither whether a username exists (as a legacy row, an imported
 * account, a user created by VNeID whose username is the CCCD) nor how a row's password was hashed.
 *
 * <p>Why this work. The paths that cannot be made cheaper set it: a user with a Keycloak password (an imported
 * account) costs Keycloak's check of it, one hash at the parameters it was stored with — the realm's policy, Argon2id
 * by default; a bcrypt or PBKDF2 row costs its own check. Keycloak itself already pays the first for an unknown
 * username (its dummy hash in {@code AbstractUsernameFormAuthenticator.testInvalidUser}). So every failed check pays
 * both, and where one of them was not really hashed a dummy of the same kind stands in:
 * <ul>
 *   <li>realm-policy part: Keycloak's check of a stored password, else {@link HashWork#realmPolicy()} (Keycloak's own
 *       dummy hash) — for an unknown username, any legacy row, a user without a password, an empty password, a
 *       brute-force lockout;</li>
 *   <li>slow legacy part: the row's bcrypt or PBKDF2, else {@link HashWork#legacyDummy()} (a bcrypt of the dummy
 *       cost) — for an unknown username, an MD5 or salted SHA-256 row (microseconds each, still checked), a locked or
 *       unusable row, an imported account, a user without a password.</li>
 * </ul>
 * Dummies are added only once a check has failed: a right password (which the attacker would have to know) costs
 * what its own check costs, so the logins of imported accounts — most logins, in time — stay one Argon2id hash.
 *
 * <p>What this does not give. The count is equal on every path; the time is equal only as far as the work factors
 * are: a bcrypt row of cost 12 costs four times a dummy of cost 10, a PBKDF2 row costs its own iteration count, a
 * Keycloak password stored under an older policy its old parameters. The operator sets the dummy's cost to the one
 * most legacy rows have ({@code docs/legacy-database-contract.md}). The lookups themselves (Keycloak's database, the
 * legacy database) are not hash work and are not evened out here.
 *
 * <p>One instance per check; not thread-safe. {@code FailedLoginHashWorkTest} counts the work of every path.
 */
public final class LoginHashWork {

    private final HashWork work;
    private int realmPolicyHashes;
    private int slowLegacyHashes;

    public LoginHashWork(HashWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Checks a password against a legacy row (see {@link HashWork#legacy}), counting a slow hash. */
    public boolean verifyLegacy(LegacyPasswordHash hash, String password) {
        boolean matches = work.legacy(hash, password);
        if (hash.algorithm().isSlow() && LegacyPasswordVerifier.hashes(password)) {
            slowLegacyHashes++;
        }
        return matches;
    }

    /** The username is unknown (or its legacy row unusable): no password was checked. */
    public void unknownUser() {
        passwordRefused(false);
    }

    /**
     * The password was refused: does what the check did not, to make it one hash at the realm's policy and one slow
     * legacy hash.
     *
     * @param keycloakHashedStoredPassword whether Keycloak's own credential provider hashed the typed password
     *                                     against a password stored in Keycloak (see {@link #keycloakHashes})
     */
    public void passwordRefused(boolean keycloakHashedStoredPassword) {
        if (!keycloakHashedStoredPassword && realmPolicyHashes == 0) {
            work.realmPolicy();
            realmPolicyHashes++;
        }
        if (slowLegacyHashes == 0) {
            work.legacyDummy();
            slowLegacyHashes++;
        }
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
