package vn.vneidbridge.core.user;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The portals' administrators: users with the realm role {@value UserAttributes#PORTAL_ADMIN_ROLE}. They are never
 * linked to VNeID and are exempt from the cutoff; every step that decides so asks here.
 */
public final class PortalAdministrators {

    private PortalAdministrators() {
    }

    /** Whether the user has the realm's administrator role (false when the realm has no such role). */
    public static boolean isAdministrator(RealmModel realm, UserModel user) {
        RoleModel role = realm.getRole(UserAttributes.PORTAL_ADMIN_ROLE);
        return role != null && user.hasRole(role);
    }
}
