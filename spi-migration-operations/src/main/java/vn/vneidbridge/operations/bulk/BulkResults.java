package vn.vneidbridge.operations.bulk;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;
import vn.vneidbridge.legacy.operations.BulkVerificationBinding;
import vn.vneidbridge.legacy.operations.BulkVerificationKeys;
import vn.vneidbridge.legacy.operations.LinkOperations;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;

/**
 * The per-account results of the bulk jobs in Keycloak's database: one row per job and legacy account (the job's
 * report and retries), and one current result per legacy account (what the importer applies).
 */
public final class BulkResults {

    /** An answer not asked of the registry: the circuit was open; it neither counts as an attempt nor waits long. */
    static final String CIRCUIT_OPEN = "circuit-open";
    /** The current result of an account a job reached but did not check. */
    static final String SKIPPED = "SKIPPED";
    /** The current result a cancelled job's verification becomes. */
    static final String WITHDRAWN = "WITHDRAWN";
    private static final long CIRCUIT_RETRY_MILLIS = 60_000;

    private BulkResults() {
    }

    /**
     * The results this job already has for these accounts (retried ones), by legacy key: the rows of every job for
     * these keys are sought on the index led by the legacy key ({@code IDX_VNEID_BULK_RESULT_KEY}), and only this
     * job's are loaded, by primary key. Asked as "job = ? and key in (...)", H2 seeks the job alone (it uses an
     * {@code IN} list on an index's first column only) and compares every row the job has written with every key of
     * the batch, for every batch: a cost that grew with the job (100 ms a batch at 100,000 results).
     */
    static Map<String, BulkResultEntity> existing(KeycloakSession session, String jobId, Collection<String> keys) {
        Map<String, BulkResultEntity> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        EntityManager em = BulkJobs.em(session);
        List<String> ids = new ArrayList<>();
        for (Object[] row : em.createNamedQuery(BulkResultEntity.JOBS_BY_KEYS, Object[].class)
                .setParameter("keys", List.copyOf(keys)).getResultList()) {
            if (jobId.equals(row[1])) {
                ids.add((String) row[0]);
            }
        }
        if (!ids.isEmpty()) {
            em.createNamedQuery(BulkResultEntity.BY_IDS, BulkResultEntity.class).setParameter("ids", ids)
                    .getResultList().forEach(row -> found.put(row.getLegacyId(), row));
        }
        return found;
    }

    /** Stores the account's outcome (a new row, or the retried one updated). */
    static void record(KeycloakSession session, BulkResultEntity existing, String realmId, String jobId,
                       String legacyId, AccountOutcome outcome, long now) {
        BulkResultEntity row = existing;
        if (row == null) {
            row = new BulkResultEntity();
            row.setId(UUID.randomUUID().toString());
            row.setJobId(jobId);
            row.setRealmId(realmId);
            row.setLegacyId(legacyId);
        }
        apply(row, outcome, now);
        if (existing == null) {
            BulkJobs.em(session).persist(row);
        }
    }

    /**
     * Writes an outcome onto a result row: the confirmed fields of a verified outcome (never the number), the
     * mismatched fields, the error and — for an error worth asking again — when (an open circuit: soon, and not
     * counted as a call).
     */
    static void apply(BulkResultEntity row, AccountOutcome outcome, long now) {
        row.setOutcome(outcome.code());
        row.setCheckedAt(now);
        row.setFields(null);
        row.setErrorReason(null);
        row.setNextAttemptAt(null);
        if (outcome instanceof AccountOutcome.Verified verified) {
            row.setFields(String.join(",", new java.util.TreeSet<>(verified.fields())));
            row.setAttempts(row.getAttempts() + 1);
        } else if (outcome instanceof AccountOutcome.Mismatch mismatch) {
            row.setFields(String.join(",", new java.util.TreeSet<>(mismatch.fields())));
            row.setAttempts(row.getAttempts() + 1);
        } else if (outcome instanceof AccountOutcome.NotFound) {
            row.setAttempts(row.getAttempts() + 1);
        } else if (outcome instanceof AccountOutcome.RegistryError error) {
            row.setErrorReason(error.reason().length() <= 64 ? error.reason() : error.reason().substring(0, 64));
            if (CIRCUIT_OPEN.equals(error.reason())) {
                row.setNextAttemptAt(now + CIRCUIT_RETRY_MILLIS);
            } else {
                row.setAttempts(row.getAttempts() + 1);
                if (RetrySchedule.retries(row.getAttempts(), error.retryable())) {
                    row.setNextAttemptAt(RetrySchedule.nextAttemptAt(now, row.getAttempts()));
                }
            }
        }
    }

