package vn.vneidbridge.core.user;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The portals' administrators: users with the realm role {@value UserAttributes#PORTAL_ADMIN_ROLE}. They are never
 * linked to VNeID and are exempt from the cutoff; every step that decides so asks here. With the state officials
 * ({@value UserAttributes#STATE_OFFICIAL_ROLE}) they are the state's staff.
 */
public final class PortalAdministrators {

    private PortalAdministrators() {
    }

    /** Whether the user has the realm's administrator role (false when the realm has no such role). */
    public static boolean isAdministrator(RealmModel realm, UserModel user) {
        return hasRealmRole(realm, user, UserAttributes.PORTAL_ADMIN_ROLE);
    }

    /**
     * Whether the user works for the state (CBCCVC): an administrator, or a user with the realm role
     * {@value UserAttributes#STATE_OFFICIAL_ROLE}. Login means not meant for them (Vietnam Post's account) ask here.
     */
    public static boolean isStateStaff(RealmModel realm, UserModel user) {
        return isAdministrator(realm, user) || hasRealmRole(realm, user, UserAttributes.STATE_OFFICIAL_ROLE);
    }

    private static boolean hasRealmRole(RealmModel realm, UserModel user, String name) {
        RoleModel role = realm.getRole(name);
        return role != null && user.hasRole(role);
    }
}
