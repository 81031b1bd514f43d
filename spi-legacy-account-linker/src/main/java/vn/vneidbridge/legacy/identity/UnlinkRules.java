package vn.vneidbridge.legacy.identity;

/** The rule Keycloak's account console applies before removing a link, for the identity page's unlink. */
final class UnlinkRules {

    private UnlinkRules() {
    }

    /** True when the account can still log in after the link goes: a password, a federation link, or another link. */
    static boolean keepsAWayToLogIn(boolean hasPassword, boolean federated, long otherLinks) {
        return hasPassword || federated || otherLinks > 0;
    }
}
