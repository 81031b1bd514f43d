package vn.vneidbridge.cccd.verification;

import java.time.Duration;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.limit.AttemptLimit;
import vn.vneidbridge.core.limit.AttemptSlots;

/**
 * CCCD verification attempts per account and per client address, so the form cannot be used to probe the
 * population database: an attempt takes one slot of each ({@link AttemptSlots}, Keycloak's cluster-wide
 * single-use store) <em>before</em> the registry is asked, so parallel submissions, on one node or several, get no
 * more registry calls than the limit. Each attempt counts for the window from the moment it was made.
 */
public final class CccdAttemptLimiter {

    private final AttemptSlots slots;
    private final AttemptLimit perAccount;
    private final AttemptLimit perAddress;

    public CccdAttemptLimiter(KeycloakSession session, RealmModel realm, int perAccount, int perAddress,
                              int windowMinutes) {
        Duration window = Duration.ofMinutes(windowMinutes);
        this.slots = AttemptSlots.of(session, realm);
        this.perAccount = new AttemptLimit("cccd-account", clamp(perAccount), window);
        this.perAddress = new AttemptLimit("cccd-address", clamp(perAddress), window);
    }

    /**
     * Takes one attempt of the account and one of the address; false, taking neither, when either has used all of
     * its attempts in the window.
     */
    public boolean tryAcquire(String userId, String address) {
        return slots.tryAcquireAll(List.of(new AttemptSlots.Attempt(perAccount, userId),
                new AttemptSlots.Attempt(perAddress, address))).granted();
    }

    private static int clamp(int attempts) {
        return Math.max(1, Math.min(attempts, AttemptSlots.MAX_ATTEMPTS));
    }
}
