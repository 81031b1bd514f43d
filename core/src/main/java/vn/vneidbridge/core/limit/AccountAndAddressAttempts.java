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
        this(AttemptSlots.of(session, realm), kind, perAccount, perAddress, windowMinutes);
    }

    AccountAndAddressAttempts(AttemptSlots slots, String kind, int perAccount, int perAddress, int windowMinutes) {
        Duration window = Duration.ofMinutes(windowMinutes);
        this.slots = slots;
        this.perAccount = new AttemptLimit(kind + "-account", clamp(perAccount), window);
        this.perAddress = new AttemptLimit(kind + "-address", clamp(perAddress), window);
    }

    /**
     * Takes one attempt of the account and one of the address; false, taking neither, when either has used all of
     * its attempts in the window.
     */
    public boolean tryAcquire(String userId, String address) {
        return reserve(userId, address).granted();
    }

    /**
     * The same, keeping what was taken, so that an attempt which turns out not to count against the account can be
     * {@linkplain #giveBackAccount given back}; not granted, taking neither, when either is used up.
     */
    public AttemptSlots.Reservation reserve(String userId, String address) {
        return slots.tryAcquireAll(List.of(new AttemptSlots.Attempt(perAccount, userId),
                new AttemptSlots.Attempt(perAddress, address)));
    }

    /**
     * Gives back the account's slot of a reservation and keeps the address's: the attempt no longer counts against
     * the account (a failure of the register, not of the citizen) but still against whoever sent it.
     */
    public void giveBackAccount(AttemptSlots.Reservation reservation) {
        slots.release(reservation, perAccount);
    }

    private static int clamp(int attempts) {
        return Math.max(1, Math.min(attempts, AttemptSlots.MAX_ATTEMPTS));
    }
}
