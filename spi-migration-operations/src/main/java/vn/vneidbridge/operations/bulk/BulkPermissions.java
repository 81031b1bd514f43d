package vn.vneidbridge.operations.bulk;

/**
 * Who may do what with bulk jobs. Starting, resuming, cancelling a job or withdrawing a finished job's results decides
 * how much of the state's metered registry quota is spent and which accounts get verified marks, a realm-wide setting:
 * {@code manage-realm} (the role that also sets the registry the realm's flows use). Pausing is the brake:
 * {@code manage-users} may pull it too. The report lists every legacy account checked with a per-person registry
 * outcome: {@code manage-users} or {@code manage-realm}, never {@code view-users} alone. Following a job's progress
 * (counts only) is not decided here.
 */
enum BulkPermissions {
    START, RESUME, CANCEL, WITHDRAW, PAUSE, REPORT;

    /** Whether an operator holding (or not) {@code manage-realm} and {@code manage-users} may do this. */
    boolean allowed(boolean manageRealm, boolean manageUsers) {
        return switch (this) {
            case START, RESUME, CANCEL, WITHDRAW -> manageRealm;
            case PAUSE, REPORT -> manageRealm || manageUsers;
        };
    }

    static BulkPermissions of(JobState.Command command) {
        return switch (command) {
            case PAUSE -> PAUSE;
            case RESUME -> RESUME;
            case CANCEL -> CANCEL;
        };
    }
}
