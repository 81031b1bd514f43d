package vn.vneidbridge.legacy.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the legacy view has one of the contract's optional columns, as the database last said. The answer is kept
 * for {@link #RECHECK_AFTER}, so a login does not ask it each time, and then asked again: an operator may add the
 * column to the view (or drop it) while Keycloak runs. A database that could not tell is no answer: nothing is kept,
 * and the column counts as missing until it tells.
 */
final class OptionalColumn {

    /** How long an answer of the database is kept. */
    static final Duration RECHECK_AFTER = Duration.ofMinutes(5);

    /** SQLSTATE class 42, syntax error or access rule violation: PostgreSQL {@code 42703}, H2 {@code 42S22}, ... */
    private static final String NOT_IN_THE_VIEW = "42";
    private static final int MAX_CAUSES = 32;

    private final long recheckAfterNanos;
    private final LongSupplier nanoClock;
    private volatile Known known;

    OptionalColumn(Duration recheckAfter, LongSupplier nanoClock) {
        this.recheckAfterNanos = recheckAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * @param probe asks the database: true when the column is there, false when it is missing; throws
     *              {@link LegacyDatabaseUnavailableException} when the database does not answer
     * @return the kept answer while it is fresh, else the probe's (false when the database does not answer)
     */
    boolean isThere(BooleanSupplier probe) {
        long now = nanoClock.getAsLong();
        Known last = known;
        if (last != null && now - last.atNanos() < recheckAfterNanos) {
            return last.there();
        }
        try {
            boolean there = probe.getAsBoolean();
            known = new Known(there, now);
            return there;
        } catch (LegacyDatabaseUnavailableException e) {
            return false;
        }
    }

    /** Whether the database said, recently enough, that the column is not there (no answer is not "missing"). */
    boolean knownMissing() {
        Known last = known;
        return last != null && !last.there() && nanoClock.getAsLong() - last.atNanos() < recheckAfterNanos;
    }

    /** A read found the column missing although it was there when last asked (the view changed): kept as missing. */
    void missing() {
        known = new Known(false, nanoClock.getAsLong());
    }

    /**
     * Whether a failed read of an optional column failed because the view cannot give it: the column is not there (or
     * not granted to Keycloak's database user), which the database says with an SQLSTATE of class 42. A database that
     * cannot be reached, a timeout or any other error is a failure, not an answer.
     */
    static boolean isMissingColumn(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith(NOT_IN_THE_VIEW);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private record Known(boolean there, long atNanos) {
    }
}
