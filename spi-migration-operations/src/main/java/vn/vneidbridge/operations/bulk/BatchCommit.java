package vn.vneidbridge.operations.bulk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;
import vn.vneidbridge.cccd.verification.CccdVerifier;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.operations.review.ReviewEntries;

/**
 * One batch's writes, in one transaction of Keycloak's database: the job's cursor, counts and lease first (a lost
 * lease rolls everything back), then each account's result, the verified mark on an account already imported, and
 * the review entry of a number found on several accounts.
 */
final class BatchCommit {

    /** The source a bulk verification records on a user, beside the login check's {@code population-registry}. */
    static final String SOURCE = "population-registry-bulk";
    private static final Logger LOG = Logger.getLogger(BatchCommit.class);

    private final KeycloakSession session;
    private final String realmId;
    private final String jobId;
    private final String node;

    BatchCommit(KeycloakSession session, String realmId, String jobId, String node) {
        this.session = session;
        this.realmId = realmId;
        this.jobId = jobId;
        this.node = node;
    }

    /**
     * @param outcomes one per account, null for an account not checked (skipped)
     * @param retried  the results of a batch of retries, by legacy key (empty for a page of the scan)
     */
    void commit(List<CheckedAccount> accounts, List<AccountOutcome> outcomes, int skippedInvalid,
                Map<String, BulkResultEntity> retried, String cursor, long now, long leaseUntil) {
        boolean retrying = !retried.isEmpty();
        List<String> keys = new ArrayList<>(retried.keySet());
        accounts.forEach(account -> keys.add(account.legacyId()));
        Map<String, BulkResultEntity> existing = BulkResults.existing(session, jobId, keys);
        CountDelta delta = new CountDelta();
        for (int i = 0; i < skippedInvalid; i++) {
            delta.skipped();
        }
        RealmModel realm = session.realms().getRealm(realmId);
        for (int i = 0; i < accounts.size(); i++) {
            CheckedAccount account = accounts.get(i);
            AccountOutcome outcome = outcomes.get(i);
            BulkResultEntity previous = existing.get(account.legacyId());
            if (outcome == null) {
                if (retrying && previous != null) {
                    previous.setNextAttemptAt(null); // the row no longer asks for a check: the error stays final
                } else {
                    delta.skipped();
                }
                continue;
            }
            if (previous == null) {
                delta.scanned(outcome);
            } else if (retrying) {
                delta.retried(previous.getOutcome(), outcome);
            } else {
                delta.rescanned(previous.getOutcome(), outcome);
            }
            BulkResults.record(session, previous, realmId, jobId, account.legacyId(), outcome, now);
            if (outcome instanceof AccountOutcome.Verified verified && realm != null) {
                markImportedUser(realm, account, verified, now);
            } else if (outcome instanceof AccountOutcome.Conflict conflict && realm != null) {
                List<String> candidates = new ArrayList<>();
                candidates.add(LegacyUserStorage.userId(realmId, account.legacyId()));
                candidates.addAll(conflict.otherAccounts());
                ReviewEntries.openFromBulk(session, realm, VneidProvider.ALIAS, account.cccd().orElseThrow(),
                        candidates);
            }
        }
        if (retrying) {
            // retried accounts whose legacy row is gone or no longer valid: their error stays final
            for (String key : retried.keySet()) {
                if (accounts.stream().noneMatch(a -> a.legacyId().equals(key)) && existing.get(key) != null) {
                    existing.get(key).setNextAttemptAt(null);
                }
            }
        }
        BulkJobs.commit(session, jobId, node, cursor, delta, now, leaseUntil);
    }

    private void markImportedUser(RealmModel realm, CheckedAccount account, AccountOutcome.Verified verified,
                                  long now) {
        String number = verified.number();
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        UserModel user = local.getUserById(realm, LegacyUserStorage.userId(realmId, account.legacyId()));
        if (user == null) {
            return; // not imported yet: the importer reads the result (LinkOperations#bulkVerification)
        }
        boolean elsewhere = local.searchForUserByUserAttributeStream(realm, UserAttributes.CCCD, number)
                .anyMatch(other -> !other.getId().equals(user.getId())
                        && "true".equals(other.getFirstAttribute(UserAttributes.CCCD_VERIFIED)));
        ImportedUserMark.Decision decision = ImportedUserMark.decide(number, account.fullName(), account.birthDate(),
                new ImportedUserMark.UserFacts(user.getFirstAttribute(UserAttributes.CCCD),
                        "true".equals(user.getFirstAttribute(UserAttributes.CCCD_VERIFIED)),
                        user.getFirstAttribute(UserAttributes.CCCD_DISPUTED_AT) != null,
                        user.getFirstAttribute(UserAttributes.FULL_NAME),
                        user.getFirstAttribute(UserAttributes.BIRTHDATE), elsewhere));
        if (decision != ImportedUserMark.Decision.APPLY) {
            LOG.debugf("bulk job %s: legacy account %s verified, its user not marked (%s)", jobId,
                    account.legacyId(), decision);
            return;
        }
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED, "true");
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_SOURCE, SOURCE);
        user.setSingleAttribute(UserAttributes.CCCD_VERIFIED_AT, Instant.ofEpochMilli(now).toString());
        user.setAttribute(CccdVerifier.VERIFIED_FIELDS, List.copyOf(new TreeSet<>(verified.fields())));
        // written past Keycloak's user cache (a background session): drop what the cache holds of the user
        UserCache cache = UserStorageUtil.userCache(session);
        if (cache != null) {
            cache.evict(realm, user);
        }
    }
}
