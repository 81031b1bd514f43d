package vn.vneidbridge.operations.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import vn.vneidbridge.core.user.UserAttributes;

/**
 * The Keycloak users of a realm holding some of these numbers verified (one query over the attribute table for a
 * whole batch), by number: an account whose number another user holds verified is a conflict, not a verification.
 */
final class KeycloakHolders {

    private static final String VERIFIED_HOLDERS = "select c.value, u.id from UserEntity u"
            + " join UserAttributeEntity c on c.user = u and c.name = :cccd"
            + " join UserAttributeEntity v on v.user = u and v.name = :verified and v.value = 'true'"
            + " where u.realmId = :realmId and c.value in :numbers";

    private KeycloakHolders() {
    }

    static Map<String, List<String>> verified(KeycloakSession session, String realmId, Set<String> numbers) {
        Map<String, List<String>> holders = new HashMap<>();
        if (numbers.isEmpty()) {
            return holders;
        }
        for (Object[] row : BulkJobs.em(session).createQuery(VERIFIED_HOLDERS, Object[].class)
                .setParameter("cccd", UserAttributes.CCCD).setParameter("verified", UserAttributes.CCCD_VERIFIED)
                .setParameter("realmId", realmId).setParameter("numbers", List.copyOf(numbers)).getResultList()) {
            holders.computeIfAbsent((String) row[0], n -> new ArrayList<>()).add((String) row[1]);
        }
        return holders;
    }
}
