package vn.vneidbridge.core.limit;

import java.time.Duration;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Attempts of one kind of check per account and per client address, so a form cannot be used to probe a national
 * register: an attempt takes one slot of each ({@link AttemptSlots}, Keycloak's cluster-wide single-use store)
 * <em>before</em> the register is asked, so parallel submissions, on one node or several, get no more calls than the
 * limit. Each attempt counts for the window from the moment it was made. The counts are named {@code <kind>-account}
 * and {@code <kind>-address} (e.g. {@code cccd-account}).
 */
public final class AccountAndAddressAttempts {

    private final AttemptSlots slots;
    private final AttemptLimit perAccount;
    private final AttemptLimit perAddress;

    public AccountAndAddressAttempts(KeycloakSession session, RealmModel realm, String kind, int perAccount,
                                     int perAddress, int windowMinutes) {
        Duration window = Duration.ofMinutes(windowMinutes);
        this.slots = AttemptSlots.of(session, realm);
        this.perAccount = new AttemptLimit(kind + "-account", clamp(perAccount), window);
        this.perAddress = new AttemptLimit(kind + "-address", clamp(perAddress), window);
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
