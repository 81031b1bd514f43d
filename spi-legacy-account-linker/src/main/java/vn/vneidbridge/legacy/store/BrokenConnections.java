package vn.vneidbridge.legacy.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failed read of the legacy database failed on a connection that was already broken — one the pool
 * still held from before the database restarted or a network device dropped it. The pool drops such a
 * connection when it fails (Agroal's exception sorter for the database kind), so the read may be tried again
 * on another one. A database that cannot be reached at all ({@code 08001}), a query that timed out or any
 * other error is not a broken connection: trying again would only make the citizen wait longer.
 */
final class BrokenConnections {

    /**
     * SQLSTATE of a connection that existed and broke: {@code 08003} connection does not exist, {@code 08006}
     * connection failure (PostgreSQL's "An I/O error occurred while sending to the backend"), {@code 08S01}
     * communication link failure (MySQL, SQL Server).
     */
    private static final Set<String> BROKEN = Set.of("08003", "08006", "08S01");
    private static final int MAX_CAUSES = 32;

    private BrokenConnections() {
    }

    static boolean isBrokenConnection(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return BROKEN.contains(sql.getSQLState());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }
}
