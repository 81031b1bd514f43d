package vn.vneidbridge.operations.bulk;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.models.KeycloakSession;
import vn.vneidbridge.legacy.operations.LinkOperations;

/** The per-account results of the bulk jobs in Keycloak's database: one row per job and legacy account. */
public final class BulkResults {

    /** An answer not asked of the registry: the circuit was open; it neither counts as an attempt nor waits long. */
    static final String CIRCUIT_OPEN = "circuit-open";
    private static final long CIRCUIT_RETRY_MILLIS = 60_000;

    private BulkResults() {
    }

    /** The results this job already has for these accounts (retried ones), by legacy key. */
    static Map<String, BulkResultEntity> existing(KeycloakSession session, String jobId, Collection<String> keys) {
        Map<String, BulkResultEntity> found = new HashMap<>();
        if (!keys.isEmpty()) {
            BulkJobs.em(session).createNamedQuery(BulkResultEntity.BY_JOB_AND_KEYS, BulkResultEntity.class)
                    .setParameter("jobId", jobId).setParameter("keys", List.copyOf(keys)).getResultStream()
                    .forEach(row -> found.put(row.getLegacyId(), row));
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
     * Writes an outcome onto a result row: the verified number and confirmed fields only for a verified outcome, the
     * mismatched fields,
     * the error and — for an error worth asking again — when (an open circuit: soon, and not counted as a call).
     */
    static void apply(BulkResultEntity row, AccountOutcome outcome, long now) {
        row.setOutcome(outcome.code());
        row.setCheckedAt(now);
        row.setFields(null);
        row.setErrorReason(null);
        row.setVerifiedNumber(null);
        row.setNextAttemptAt(null);
        if (outcome instanceof AccountOutcome.Verified verified) {
            row.setVerifiedNumber(verified.number());
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
     * The number the population database confirmed for this legacy account in its latest bulk outcome, if that
     * outcome is "verified" (what the importer reads).
     */
    public static Optional<LinkOperations.RegistryVerification> latestVerification(KeycloakSession session,
                                                                                  String realmId, String legacyId) {
        return BulkJobs.em(session).createNamedQuery(BulkResultEntity.LATEST_OF_ACCOUNT, BulkResultEntity.class)
                .setParameter("realmId", realmId).setParameter("legacyId", legacyId).setMaxResults(1)
                .getResultStream().findFirst()
                .filter(row -> "VERIFIED".equals(row.getOutcome()) && row.getVerifiedNumber() != null)
                .map(row -> new LinkOperations.RegistryVerification(row.getVerifiedNumber(),
                        List.copyOf(BulkJobs.split(row.getFields())), Instant.ofEpochMilli(row.getCheckedAt())));
    }
}
