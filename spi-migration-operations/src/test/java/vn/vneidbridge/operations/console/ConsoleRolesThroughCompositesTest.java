package vn.vneidbridge.operations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.RealmPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.UserPermissionEvaluator;

/**
 * Who holds the operators' roles. Keycloak guards its own admin roles ({@code view-users}, {@code manage-users} …)
 * against being handed out by a lesser admin ({@code RolePermissions#checkAdminRoles} looks only at the names in
 * {@code AdminRoles.ALL_ROLES}); our two roles are not among those names. An admin with {@code manage-clients} only
 * may therefore add {@code vneid-operations-resolver} as a composite of any role of a client it manages — the
 * {@code account} client's {@code view-profile}, which every citizen holds through {@code default-roles-dvc}
 * ({@code POST /admin/realms/dvc/clients/{account}/roles/view-profile/composites}: {@code requireManage(view-profile)}
 * is {@code canConfigure(account)}, {@code requireMapComposite(resolver)} is {@code manage-clients} plus
 * {@code checkAdminRoles}, true for a name not in the list). The roles must count only where Keycloak's guard or a
 * user manager put them: mapped to the user or one of its groups, or held through a role of the management client
 * itself (which no {@code manage-clients} admin can edit: Keycloak treats that client as internal).
 */
class ConsoleRolesThroughCompositesTest {

    @Nested
    class GivenAManageClientsAdminMadeTheResolverACompositeOfAccountViewProfile {

        @Test
        void thenACitizenHoldingOnlyTheDefaultRolesCannotResolve() {
            Model model = new Model();
            model.viewProfile.composites.add(model.resolver);
            FakeUser citizen = new FakeUser(model.viewProfile);

            ConsoleAccess access = model.accessOf(citizen);

            assertThat(access.resolve()).as("resolver through account/view-profile").isFalse();
            assertThat(access.read()).as("reader through account/view-profile → resolver").isFalse();
        }

        @Test
        void thenNeitherCanTheManageClientsAdminHimself() {
            Model model = new Model();
            Role ownClientRole = new Role("portal-operator", model.account);
            ownClientRole.composites.add(model.reader);
            FakeUser admin = new FakeUser(model.manageClients, ownClientRole);

            assertThat(model.accessOf(admin).read()).isFalse();
        }
    }

    @Nested
    class GivenTheRolesGivenTheWayTheDocsSay {

        @Test
        void thenAUserMappedToTheResolverResolvesAndReads() {
            Model model = new Model();
            ConsoleAccess access = model.accessOf(new FakeUser(model.resolver));

            assertThat(access.resolve()).isTrue();
            assertThat(access.read()).isTrue();
        }

        @Test
        void thenAUserMappedToTheReaderReadsOnly() {
            Model model = new Model();
            ConsoleAccess access = model.accessOf(new FakeUser(model.reader));

            assertThat(access.read()).isTrue();
            assertThat(access.resolve()).isFalse();
        }

        @Test
        void thenAMemberOfAGroupMappedToTheResolverResolves() {
            Model model = new Model();
            FakeUser member = new FakeUser();
            member.groups.add(new FakeGroup(model.resolver));

            assertThat(model.accessOf(member).resolve()).isTrue();
        }
    }

    // ---------- a small role graph with Keycloak's semantics (hasRole expands composites) ----------

    private static final class Role {
        final String name;
        final Object container;
        final List<Role> composites = new ArrayList<>();
        final RoleModel model;

        Role(String name, Object container) {
            this.name = name;
            this.container = container;
            this.model = proxy(RoleModel.class, this, Map.of(
                    "getName", a -> name,
                    "getId", a -> "id-" + name,
                    "getContainer", a -> container,
                    "getContainerId", a -> ((ClientModel) container).getId(),
                    "isClientRole", a -> true,
                    "isComposite", a -> !composites.isEmpty(),
                    "getCompositesStream", a -> composites.stream().map(r -> r.model),
                    "hasRole", a -> holds(this, (RoleModel) a[0]),
                    "getDescription", a -> null));
        }
    }

    private static boolean holds(Role role, RoleModel wanted) {
        return role.model.equals(wanted) || role.composites.stream().anyMatch(c -> holds(c, wanted));
    }

    private static final class FakeGroup {
        final List<Role> roles;
        final GroupModel model;

        FakeGroup(Role... roles) {
            this.roles = List.of(roles);
            this.model = proxy(GroupModel.class, this, Map.of(
                    "getRoleMappingsStream", a -> this.roles.stream().map(r -> r.model),
                    "getRealmRoleMappingsStream", a -> Stream.empty(),
                    "getClientRoleMappingsStream", a -> this.roles.stream().filter(r -> r.container == a[0])
                            .map(r -> r.model),
                    "hasDirectRole", a -> this.roles.stream().anyMatch(r -> r.model.equals(a[0])),
                    "hasRole", a -> this.roles.stream().anyMatch(r -> holds(r, (RoleModel) a[0])),
                    "getParent", a -> null,
                    "getParentId", a -> null,
                    "getName", a -> "operators",
                    "getId", a -> "group-operators"));
        }
    }

