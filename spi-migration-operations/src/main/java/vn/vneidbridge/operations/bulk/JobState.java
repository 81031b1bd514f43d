package vn.vneidbridge.operations.bulk;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a bulk job: QUEUED until a node takes it, RUNNING, PAUSED by an operator (and RUNNING again when
 * resumed), and finally CANCELLED by an operator or DONE when every account is settled. CANCELLED and DONE are
 * final; only a queued or running job is worked on.
 */
public enum JobState {
    QUEUED, RUNNING, PAUSED, CANCELLED, DONE;

    private static final Map<JobState, Set<JobState>> NEXT = Map.of(
            QUEUED, Set.of(RUNNING, PAUSED, CANCELLED),
            RUNNING, Set.of(PAUSED, CANCELLED, DONE),
            PAUSED, Set.of(RUNNING, CANCELLED),
            CANCELLED, Set.of(),
            DONE, Set.of());

    /** An operator's command on a job. */
    public enum Command {
        PAUSE, RESUME, CANCEL;

        /**
         * The state the command leads to from {@code from}, or empty when it is not allowed there: only a paused job
         * is resumed (a queued one is not "resumed" into running past the node that takes it up).
         */
        public Optional<JobState> from(JobState from) {
            JobState to = switch (this) {
                case PAUSE -> PAUSED;
                case RESUME -> RUNNING;
                case CANCEL -> CANCELLED;
            };
            boolean allowed = this == RESUME ? from == PAUSED : from.canMoveTo(to);
            return allowed ? Optional.of(to) : Optional.empty();
        }
    }

    public boolean canMoveTo(JobState next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether a node works on a job in this state. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /**
     * Whether the job's verified results may be withdrawn by an operator's {@code withdraw}: once it is over (no
     * batch of it writes any more); an unfinished job is cancelled instead, which withdraws them too.
     */
    public boolean canWithdraw() {
        return isFinal();
    }

    /** Whether the job is over (it no longer holds its realm's one job slot). */
    public boolean isFinal() {
        return this == CANCELLED || this == DONE;
    }
}
