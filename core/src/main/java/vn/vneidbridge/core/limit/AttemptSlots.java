package vn.vneidbridge.core.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
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
 * ten requests at once get at most N slots between them, whichever node each reaches. Windows are fixed (counted
 * from the epoch, e.g. every quarter hour for 15 minutes) and each window has its own slots, which the store drops
 * once the window is over; a slot can be {@linkplain #release given back} (an attempt that does not count).
 *
 * <p>Keys are {@code vneid-attempts:<kind>:<hash>:<window>:<slot>}, the hash a SHA-256 of the scope (the realm), the
 * kind and the subject: no user id, username or address is stored in clear. Slots are taken in order, so a binary
 * search ({@code contains}) finds the first free one in about log₂ N reads and the attempt writes once; only when
 * the slots look all held are the lower ones read one by one for a slot given back (limits up to
 * {@value #SCAN_LIMIT}; above, such a slot stays unused until the window ends: fewer attempts, never more).
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

    /** The largest limit. */
    public static final int MAX_ATTEMPTS = 1_000_000;
    /** Limits up to this many slots look for a slot given back below the first free one when they seem used up. */
    static final int SCAN_LIMIT = 1000;
    static final String PREFIX = "vneid-attempts:";

    private final SingleUseObjectProvider store;
    private final String scope;
    private final Clock clock;

    /** Slots in {@code store}, counted apart for each {@code scope} (a realm id). */
    public AttemptSlots(SingleUseObjectProvider store, String scope) {
        this(store, scope, Clock.systemUTC());
    }

    AttemptSlots(SingleUseObjectProvider store, String scope, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        int first = firstFree(prefix, limit.attempts());
        return first == limit.attempts() && givenBack(prefix, limit.attempts()) < 0;
    }

    /** Gives the slots back (the attempt did not count, e.g. a login that succeeded). */
    public void release(Reservation reservation) {
        reservation.slots.forEach(store::remove);
    }

    private Optional<String> take(AttemptLimit limit, String subject) {
        String prefix = prefix(limit, subject);
        int n = limit.attempts();
        long lifespan = lifespan(limit);
        for (int i = firstFree(prefix, n); i < n; i++) {
            if (store.putIfAbsent(prefix + i, lifespan)) {
                return Optional.of(prefix + i);
            }
        }
        for (int i = givenBack(prefix, n); i >= 0; i = givenBack(prefix, i)) {
            if (store.putIfAbsent(prefix + i, lifespan)) {
                return Optional.of(prefix + i);
            }
        }
        return Optional.empty();
    }

    /** The first slot not held, found by binary search as slots are taken in order (n when all seem held). */
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

    /** The highest free slot below {@code below}, for limits up to {@value #SCAN_LIMIT}; -1 when none. */
    private int givenBack(String prefix, int below) {
        if (below > SCAN_LIMIT) {
            return -1;
        }
        for (int i = below - 1; i >= 0; i--) {
            if (!store.contains(prefix + i)) {
                return i;
            }
        }
        return -1;
    }

    /** Until the window is over (plus a minute, for nodes whose clocks lag), at most the window's length. */
    private long lifespan(AttemptLimit limit) {
        long window = limit.window().toSeconds();
        long left = window - clock.millis() / 1000 % window;
        return Math.min(window, left + 60);
    }

    private String prefix(AttemptLimit limit, String subject) {
        long window = clock.millis() / 1000 / limit.window().toSeconds();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((scope + "\n" + limit.kind() + "\n" + (subject == null ? "" : subject))
                    .getBytes(StandardCharsets.UTF_8));
            return PREFIX + limit.kind() + ":" + HexFormat.of().formatHex(hash, 0, 16) + ":" + window + ":";
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
