package vn.vneidbridge.core.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Attempt limits that parallel requests cannot outrun, on one node or on a cluster. A limit of N attempts per window
 * is N slots in Keycloak's single-use store ({@code session.singleUseObjects()}, cluster-wide in Infinispan); an
 * attempt <em>takes</em> a free slot with the store's atomic {@code putIfAbsent} before the guarded work starts, so
 * ten requests at once get at most N slots between them, whichever node each reaches. A slot lives for one window
 * from the moment it is taken, then the store drops it: the window slides, so no stretch of time as long as the
 * window holds more than N attempts (fixed windows would let 2N through around each boundary). A slot can be
 * {@linkplain #release given back} (an attempt that does not count).
 *
 * <p>Keys are {@code vneid-attempts:<kind>:<hash>:<slot>}, the hash a SHA-256 of the scope (the realm), the kind, the
 * window's length and the subject: no user id, username or address is stored in clear. Slots are mostly taken in
 * order, so a binary search ({@code contains}) finds a free one in about log₂ N reads and the attempt writes once;
 * only when the slots look all held are they read one by one, from the lowest, for one that expired or was given
 * back. A subject found
 * with every slot held is marked full for {@value #FULL_SECONDS} s ({@code <prefix>full}), so the requests that keep
 * coming from it (an address behind a carrier's NAT, an attacker) read one key each instead of every slot; a slot
 * given back clears the mark, one that expires meanwhile waits for it (fewer attempts, never more).
 *
 * <pre>{@code
 * static final AttemptLimit CONFIRM = new AttemptLimit("confirm-password", 5, Duration.ofMinutes(15));
 * AttemptSlots slots = AttemptSlots.of(session, realm);
 * if (!slots.tryAcquire(CONFIRM, AttemptSlots.loginOf(authSession)).granted()) {
 *     // refuse: too many attempts
 * }
 * }</pre>
 */
public final class AttemptSlots {

    /** The largest limit: every slot of a limit may be read when it seems used up. */
    public static final int MAX_ATTEMPTS = 1000;
    /** How long a subject with every slot held is answered "full" without reading its slots. */
    static final long FULL_SECONDS = 5;
    private static final String FULL = "full";
    static final String PREFIX = "vneid-attempts:";

    private final SingleUseObjectProvider store;
    private final String scope;

    /** Slots in {@code store}, counted apart for each {@code scope} (a realm id). */
    public AttemptSlots(SingleUseObjectProvider store, String scope) {
        this.store = Objects.requireNonNull(store, "store");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The slots of a realm in the session's single-use store. */
    public static AttemptSlots of(KeycloakSession session, RealmModel realm) {
        return new AttemptSlots(session.singleUseObjects(), realm.getId());
    }

    /** The subject "this login" (the browser's login session and its tab): for limits per login attempt. */
    public static String loginOf(AuthenticationSessionModel authSession) {
        return authSession.getParentSession().getId() + "/" + authSession.getTabId();
    }

    /** Takes one attempt of {@code subject} under {@code limit}; not granted when every slot is held. */
    public Reservation tryAcquire(AttemptLimit limit, String subject) {
        return tryAcquireAll(List.of(new Attempt(limit, subject)));
    }

    /**
     * Takes one attempt under each limit, in order, or none: when a limit has no free slot, the slots already taken
     * for the earlier ones are given back and the reservation names the limit that refused.
     */
    public Reservation tryAcquireAll(List<Attempt> attempts) {
        List<String> taken = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Optional<String> slot = take(attempt.limit(), attempt.subject());
            if (slot.isEmpty()) {
                taken.forEach(store::remove);
                return new Reservation(List.of(), attempt.limit());
            }
            taken.add(slot.get());
        }
        return new Reservation(List.copyOf(taken), null);
    }

    /** Whether every slot of {@code subject} under {@code limit} is held: the next attempt would be refused. */
    public boolean exhausted(AttemptLimit limit, String subject) {
        String prefix = prefix(limit, subject);
        if (store.contains(prefix + FULL)) {
            return true;
        }
        int first = firstFree(prefix, limit.attempts());
        if (first == limit.attempts() && freeFrom(prefix, 0, limit.attempts()) < 0) {
            store.putIfAbsent(prefix + FULL, FULL_SECONDS);
            return true;
        }
        return false;
    }

    /** Gives the slots back (the attempt did not count, e.g. a login that succeeded). */
    public void release(Reservation reservation) {
        reservation.slots.forEach(this::free);
    }

    /** Gives back only the slot {@code reservation} holds under {@code limit}; its other slots still count. */
    public void release(Reservation reservation, AttemptLimit limit) {
        String kind = PREFIX + limit.kind() + ":";
        reservation.slots.stream().filter(slot -> slot.startsWith(kind)).forEach(this::free);
    }

    private void free(String slot) {
        store.remove(slot);
        store.remove(slot.substring(0, slot.lastIndexOf(':') + 1) + FULL);
    }

    private Optional<String> take(AttemptLimit limit, String subject) {
        String prefix = prefix(limit, subject);
        if (store.contains(prefix + FULL)) {
            return Optional.empty();
        }
        int n = limit.attempts();
        long lifespan = limit.window().toSeconds();
        for (int i = firstFree(prefix, n); i < n; i++) {
            if (store.putIfAbsent(prefix + i, lifespan)) {
                return Optional.of(prefix + i);
            }
        }
        for (int i = freeFrom(prefix, 0, n); i >= 0; i = freeFrom(prefix, i + 1, n)) {
            if (store.putIfAbsent(prefix + i, lifespan)) {
                return Optional.of(prefix + i);
            }
        }
        store.putIfAbsent(prefix + FULL, FULL_SECONDS);
        return Optional.empty();
    }

    /** A slot not held, found by binary search as slots are mostly taken in order (n when all seem held). */
    private int firstFree(String prefix, int n) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (store.contains(prefix + mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The lowest free slot from {@code from} on; -1 when none. Read upwards, as the oldest slots, which expire first,
     * are mostly the lowest.
     */
    private int freeFrom(String prefix, int from, int n) {
        for (int i = from; i < n; i++) {
            if (!store.contains(prefix + i)) {
                return i;
            }
        }
        return -1;
    }

    private String prefix(AttemptLimit limit, String subject) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // the window's length too: a count of one kind kept with another window (the CCCD form's setting and the
            // identity page's 15 minutes) is another count, not slots held for the other one's lifespan
            byte[] hash = digest.digest((scope + "\n" + limit.kind() + "\n" + limit.window().toSeconds() + "\n"
                    + (subject == null ? "" : subject)).getBytes(StandardCharsets.UTF_8));
            return PREFIX + limit.kind() + ":" + HexFormat.of().formatHex(hash, 0, 16) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One attempt of a subject (an account, an address, a login; null counts as "") under a limit. */
    public record Attempt(AttemptLimit limit, String subject) {
        public Attempt {
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** The slots one attempt holds, or the limit that refused it. */
    public static final class Reservation {

        private final List<String> slots;
        private final AttemptLimit refusedBy;

        private Reservation(List<String> slots, AttemptLimit refusedBy) {
            this.slots = slots;
            this.refusedBy = refusedBy;
        }

        /** A reservation of nothing, for an attempt that no limit counts. */
        public static Reservation none() {
            return new Reservation(List.of(), null);
        }

        /** Whether the attempt may go ahead. */
        public boolean granted() {
            return refusedBy == null;
        }

        /** The limit that had no free slot, when not granted. */
        public Optional<AttemptLimit> refusedBy() {
            return Optional.ofNullable(refusedBy);
        }
    }
}
