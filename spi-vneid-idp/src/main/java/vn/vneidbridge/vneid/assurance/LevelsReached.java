package vn.vneidbridge.vneid.assurance;

import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Records the level a VNeID login reached the way Keycloak's "Condition - Level of Authentication" records a level
 * reached in the browser flow ({@link AcrStore}): in the authentication session, from which Keycloak copies it to
 * the client session (the {@code acr} of the tokens, refreshes included), and in the user session's map of levels
 * with their times, which the SSO cookie step reads within each level's maximum age. A VNeID login does not pass
 * through the browser flow's conditions, so without this Keycloak would report a fresh login as level 1 and an SSO
 * one as level 0, whatever the citizen did. Every level up to the one reached is recorded at once: a VNeID level-2
 * login also meets a request for level 1 or for a password.
 */
public final class LevelsReached {

    private LevelsReached() {
    }

    public static void record(KeycloakSession session, AuthenticationSessionModel authSession, AssuranceLevel reached) {
        AcrStore store = new AcrStore(session, authSession);
        for (AssuranceLevel level : AssuranceLevel.values()) {
            if (level.loa() <= reached.loa()) {
                store.setLevelAuthenticated(level.loa());
            }
        }
        authSession.setUserSessionNote(Constants.LOA_MAP, authSession.getAuthNote(Constants.LOA_MAP));
    }
}
