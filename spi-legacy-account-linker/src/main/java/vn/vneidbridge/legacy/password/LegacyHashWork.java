package vn.vneidbridge.legacy.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real {@link HashWork}: legacy rows through {@link LegacyPasswordVerifier}; the realm-policy hash through
 * the hash given by the caller (Keycloak's own dummy hash of the login form); the legacy dummy as the check of a
 * bcrypt row of the dummy cost — the very code path and work of a real bcrypt row of that cost. Thread-safe.
 */
public final class LegacyHashWork implements HashWork {

    /** The dummy's bcrypt cost unless configured: 2^10 rounds, the common default of PHP and Spring. */
    public static final int DEFAULT_DUMMY_COST = 10;
    /** Fewest and most bcrypt cost the dummy may have (2^4 to 2^16 rounds: 16 is several seconds a hash). */
    public static final int MIN_DUMMY_COST = 4;
    public static final int MAX_DUMMY_COST = 16;

    private static final String DUMMY_PASSWORD = "SlightlyLongerDummyPassword";
    private static final LegacyPasswordVerifier VERIFIER = new LegacyPasswordVerifier();
    private static final Map<Integer, LegacyPasswordHash> REFERENCES = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Runnable realmPolicyHash;
    private final int dummyCost;

    /**
     * @param realmPolicyHash one hash at the realm's password policy
     * @param dummyCost       the bcrypt cost of {@link #legacyDummy()}, {@value #MIN_DUMMY_COST} to
     *                        {@value #MAX_DUMMY_COST}
     */
    public LegacyHashWork(Runnable realmPolicyHash, int dummyCost) {
        if (dummyCost < MIN_DUMMY_COST || dummyCost > MAX_DUMMY_COST) {
            throw new IllegalArgumentException("dummy bcrypt cost " + dummyCost + " is outside "
                    + MIN_DUMMY_COST + "-" + MAX_DUMMY_COST);
        }
        this.realmPolicyHash = Objects.requireNonNull(realmPolicyHash, "realmPolicyHash");
        this.dummyCost = dummyCost;
    }

    @Override
    public boolean legacy(LegacyPasswordHash hash, String password) {
        return VERIFIER.matches(hash, password);
    }

    @Override
    public void realmPolicy() {
        realmPolicyHash.run();
    }

    @Override
    public void legacyDummy() {
        VERIFIER.matches(reference(dummyCost), DUMMY_PASSWORD);
    }

    /** A bcrypt row of this cost, made once per cost and kept: checking a password against it is the dummy. */
    static LegacyPasswordHash reference(int cost) {
        return REFERENCES.computeIfAbsent(cost, c -> {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2A)
                    .hash(c, salt, "vneid-bridge-dummy".getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
            return new LegacyPasswordHash(LegacyPasswordAlgorithm.BCRYPT, hash, null, null);
        });
    }
}