    /** The job's accounts due to be asked again, oldest due first. */
    static List<BulkResultEntity> dueRetries(KeycloakSession session, String jobId, long now, int max) {
        return BulkJobs.em(session).createNamedQuery(BulkResultEntity.DUE_RETRIES, BulkResultEntity.class)
                .setParameter("jobId", jobId).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** When the job's next retry is due; empty when none is waiting. */
    static Optional<Long> nextRetry(KeycloakSession session, String jobId) {
        return Optional.ofNullable(BulkJobs.em(session).createNamedQuery(BulkResultEntity.NEXT_RETRY, Long.class)
                .setParameter("jobId", jobId).getSingleResult());
    }

    /** A keyset page of the job's results in legacy key order, for the report. */
    static List<BulkResultEntity> reportPage(KeycloakSession session, String jobId, String after, int size) {
        EntityManager em = BulkJobs.em(session);
        List<BulkResultEntity> page = em.createNamedQuery(BulkResultEntity.REPORT_PAGE, BulkResultEntity.class)
                .setParameter("jobId", jobId).setParameter("after", after == null ? "" : after)
                .setMaxResults(size).getResultList();
        page.forEach(em::detach);
        return page;
    }

    /**
     * What an account's current result says after this job reached it: the outcome's code ({@code SKIPPED} for an
     * account not checked); for a verified outcome the keyed digest of the question confirmed and the key's id (no
     * key: no digest, so it is never applied) and the confirmed fields.
     */
    record Finding(String outcome, String digest, String keyId, String fields) {
        @Override
        public String toString() {
            return "Finding[" + outcome + "]";
        }
    }

    /** The finding of an outcome ({@code null}: the account was skipped), its digest made with {@code key}. */
    static Finding finding(AccountOutcome outcome, Optional<BulkVerificationKeys.Key> key) {
        if (outcome == null) {
            return new Finding(SKIPPED, null, null, null);
        }
        if (outcome instanceof AccountOutcome.Verified verified) {
            return new Finding(outcome.code(),
                    key.map(k -> BulkVerificationBinding.digest(k.secret(), verified.confirmed())).orElse(null),
                    key.map(BulkVerificationKeys.Key::id).orElse(null),
                    String.join(",", new java.util.TreeSet<>(verified.fields())));
        }
        return new Finding(outcome.code(), null, null, null);
    }

    /** The current results no job replaces: applied once already, or revoked (see {@link #settle}). */
    static final List<String> FINAL = List.of(LinkOperations.BulkResult.APPLIED, LinkOperations.BulkResult.REVOKED);

    /**
     * Whether a job (by its sequence) may replace the current result: only a job created after or the same one, and
     * never an {@code APPLIED} or {@code REVOKED} result (only the user's deletion removes those).
     */
    static boolean replaces(BulkCurrentEntity current, long jobSeq) {
        return current == null || (!FINAL.contains(current.getOutcome()) && current.getJobSeq() <= jobSeq);
    }

    /**
     * Whether a current result saying {@code from} becomes {@code to}: {@code APPLIED} only from {@code VERIFIED},
     * {@code REVOKED} from anything but itself; nothing else is settled this way.
     */
    static boolean settles(String from, String to) {
        return switch (to) {
            case LinkOperations.BulkResult.APPLIED -> LinkOperations.BulkResult.VERIFIED.equals(from);
            case LinkOperations.BulkResult.REVOKED -> !LinkOperations.BulkResult.REVOKED.equals(from);
            default -> false;
        };
    }

    /**
     * The current result of the account whose Keycloak user is {@code userId} becomes {@code outcome} (see
     * {@link #settles}); its digest and key id go, so it can never be applied again. In this session's transaction.
     */
    public static void settle(KeycloakSession session, String realmId, String userId, String outcome) {
        BulkCurrentEntity row = BulkJobs.em(session).find(BulkCurrentEntity.class, userId);
        if (row != null && row.getRealmId().equals(realmId) && settles(row.getOutcome(), outcome)) {
            settle(row, outcome);
        }
    }

    static void settle(BulkCurrentEntity row, String outcome) {
        row.setOutcome(outcome);
        row.setDigest(null);
        row.setKeyId(null);
    }

    /** The current results of these accounts, by the Keycloak user id each has or will have. */
    static Map<String, BulkCurrentEntity> currents(KeycloakSession session, Collection<String> userIds) {
        Map<String, BulkCurrentEntity> found = new HashMap<>();
        if (!userIds.isEmpty()) {
            BulkJobs.em(session).createNamedQuery(BulkCurrentEntity.BY_IDS, BulkCurrentEntity.class)
                    .setParameter("ids", List.copyOf(userIds)).getResultStream()
                    .forEach(row -> found.put(row.getId(), row));
        }
        return found;
    }

    /**
     * Makes this job's finding the account's current result, unless a job created later already left one. Returns
     * the current result as the importer would read it, or empty when it was left as it was.
     */
    static Optional<LinkOperations.BulkResult> setCurrent(KeycloakSession session, BulkCurrentEntity current,
                                                        String realmId, String legacyId, String jobId, long jobSeq,
                                                        Finding finding, long now) {
        if (!replaces(current, jobSeq)) {
            return Optional.empty();
        }
        BulkCurrentEntity row = current;
        if (row == null) {
            row = new BulkCurrentEntity();
            row.setId(LegacyUserStorage.userId(realmId, legacyId));
            row.setRealmId(realmId);
            row.setLegacyId(legacyId);
        }
        write(row, jobId, jobSeq, finding, now);
        if (current == null) {
            BulkJobs.em(session).persist(row);
        }
        return Optional.of(result(row));
    }

    /**
     * Another account's finding is a conflict over these accounts' number: their current results (left by this job
     * or an earlier one) become {@code CONFLICT}, so none of them is applied. Called once the batch's own current
     * results are written (it updates past this session's persistence context).
     */
    static void conflict(KeycloakSession session, String realmId, String jobId, long jobSeq,
                         Collection<String> userIds, long now) {
        if (userIds.isEmpty()) {
            return;
        }
        EntityManager em = BulkJobs.em(session);
        em.flush();
        em.createNamedQuery(BulkCurrentEntity.CONFLICT).setParameter("conflict", "CONFLICT")
                .setParameter("finalOutcomes", FINAL)
                .setParameter("jobId", jobId).setParameter("jobSeq", jobSeq).setParameter("now", now)
                .setParameter("realmId", realmId).setParameter("ids", List.copyOf(userIds)).executeUpdate();
    }

    /** Writes a job's finding onto an account's current result row, replacing all it said before. */
    static void write(BulkCurrentEntity row, String jobId, long jobSeq, Finding finding, long now) {
        row.setJobId(jobId);
        row.setJobSeq(jobSeq);
        row.setOutcome(finding.outcome());
        row.setDigest(finding.digest());
        row.setKeyId(finding.keyId());
        row.setFields(finding.fields());
        row.setCheckedAt(now);
    }

    /**
     * A cancelled or withdrawn job's verified results are withdrawn: no longer applied, at import or anywhere (marks
     * already written stay). Returns how many.
     */
    static int withdraw(KeycloakSession session, String jobId) {
        return BulkJobs.em(session).createNamedQuery(BulkCurrentEntity.WITHDRAW_JOB)
                .setParameter("withdrawn", WITHDRAWN).setParameter("jobId", jobId).setParameter("verified", "VERIFIED")
                .executeUpdate();
    }

    /** The account's current result (what the importer reads), if a job reached it. */
    public static Optional<LinkOperations.BulkResult> current(KeycloakSession session, String realmId,
                                                              String legacyId) {
        BulkCurrentEntity row = BulkJobs.em(session).find(BulkCurrentEntity.class,
                LegacyUserStorage.userId(realmId, legacyId));
        return row == null || !row.getRealmId().equals(realmId) || !row.getLegacyId().equals(legacyId)
                ? Optional.empty() : Optional.of(result(row));
    }

    static LinkOperations.BulkResult result(BulkCurrentEntity row) {
        return new LinkOperations.BulkResult(row.getOutcome(), row.getDigest(), row.getKeyId(),
                List.copyOf(BulkJobs.split(row.getFields())), Instant.ofEpochMilli(row.getCheckedAt()));
    }
}
