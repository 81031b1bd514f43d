package vn.vneidbridge.organisation.verification;

import java.time.Duration;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.core.limit.AttemptLimit;
import vn.vneidbridge.core.limit.AttemptSlots;

/**
 * Tax-code verification attempts per account and per client address, so the form cannot be used to probe the
 * business registry for which name goes with which code: an attempt takes one slot of each ({@link AttemptSlots},
 * Keycloak's cluster-wide single-use store) before the registry is asked.
 */
public final class TaxCodeAttemptLimiter {

    private final AttemptSlots slots;
    private final AttemptLimit perAccount;
    private final AttemptLimit perAddress;

    public TaxCodeAttemptLimiter(KeycloakSession session, RealmModel realm, int perAccount, int perAddress,
                                 int windowMinutes) {
        Duration window = Duration.ofMinutes(windowMinutes);
        this.slots = AttemptSlots.of(session, realm);
        this.perAccount = new AttemptLimit("tax-code-account", clamp(perAccount), window);
        this.perAddress = new AttemptLimit("tax-code-address", clamp(perAddress), window);
    }

    /** Takes one attempt of the account and one of the address; false, taking neither, when either is used up. */
    public boolean tryAcquire(String userId, String address) {
        return slots.tryAcquireAll(List.of(new AttemptSlots.Attempt(perAccount, userId),
                new AttemptSlots.Attempt(perAddress, address))).granted();
    }

    private static int clamp(int attempts) {
        return Math.max(1, Math.min(attempts, AttemptSlots.MAX_ATTEMPTS));
    }
}
