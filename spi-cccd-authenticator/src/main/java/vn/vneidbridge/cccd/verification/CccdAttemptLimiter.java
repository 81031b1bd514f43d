package vn.vneidbridge.cccd.verification;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.limit.AccountAndAddressAttempts;

/**
 * CCCD verification attempts per account and per client address ({@link AccountAndAddressAttempts}, counts
 * {@code cccd-account} and {@code cccd-address}), so the form cannot be used to probe the population database.
 */
public final class CccdAttemptLimiter {

    private final AccountAndAddressAttempts attempts;

    public CccdAttemptLimiter(KeycloakSession session, RealmModel realm, int perAccount, int perAddress,
                              int windowMinutes) {
        this.attempts = new AccountAndAddressAttempts(session, realm, "cccd", perAccount, perAddress, windowMinutes);
    }

    /**
     * Takes one attempt of the account and one of the address; false, taking neither, when either has used all of
     * its attempts in the window.
     */
    public boolean tryAcquire(String userId, String address) {
        return attempts.tryAcquire(userId, address);
    }
}
