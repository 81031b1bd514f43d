package vn.vneidbridge.operations.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.AccountKind;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * The accounts of a review entry as they are now: a Keycloak user, or a legacy row not imported yet (whose
 * future user id is the candidate id). Only an account whose verified CCCD is still the id number may be
 * linked.
 */
final class ReviewCandidates {

    private final Map<String, Candidate> byId = new LinkedHashMap<>();

    /** @param kind a citizen's or an organisation's account; an organisation's is never linked to a person's VNeID */
    record Candidate(String id, String username, String legacyAccountId, boolean imported, boolean verified,
                     Optional<LegacyUserStorage.LegacyAccountRef> legacy, AccountKind kind) {
    }

    static ReviewCandidates of(KeycloakSession session, RealmModel realm, ReviewEntryEntity entry) {
        ReviewCandidates result = new ReviewCandidates();
        List<String> missing = new ArrayList<>();
        for (String id : ReviewEntries.candidates(entry)) {
            UserModel user = session.users().getUserById(realm, id);
            if (user != null) {
                boolean verified = entry.getIdNumber().equals(user.getFirstAttribute(UserAttributes.CCCD))
                        && "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED));
                result.byId.put(id, new Candidate(id, user.getUsername(),
                        user.getFirstAttribute(UserAttributes.LEGACY_ACCOUNT_ID), true, verified, Optional.empty(),
                        AccountKind.ofUser(user::getFirstAttribute)));
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            try {
                for (LegacyUserStorage.LegacyAccountRef ref
                        : LegacyUserStorage.accountsWithCccd(session, realm, entry.getIdNumber())) {
                    String id = LegacyUserStorage.userId(realm, ref);
                    if (missing.remove(id)) {
                        result.byId.put(id, new Candidate(id, ref.account().username(), ref.account().legacyId(),
                                false, ref.account().cccdVerified(), Optional.of(ref), ref.account().kind()));
                    }
                }
            } catch (LegacyDatabaseUnavailableException e) {
                // shown as unknown accounts; linking one is refused until the legacy database answers
            }
            for (String id : missing) {
                result.byId.put(id, new Candidate(id, null, null, false, false, Optional.empty(), AccountKind.CITIZEN));
            }
        }
        return result;
    }

    List<Candidate> all() {
        return List.copyOf(byId.values());
    }

    Optional<Candidate> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
