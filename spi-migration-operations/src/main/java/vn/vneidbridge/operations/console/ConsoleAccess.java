package vn.vneidbridge.operations.console;

/**
 * What an operator may do on the operators' pages, decided from the roles the operator holds. The reader role
 * ({@value OperationsRoles#READER}) shows the dashboard and the review queue; the resolver role
 * ({@value OperationsRoles#RESOLVER}) also resolves review entries; {@code manage-realm} (so {@code realm-admin})
 * implies both. Full id numbers and usernames are shown only to an operator who may also view users
 * ({@code view-users}, as the review REST asks), else masked. The bulk job buttons follow the bulk REST's rules
 * (start, resume and cancel {@code manage-realm}; pause and the report {@code manage-users} or {@code manage-realm}):
 * the page only hides what the REST would refuse; the REST decides.
 */
public record ConsoleAccess(boolean read, boolean resolve, boolean fullNumbers, boolean startJobs, boolean pauseJobs,
                            boolean resumeAndCancelJobs, boolean downloadReports) {

    /** The roles and permissions an operator holds, as Keycloak's admin permissions answer. */
    public record Facts(boolean readerRole, boolean resolverRole, boolean manageRealm, boolean manageUsers,
                        boolean viewUsers) {
    }

    public static final ConsoleAccess NONE = new ConsoleAccess(false, false, false, false, false, false, false);

    public static ConsoleAccess of(Facts facts) {
        boolean read = facts.readerRole() || facts.resolverRole() || facts.manageRealm();
        if (!read) {
            return NONE;
        }
        boolean resolve = facts.resolverRole() || facts.manageRealm();
        boolean viewUsers = facts.viewUsers() || facts.manageUsers();
        boolean manageUsersOrRealm = facts.manageUsers() || facts.manageRealm();
        return new ConsoleAccess(true, resolve, viewUsers, facts.manageRealm(), manageUsersOrRealm,
                facts.manageRealm(), manageUsersOrRealm);
    }
}
