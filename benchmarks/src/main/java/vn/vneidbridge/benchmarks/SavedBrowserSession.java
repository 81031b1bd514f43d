package vn.vneidbridge.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The realm-{@code dvc} cookies of one browser right after a login (its SSO session), kept by a preparation run so
 * that a later run's virtual user can go on as that browser — once: a step-up raises the session's level for good.
 * Only realm {@code dvc}'s cookies are kept; the stand-in VNeID's are not (see {@link Journey#STEP_UP_FROM_LEVEL_ONE}).
 * Thread-safe.
 */
final class SavedBrowserSession {

    /** Path of realm {@code dvc}'s cookies (Keycloak's cookie path of a realm). */
    static final String PATH = "/realms/" + LoginSimulation.REALM + "/";
    /** Keycloak's SSO cookies (identity, session) and the root authentication session's. */
    static final List<String> COOKIES = List.of("KEYCLOAK_IDENTITY", "KEYCLOAK_SESSION", "AUTH_SESSION_ID");

    private volatile Map<String, String> cookies;
    private volatile String sessionId;

    /** Keeps the cookies (name to value) of {@link #COOKIES} and the session's id (the ID token's {@code sid}). */
    void keep(Map<String, String> values, String sid) {
        sessionId = sid;
        cookies = Map.copyOf(values);
    }

    /** The id of the kept session (the {@code sid} of the login's ID token). */
    String sessionId() {
        return sessionId;
    }

    boolean kept() {
        return cookies != null;
    }

    /** The value kept for cookie {@code name}. */
    String cookie(String name) {
        Map<String, String> kept = cookies;
        return kept == null ? null : kept.get(name);
    }
}
