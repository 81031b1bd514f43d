package vn.vneidbridge.legacy.storage;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The events the legacy user storage records, visible in the admin console when the realm saves events.
 * Details carry the legacy id and codes only — never a password, hash, name or id number.
 */
final class LegacyEvents {

    static final String ERROR_INVALID_ACCOUNT = "legacy_account_invalid";
    static final String DETAIL_LEGACY_ID = "legacy_id";
    static final String DETAIL_PROBLEM = "legacy_problem";
    static final String DETAIL_REGISTER_METHOD = "register_method";
    static final String DETAIL_HASH_ALGORITHM = "legacy_hash_algorithm";
    static final String DETAIL_WEAK_HASH = "legacy_weak_hash";
    static final String DETAIL_REASON = "reason";

    private LegacyEvents() {
    }

    static EventBuilder event(KeycloakSession session, RealmModel realm, EventType type) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
        if (session.getContext().getClient() != null) {
            event.client(session.getContext().getClient());
        }
        return event;
    }

    /** A legacy row that cannot be used: skipped, and the operator is told which and why. */
    static void invalidAccount(KeycloakSession session, RealmModel realm, String legacyId, String problem) {
        event(session, realm, EventType.LOGIN_ERROR)
                .detail(DETAIL_LEGACY_ID, legacyId == null ? "(none)" : legacyId)
                .detail(DETAIL_PROBLEM, problem)
                .error(ERROR_INVALID_ACCOUNT);
    }
}
