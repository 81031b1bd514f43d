package vn.vneidbridge.vneid.assurance;

import java.util.Map;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What the portal's authorization request asks of this login, read from the notes Keycloak's authorization endpoint
 * wrote: the requested level (the lowest level among its {@code acr} values, raised to the client's minimum), whether
 * it is essential, and the client's "Minimum ACR value".
 */
public record LevelRequest(int requested, int mustReach) {

    /** Set when the step-up sent the citizen to VNeID: seen again in the browser flow, the attempt came back empty. */
    static final String STEP_UP_SENT_NOTE = "vneid.stepUp.sent";

    public static LevelRequest of(AuthenticationSessionModel authSession) {
        if (authSession == null || authSession.getClient() == null) {
            return new LevelRequest(LevelRules.NONE, LevelRules.NONE);
        }
        int requested = number(authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION));
        boolean essential = Boolean.parseBoolean(authSession.getClientNote(Constants.FORCE_LEVEL_OF_AUTHENTICATION));
        int minimum = minimum(authSession.getClient());
        return new LevelRequest(Math.max(requested, minimum), Math.max(essential ? requested : LevelRules.NONE, minimum));
    }

    /** The client's "Minimum ACR value" as a level of authentication, or {@link LevelRules#NONE}. */
    static int minimum(ClientModel client) {
        String acr = AcrUtils.getMinimumAcrValue(client);
        if (acr == null || acr.isBlank()) {
            return LevelRules.NONE;
        }
        Map<String, Integer> map = AcrUtils.getAcrLoaMap(client);
        Integer loa = map.get(acr);
        if (loa != null) {
            return loa;
        }
        int number = number(acr);
        // a minimum that names no level cannot be met: never let it pass as "no minimum"
        return number == LevelRules.NONE ? Integer.MAX_VALUE : number;
    }

    private static int number(String value) {
        if (value == null) {
            return LevelRules.NONE;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return LevelRules.NONE;
        }
    }
}
