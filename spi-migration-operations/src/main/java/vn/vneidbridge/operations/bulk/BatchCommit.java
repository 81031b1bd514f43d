package vn.vneidbridge.operations.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;
import vn.vneidbridge.core.broker.VneidProvider;
import vn.vneidbridge.core.id.Gender;
import vn.vneidbridge.core.user.UserAttributes;
import vn.vneidbridge.legacy.operations.BulkMarkDecision;
import vn.vneidbridge.legacy.operations.BulkMarkWriter;
import vn.vneidbridge.legacy.operations.BulkVerificationBinding;
import vn.vneidbridge.legacy.operations.BulkVerificationKeys;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.operations.UserRowLock;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;
import vn.vneidbridge.operations.review.ReviewEntries;

/**
 * One batch's writes, in one transaction of Keycloak's database: each account's result for the job's report, its
 * current result (what the importer applies; also for an account skipped), the verified mark on an account already
 * imported, the review entry of a number found on several accounts and the conflict on the other holders' current
 * results; then the job's cursor, counts and lease (a lost lease rolls everything back).
 */
final class BatchCommit {

    private static final Logger LOG = Logger.getLogger(BatchCommit.class);
    /** The realms whose missing HS512 key was reported (once per node). */
    private static final Set<String> REALMS_WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final List<String> USER_FACTS = List.of(UserAttributes.CCCD, UserAttributes.CCCD_VERIFIED,
            UserAttributes.CCCD_DISPUTED_AT, UserAttributes.FULL_NAME, UserAttributes.BIRTHDATE, UserAttributes.CMND,
            UserAttributes.GENDER);

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
     * @return the numbers marked verified on users imported already, with the user marked
     */
    Map<String, String> commit(List<CheckedAccount> accounts, List<AccountOutcome> outcomes, int skippedInvalid,
                Map<String, BulkResultEntity> retried, String cursor, long now, long leaseUntil) {
        boolean retrying = !retried.isEmpty();
        List<String> keys = new ArrayList<>(retried.keySet());
        accounts.forEach(account -> keys.add(account.legacyId()));
        Map<String, BulkResultEntity> existing = BulkResults.existing(session, jobId, keys);
        Map<String, BulkCurrentEntity> currents = BulkResults.currents(session,
                keys.stream().map(key -> LegacyUserStorage.userId(realmId, key)).toList());
        BulkJobEntity job = BulkJobs.em(session).find(BulkJobEntity.class, jobId);
        long seq = job == null ? 0 : job.getSeq();
        RealmModel realm = session.realms().getRealm(realmId);
        Optional<BulkVerificationKeys.Key> key = realm == null ? Optional.empty()
                : BulkVerificationKeys.active(session, realm);
        if (realm != null && key.isEmpty() && REALMS_WARNED.add(realmId)) {
            LOG.warnf("realm %s has no active HS512 key: bulk job %s's verifications are stored unusable",
                    realm.getName(), jobId);
        }
        CountDelta delta = new CountDelta();
        for (int i = 0; i < skippedInvalid; i++) {
            delta.skipped();
        }
        Set<String> conflicting = new LinkedHashSet<>();
        Map<String, String> marked = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            CheckedAccount account = accounts.get(i);
            AccountOutcome outcome = outcomes.get(i);
            BulkResultEntity previous = existing.get(account.legacyId());
            Optional<LinkOperations.BulkResult> current = BulkResults.setCurrent(session,
                    currents.get(LegacyUserStorage.userId(realmId, account.legacyId())), realmId,
                    account.legacyId(), jobId, seq, BulkResults.finding(outcome, key), now);
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
            if (outcome instanceof AccountOutcome.Verified verified && realm != null && current.isPresent()) {
                if (markImportedUser(realm, account, verified, current.get(), now)) {
                    marked.put(verified.number(), LegacyUserStorage.userId(realmId, account.legacyId()));
                }
            } else if (outcome instanceof AccountOutcome.Conflict conflict && realm != null) {
                List<String> candidates = new ArrayList<>();
                candidates.add(LegacyUserStorage.userId(realmId, account.legacyId()));
                candidates.addAll(conflict.otherAccounts());
                ReviewEntries.openFromBulk(session, realm, VneidProvider.ALIAS, account.cccd().orElseThrow(),
                        candidates);
                conflicting.addAll(conflict.otherAccounts());
            }
        }
        if (retrying) {
            // retried accounts whose legacy row is gone or no longer valid: their error stays final, and the job
            // reached them: their current result is that they were not checked
            for (String retriedKey : retried.keySet()) {
                if (accounts.stream().noneMatch(a -> a.legacyId().equals(retriedKey))
                        && existing.get(retriedKey) != null) {
                    existing.get(retriedKey).setNextAttemptAt(null);
                    BulkResults.setCurrent(session, currents.get(LegacyUserStorage.userId(realmId, retriedKey)),
                            realmId, retriedKey, jobId, seq, BulkResults.finding(null, key), now);
                }
            }
        }
        BulkResults.conflict(session, realmId, jobId, seq, conflicting, now);
        // the results first: the job's row, which a renewal of the lease waits for, is locked by the last statement
        BulkJobs.em(session).flush();
        BulkJobs.commit(session, jobId, node, cursor, delta, now, leaseUntil);
        return marked;
    }

    /**
     * The mark on an account imported already, by the rule of the importer ({@link BulkMarkDecision}), on the user as
     * the database holds it now: its row is locked first (as a holder's dispute locks it), then read again. Whether
     * the user was marked.
     */
    private boolean markImportedUser(RealmModel realm, CheckedAccount account, AccountOutcome.Verified verified,
                                  LinkOperations.BulkResult result, long now) {
        String userId = LegacyUserStorage.userId(realmId, account.legacyId());
        if (!UserRowLock.lock(session, realmId, userId)) {
            return false; // not imported yet: the importer reads the current result (LinkOperations#bulkResult)
        }
        Map<String, String> facts = UserRowLock.attributes(session, userId, USER_FACTS);
        String number = verified.number();
        Optional<String> digest = BulkVerificationKeys.byId(session, realm, result.keyId()).flatMap(key ->
                BulkVerificationBinding.query(facts.get(UserAttributes.CCCD), facts.get(UserAttributes.FULL_NAME),
                                birthDate(facts.get(UserAttributes.BIRTHDATE)),
                                Optional.ofNullable(facts.get(UserAttributes.CMND)),
                                Gender.parse(facts.get(UserAttributes.GENDER)))
                        .map(query -> BulkVerificationBinding.digest(key.secret(), query)));
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        boolean elsewhere = KeycloakHolders.verified(session, realmId, Set.of(number))
                .getOrDefault(number, List.of()).stream().anyMatch(other -> !other.equals(userId));
        BulkMarkDecision.Decision decision = BulkMarkDecision.decide(new BulkMarkDecision.Facts(Optional.of(result),
                digest, Instant.ofEpochMilli(now), maxAge(), facts.get(UserAttributes.CCCD_VERIFIED),
                facts.get(UserAttributes.CCCD_DISPUTED_AT) != null, elsewhere,
                heldByAnotherAccount(realm, number, userId), ReviewEntries.isOpen(session, realmId, number)));
        if (decision != BulkMarkDecision.Decision.APPLY) {
            LOG.debugf("bulk job %s: legacy account %s verified, its user not marked (%s)", jobId,
                    account.legacyId(), decision);
            // a mark taken off or disputed outlives the user: the result is REVOKED, never applied at a re-import
            settle(userId, decision);
            return false;
        }
        UserModel user = local.getUserById(realm, userId);
        if (user == null) {
            return false;
        }
        BulkMarkWriter.write(user, result);
        settle(userId, decision); // applied at most once: APPLIED
        // written past Keycloak's user cache (a background session): drop what the cache holds of the user
        UserCache cache = UserStorageUtil.userCache(session);
        if (cache != null) {
            cache.evict(realm, user);
        }
        return true;
    }

    private void settle(String userId, BulkMarkDecision.Decision decision) {
        BulkMarkDecision.resultAfter(decision).ifPresent(outcome -> BulkResults.settle(session, realmId, userId,
                outcome));
    }

    private Duration maxAge() {
        LinkOperations operations = LinkOperations.of(session);
        return operations == null ? LinkOperations.BulkResult.DEFAULT_MAX_AGE : operations.bulkResultMaxAge();
    }

    private boolean heldByAnotherAccount(RealmModel realm, String number, String userId) {
        try {
            return LegacyUserStorage.accountsWithCccd(session, realm, number).stream()
                    .anyMatch(ref -> !LegacyUserStorage.userId(realm, ref).equals(userId));
        } catch (LegacyDatabaseUnavailableException e) {
            return true; // cannot be ruled out now: not marked (the importer decides the same)
        }
    }

    private static java.time.LocalDate birthDate(String value) {
        try {
            return value == null ? null : java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
