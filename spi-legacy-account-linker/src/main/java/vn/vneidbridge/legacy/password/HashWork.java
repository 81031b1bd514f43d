package vn.vneidbridge.legacy.password;

/**
 * The password hashes the portal-account login computes, behind one small interface so that they can be counted
 * ({@link CountedHashWork}): in the metrics, and in the tests, which count the work instead of timing it.
 * {@link LegacyHashWork} is the real one; {@link LoginHashWork} decides how much of it one login does.
 */
public interface HashWork {

    /**
     * Checks a password against a legacy row's hash: one hash of the row's algorithm at the row's work factor,
     * or none when {@link LegacyPasswordVerifier#hashes(String)} is false for the password (then it never
     * matches).
     *
     * @return whether the password is the row's
     */
    boolean legacy(LegacyPasswordHash hash, String password);

    /** One hash of a fixed password with the realm's password policy (Argon2id by default); the result is dropped. */
    void realmPolicy();

    /** One bcrypt of a fixed password at the dummy cost; the result is dropped. */
    void legacyDummy();
}
