package vn.vneidbridge.operations.console;

import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The two roles of the operators' pages, client roles of each realm's {@code realm-management} client (beside
 * {@code view-users}, {@code manage-users} …) and of the master realm's {@code <realm>-realm} client (for operators of
 * the master realm, as Keycloak's own admin roles): {@value #READER} sees the migration dashboard and the review
 * queue, {@value #RESOLVER} (a composite holding the reader role) also resolves review entries. Created where
 * missing at every start and when a realm is created or imported; never removed, never renamed.
 */
public final class OperationsRoles {

    public static final String READER = "vneid-operations-reader";
    public static final String RESOLVER = "vneid-operations-resolver";
    static final String READER_DESCRIPTION = "VNeID Bridge: xem trang vận hành (bảng theo dõi chuyển đổi, hàng chờ xét"
            + " duyệt) / operators' pages: read the migration dashboard and the review queue";
    static final String RESOLVER_DESCRIPTION = "VNeID Bridge: xử lý hàng chờ xét duyệt (liên kết hoặc bỏ qua) / operators'"
            + " pages: resolve review entries (link or dismiss)";

    private OperationsRoles() {
    }

    /** Creates the roles where they are missing: the realm's management client and its client in the master realm. */
    public static void ensure(RealmModel realm) {
        if (realm.getName().equals(Config.getAdminRealm())) {
            return;
        }
        ensure(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID));
        ensure(realm.getMasterAdminClient());
    }

    private static void ensure(ClientModel client) {
        if (client == null) {
            return;
        }
        RoleModel reader = role(client, READER, READER_DESCRIPTION);
        RoleModel resolver = role(client, RESOLVER, RESOLVER_DESCRIPTION);
        if (resolver.getCompositesStream().noneMatch(reader::equals)) {
            resolver.addCompositeRole(reader);
        }
    }

    private static RoleModel role(ClientModel client, String name, String description) {
        RoleModel role = client.getRole(name);
        if (role == null) {
            role = client.addRole(name);
            role.setDescription(description);
        }
        return role;
    }

    /**
     * The client whose roles an operator's token is checked against for {@code realm}: the realm's own
     * {@code realm-management} for its users, the master realm's {@code <realm>-realm} client for the master realm's
     * (as Keycloak's admin permissions choose it).
     */
    static ClientModel managementClient(RealmModel realm, RealmModel operatorsRealm) {
        if (operatorsRealm.getName().equals(Config.getAdminRealm()) && !operatorsRealm.equals(realm)) {
            return realm.getMasterAdminClient();
        }
        return realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    }
}
