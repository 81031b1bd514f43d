package vn.vneidbridge.vneid.assurance;

/**
 * The step-up rules, as pure functions of Keycloak levels of authentication ({@link AssuranceLevel#loa()}), where
 * {@code requested} is what the portal asked for (its {@code acr_values} or {@code claims}, raised to the client's
 * minimum; {@link #NONE} when it asked nothing) and {@code mustReach} is the part of it that is not optional: the
 * essential {@code acr} of the {@code claims} parameter, or the client's "Minimum ACR value" ({@link #NONE} when
 * neither).
 * <ul>
 *   <li>In the browser flow, before any page: a request above a password ({@code requested >= 1}) goes to VNeID with
 *       that level. When a VNeID attempt of this login came back without a login (cancelled at VNeID, or VNeID
 *       failed), a voluntary request falls back to the normal login page, and the citizen gets the honest
 *       {@code acr}; a request that must be met is refused back to the portal.</li>
 *   <li>After VNeID answers: the level reached is the account's; below {@code mustReach} the login is refused back
 *       to the portal, before any account is linked or created.</li>
 * </ul>
 * A password login never reaches a VNeID level: only a VNeID login records levels 1 and 2.
 */
public final class LevelRules {

    /** No level requested (Keycloak's {@code NO_LOA}). */
    public static final int NONE = -1;

    private LevelRules() {
    }

    /** What the browser flow does with a request. */
    public sealed interface StepUp permits ToVneid, NotNeeded, FromSession, Unmet {
    }

    /** Send the citizen to VNeID (the identity provider asks VNeID for the level). */
    public record ToVneid(int requested) implements StepUp {
    }

    /** No VNeID level to reach now: the normal login page (or the SSO session) goes on. */
    public record NotNeeded() implements StepUp {
    }

    /**
     * A voluntary request whose VNeID attempt came back without a login, in a browser that already has an SSO session
     * (a step-up from a lower level): the request is dropped and the login goes on from the session, at the level the
     * session has. Without this, the login page's level-0 condition (met by the session) and the VNeID subflow would
     * both be skipped and Keycloak would end the login with an error page instead of the honest level.
     */
    public record FromSession() implements StepUp {
    }

    /**
     * The level must be met and cannot be: the VNeID attempt came back without a login, or the VNeID account's
     * level is lower. An error to the portal.
     */
    public record Unmet(int mustReach) implements StepUp, AfterVneid {
    }

    /** The level reached by a VNeID login, against the request. */
    public sealed interface AfterVneid permits Met, Unmet {
    }

    /** The request is met (or was voluntary): the login goes on at {@code reached}. */
    public record Met(AssuranceLevel reached) implements AfterVneid {
    }

    public static StepUp inBrowser(int requested, int mustReach, boolean vneidAttemptFailed) {
        return inBrowser(requested, mustReach, vneidAttemptFailed, false);
    }

    /** As above; {@code ssoSession}: the browser's SSO session already identified the citizen (a step-up). */
    public static StepUp inBrowser(int requested, int mustReach, boolean vneidAttemptFailed, boolean ssoSession) {
        int wanted = Math.max(requested, mustReach);
        if (wanted <= AssuranceLevel.PORTAL_PASSWORD.loa()) {
            return new NotNeeded();
        }
        if (!vneidAttemptFailed) {
            return new ToVneid(wanted);
        }
        if (mustReach > AssuranceLevel.PORTAL_PASSWORD.loa()) {
            return new Unmet(mustReach);
        }
        return ssoSession ? new FromSession() : new NotNeeded();
    }

    public static AfterVneid afterVneid(AssuranceLevel reached, int mustReach) {
        return reached.loa() >= mustReach ? new Met(reached) : new Unmet(mustReach);
    }
}
