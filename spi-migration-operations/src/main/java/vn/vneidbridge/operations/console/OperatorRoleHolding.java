package vn.vneidbridge.operations.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Whether an operator holds one of the operators' roles ({@link OperationsRoles}) where only an administrator allowed
 * to give it could have put it. Keycloak guards its own admin roles against a lesser admin ({@code RolePermissions}
 * checks their names), not ours: an admin with only {@code manage-clients} may make {@code vneid-operations-resolver}
 * a composite of any role of a client it manages — {@code account}'s {@code view-profile}, which every citizen holds
 * through {@code default-roles-…} — and {@code AdminAuth#hasAppRole} would count it. So the role counts only when it
 * is reached from a role mapped to the user or to one of its groups (parents included), through composites that are
 * realm roles (only {@code manage-realm} edits those) or roles of the management client itself (internal to
 * Keycloak: no {@code manage-clients} admin edits it); a role of any other client ends the path. The token's client
 * must have the role in its scope too, as Keycloak's own check asks.
 */
final class OperatorRoleHolding {

    private OperatorRoleHolding() {
    }

    static boolean holds(UserModel user, ClientModel tokenClient, ClientModel management, String roleName) {
        if (user == null || management == null) {
            return false;
        }
        RoleModel role = management.getRole(roleName);
        if (role == null || (tokenClient != null && !tokenClient.hasScope(role))) {
            return false;
        }
        return reachable(Stream.concat(user.getRoleMappingsStream(),
                groupsWithParents(user).flatMap(GroupModel::getRoleMappingsStream)), management, role);
    }

    private static Stream<GroupModel> groupsWithParents(UserModel user) {
        Set<String> seen = new HashSet<>();
        Deque<GroupModel> todo = new ArrayDeque<>();
        user.getGroupsStream().forEach(todo::add);
        Stream.Builder<GroupModel> all = Stream.builder();
        while (!todo.isEmpty()) {
            GroupModel group = todo.pop();
            if (seen.add(group.getId())) {
                all.add(group);
                if (group.getParent() != null) {
                    todo.add(group.getParent());
                }
            }
        }
        return all.build();
    }

    private static boolean reachable(Stream<RoleModel> mapped, ClientModel management, RoleModel target) {
        Set<String> seen = new HashSet<>();
        Deque<RoleModel> todo = new ArrayDeque<>();
        mapped.forEach(todo::add);
        while (!todo.isEmpty()) {
            RoleModel role = todo.pop();
            if (!seen.add(role.getId())) {
                continue;
            }
            if (role.getId().equals(target.getId())) {
                return true;
            }
            boolean trusted = !role.isClientRole() || management.getId().equals(role.getContainerId());
            if (trusted && role.isComposite()) {
                role.getCompositesStream().forEach(todo::add);
            }
        }
        return false;
    }
}
