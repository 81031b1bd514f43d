package vn.vneidbridge.legacy.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * The accounts a VNeID id number could belong to: Keycloak users and legacy rows, keyed by the Keycloak user
 * id they have or would have (so an imported legacy account is counted once). Only a CCCD marked verified
 * makes an account a link candidate; an unverified one, or a username equal to the number, only blocks
 * creating a new user. E-mail and phone are never looked at.
 */
final class LinkCandidates {

    private final Map<String, Candidate> verified = new LinkedHashMap<>();
    private boolean unverified;

    static LinkCandidates find(KeycloakSession session, RealmModel realm, String idNumber) {
        LinkCandidates candidates = new LinkCandidates();
        session.users().searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, idNumber)
                .filter(user -> idNumber.equals(user.getFirstAttribute(UserAttributes.CCCD)))
                .forEach(user -> {
                    if ("true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED))) {
                        candidates.verified.put(user.getId(), new Candidate(Optional.of(user), Optional.empty()));
                    } else {
                        candidates.unverified = true;
                    }
                });
        for (LegacyUserStorage.LegacyAccountRef ref : LegacyUserStorage.accountsWithCccd(session, realm, idNumber)) {
            String id = LegacyUserStorage.userId(realm, ref);
            if (candidates.verified.containsKey(id)) {
                continue;
            }
            UserModel imported = session.users().getUserById(realm, id);
            if (imported != null) {
                // the Keycloak user is the truth once imported: its CCCD may have changed since
                continue;
            }
            if (ref.account().cccdVerified()) {
                candidates.verified.put(id, new Candidate(Optional.empty(), Optional.of(ref)));
            } else {
                candidates.unverified = true;
            }
        }
        UserModel sameUsername = session.users().getUserByUsername(realm, idNumber);
        if (sameUsername != null && !candidates.verified.containsKey(sameUsername.getId())) {
            candidates.unverified = true;
        }
        return candidates;
    }

    int verifiedCount() {
        return verified.size();
    }

    Candidate only() {
        return verified.values().iterator().next();
    }

    Iterable<String> accountIds() {
        return verified.keySet();
    }

    boolean hasUnverified() {
        return unverified;
    }

    /** A verified account: a Keycloak user, or a legacy row still to import. */
    record Candidate(Optional<UserModel> user, Optional<LegacyUserStorage.LegacyAccountRef> legacy) {
        UserModel userIn(KeycloakSession session, RealmModel realm) {
            return user.orElseGet(() -> LegacyUserStorage.importedUser(session, realm, legacy.orElseThrow()));
        }
    }
}
