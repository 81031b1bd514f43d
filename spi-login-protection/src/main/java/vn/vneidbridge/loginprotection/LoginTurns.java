package vn.vneidbridge.loginprotection;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One node's turns of logins per user: a login of a user waits, at most {@code maxWait}, until the login of the same
 * user before it has ended, instead of being refused as Keycloak 26.7 refuses it. At most {@code maxWaiting} logins
 * wait on a node at once; one more is {@link Outcome#BUSY} at once, as are those that waited {@code maxWait} in vain.
 * Logins of different users never wait for each other. Turns are served in arrival order; the map holds a user only
 * while a login of theirs holds or waits for a turn. Plain Java, no Keycloak.
 */
final class LoginTurns {

    /** How a login came by its turn. */
    enum Outcome {
        /** Nobody held it. */
        AT_ONCE,
        /** Another login of the user held it; this one waited until it ended. */
        AFTER_WAIT,
        /** Another login held it for longer than the wait, or too many were waiting already: no turn. */
        BUSY
    }

    /** A turn taken: {@link #outcome()}, and {@link #release()} when the login has ended (once; later calls do nothing). */
    interface Turn {
        Outcome outcome();

        void release();
    }

    private static final class UserTurn {
        final Semaphore holder = new Semaphore(1, true);
        /** Logins that hold or wait for this turn; changed only inside the map's compute, so one at a time. */
        int logins;
    }

    private final ConcurrentHashMap<String, UserTurn> turns = new ConcurrentHashMap<>();
    private final Semaphore waitingPlaces;
    private final long maxWaitNanos;

    LoginTurns(Duration maxWait, int maxWaiting) {
        if (maxWait.isNegative() || maxWaiting < 0) {
            throw new IllegalArgumentException("maxWait and maxWaiting must not be negative");
        }
        this.maxWaitNanos = maxWait.toNanos();
        this.waitingPlaces = new Semaphore(maxWaiting);
    }

    /**
     * Takes the user's turn: at once when free, otherwise after waiting for it; {@link Outcome#BUSY} holds nothing.
     * An interrupted wait is {@link Outcome#BUSY} and keeps the thread's interrupt flag.
     */
    Turn take(String userId) {
        UserTurn turn = turns.compute(userId, (id, existing) -> {
            UserTurn joined = existing == null ? new UserTurn() : existing;
            joined.logins++;
            return joined;
        });
        try {
            if (turn.holder.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return held(userId, turn, Outcome.AT_ONCE);
            }
            if (maxWaitNanos == 0 || !waitingPlaces.tryAcquire()) {
                return busy(userId);
            }
            try {
                return turn.holder.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)
                        ? held(userId, turn, Outcome.AFTER_WAIT)
                        : busy(userId);
            } finally {
                waitingPlaces.release();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return busy(userId);
        }
    }

    /** Users with a login holding or waiting for a turn on this node (for tests and operational info). */
    int usersInTurn() {
        return turns.size();
    }

    private Turn held(String userId, UserTurn turn, Outcome outcome) {
        AtomicBoolean released = new AtomicBoolean();
        return new Turn() {
            @Override
            public Outcome outcome() {
                return outcome;
            }

            @Override
            public void release() {
                if (released.compareAndSet(false, true)) {
                    turn.holder.release();
                    leave(userId);
                }
            }
        };
    }

    private Turn busy(String userId) {
        leave(userId);
        return new Turn() {
            @Override
            public Outcome outcome() {
                return Outcome.BUSY;
            }

            @Override
            public void release() {
                // nothing held
            }
        };
    }

    private void leave(String userId) {
        turns.computeIfPresent(userId, (id, turn) -> --turn.logins == 0 ? null : turn);
    }
}