    private static final class FakeUser {
        final List<Role> roles;
        final List<FakeGroup> groups = new ArrayList<>();
        final UserModel model;

        FakeUser(Role... roles) {
            this.roles = List.of(roles);
            Map<String, Function<Object[], Object>> answers = new LinkedHashMap<>();
            answers.put("getRoleMappingsStream", a -> this.roles.stream().map(r -> r.model));
            answers.put("getRealmRoleMappingsStream", a -> Stream.empty());
            answers.put("getClientRoleMappingsStream", a -> this.roles.stream().filter(r -> r.container == a[0])
                    .map(r -> r.model));
            answers.put("hasDirectRole", a -> this.roles.stream().anyMatch(r -> r.model.equals(a[0])));
            answers.put("hasRole", a -> this.roles.stream().anyMatch(r -> holds(r, (RoleModel) a[0]))
                    || groups.stream().anyMatch(g -> g.roles.stream().anyMatch(r -> holds(r, (RoleModel) a[0]))));
            answers.put("getGroupsStream", a -> groups.stream().map(g -> g.model));
            answers.put("getUsername", a -> "someone");
            answers.put("getId", a -> "user-1");
            this.model = proxy(UserModel.class, this, answers);
        }
    }

    private static final class Model {
        final List<Role> managementRoles = new ArrayList<>();
        final ClientModel management = client("realm-management", managementRoles);
        final List<Role> accountRoles = new ArrayList<>();
        final ClientModel account = client("account", accountRoles);
        final Role reader = role(OperationsRoles.READER, management, managementRoles);
        final Role resolver = role(OperationsRoles.RESOLVER, management, managementRoles);
        final Role manageClients = role("manage-clients", management, managementRoles);
        final Role viewProfile = role("view-profile", account, accountRoles);
        final RealmModel realm;
        /** The operators' pages' public client: "Full scope allowed" (the realm files leave it at Keycloak's default). */
        final ClientModel console = proxy(ClientModel.class, "console", Map.of(
                "getClientId", a -> ConsolePage.CLIENT_ID,
                "getId", a -> "id-console",
                "hasScope", a -> true,
                "isFullScopeAllowed", a -> true));

        Model() {
            resolver.composites.add(reader);
            realm = proxy(RealmModel.class, "realm", Map.of(
                    "getName", a -> "dvc",
                    "getId", a -> "dvc",
                    "getClientByClientId", a -> "realm-management".equals(a[0]) ? management
                            : "account".equals(a[0]) ? account : null,
                    "getMasterAdminClient", a -> null));
        }

        ConsoleAccess accessOf(FakeUser user) {
            AdminAuth adminAuth = new AdminAuth(realm, null, user.model, console);
            RealmPermissionEvaluator realmPermissions = proxy(RealmPermissionEvaluator.class, "realm-permissions",
                    Map.of("canManageRealm", a -> false));
            UserPermissionEvaluator userPermissions = proxy(UserPermissionEvaluator.class, "user-permissions",
                    Map.of("canManage", a -> false, "canView", a -> false));
            AdminPermissionEvaluator auth = proxy(AdminPermissionEvaluator.class, "auth", Map.of(
                    "adminAuth", a -> adminAuth,
                    "realm", a -> realmPermissions,
                    "users", a -> userPermissions));
            return new ConsoleResource(null, realm, auth, null).access();
        }

        private static Role role(String name, ClientModel client, List<Role> roles) {
            Role role = new Role(name, client);
            roles.add(role);
            return role;
        }

        private static ClientModel client(String clientId, List<Role> roles) {
            return proxy(ClientModel.class, clientId, Map.of(
                    "getClientId", a -> clientId,
                    "getId", a -> "id-" + clientId,
                    "getRole", a -> roles.stream().filter(r -> r.name.equals(a[0])).map(r -> r.model).findFirst()
                            .orElse(null),
                    "getRolesStream", a -> roles.stream().map(r -> r.model),
                    "hasScope", a -> true));
        }
    }

    /** An interface answering the named methods; equals/hashCode/toString by the given identity. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object identity, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "equals":
                            return self == args[0];
                        case "hashCode":
                            return System.identityHashCode(self);
                        case "toString":
                            return type.getSimpleName() + "(" + Objects.toString(identity) + ")";
                        default:
                            Function<Object[], Object> answer = answers.get(method.getName());
                            if (answer == null) {
                                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                            }
                            return answer.apply(args == null ? new Object[0] : args);
                    }
                });
    }
}
