package vn.vneidbridge.it.support;

/**
 * The same as {@link TestKeycloak}, a Keycloak of its own for {@code BackChannelLogoutToPortalsIT}: that test points
 * the portal clients' back-channel logout at its own demo portals through the admin API, where realm dvc's client
 * policy turns their "Full scope allowed" off — which changes what their tokens carry for every test after it on a
 * shared server (and, before the portals got {@code manage-account-links} in their scope, hid the linking notice).
 */
public final class TestKeycloakForLogout extends TestKeycloak {

    @Override
    protected String serverName() {
        return "it-logout";
    }
}
