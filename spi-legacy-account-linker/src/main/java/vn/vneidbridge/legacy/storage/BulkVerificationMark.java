package vn.vneidbridge.legacy.storage;

import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.operations.BulkMarkDecision;
import vn.vneidbridge.legacy.operations.BulkMarkWriter;
import vn.vneidbridge.legacy.operations.BulkVerificationBinding;
import vn.vneidbridge.legacy.operations.BulkVerificationKeys;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * At import, the mark a bulk pre-verification left for an account not yet imported: applied by
 * {@link BulkMarkDecision} (the rule the job uses for accounts imported already), with the digest of the question
 * the row being imported would ask the registry now, the other accounts holding its number (Keycloak users holding it
 * verified, other legacy accounts) and the realm's open review entry for it. Once applied, the result is
 * {@code APPLIED} ({@link BulkMarkDecision#resultAfter}).
 */
final class BulkVerificationMark {

    private static final Logger LOG = Logger.getLogger(BulkVerificationMark.class);

    private BulkVerificationMark() {
    }

    static void apply(KeycloakSession session, RealmModel realm, LegacyAccount account, UserModel user) {
        LinkOperations operations = LinkOperations.of(session);
        if (operations == null || account.cccd().isEmpty()) {
            return;
        }
        Optional<LinkOperations.BulkResult> result = operations.bulkResult(realm, account.legacyId());
        if (result.isEmpty() || !LinkOperations.BulkResult.VERIFIED.equals(result.get().outcome())) {
            return; // the common case without a verified result: no more queries
        }
        String number = account.cccd().get();
        Optional<String> digest = BulkVerificationKeys.byId(session, realm, result.get().keyId()).flatMap(key ->
                BulkVerificationBinding.query(number, account.fullName(), account.birthDate(), account.cmnd(),
                        account.gender()).map(query -> BulkVerificationBinding.digest(key.secret(), query)));
        boolean elsewhere = UserStoragePrivateUtil.userLocalStorage(session)
                .searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, number)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.CCCD_VERIFIED)));
        BulkMarkDecision.Decision decision = BulkMarkDecision.decide(new BulkMarkDecision.Facts(result, digest,
                Instant.now(), operations.bulkResultMaxAge(), user.getFirstAttribute(UserAttributes.CCCD_VERIFIED),
                user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT) != null, elsewhere,
                heldByAnotherAccount(session, realm, number, user.getId()), operations.reviewOpen(realm, number)));
        if (decision == BulkMarkDecision.Decision.APPLY) {
            BulkMarkWriter.write(user, result.get());
        } else {
            LOG.debugf("legacy account %s: bulk verification not applied (%s)", account.legacyId(), decision);
        }
        // applied at most once: a later import of the same account (after Keycloak removed the imported users,
        // which fires no event) finds it APPLIED, not VERIFIED
        BulkMarkDecision.resultAfter(decision)
                .ifPresent(outcome -> operations.settleBulkResult(realm, user.getId(), outcome));
    }

    /** Another legacy account holds the number; also when the legacy databases cannot tell now. */
    private static boolean heldByAnotherAccount(KeycloakSession session, RealmModel realm, String number,
                                                String userId) {
        try {
            return LegacyUserStorage.accountsWithCccd(session, realm, number).stream()
                    .anyMatch(ref -> !LegacyUserStorage.userId(realm, ref).equals(userId));
        } catch (LegacyDatabaseUnavailableException e) {
            return true;
        }
    }
}
