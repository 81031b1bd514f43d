package vn.vneidbridge.operations.bulk;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import vn.vneidbridge.legacy.store.LegacyAccountFilter;

/**
 * The jobs' rows in Keycloak's database. Each change is one conditional UPDATE, so nodes and operators never
 * overwrite each other: an operator's command moves the state only from the state it was read in; a node works on
 * a job only while it holds the job's lease (claimed when free or expired, at the version read), and each batch's
 * commit renews the lease and fails — rolling the whole batch back — when another node holds it now.
 */
final class BulkJobs {

    private static final List<String> ACTIVE_STATES = List.of(JobState.QUEUED.name(), JobState.RUNNING.name());

    private BulkJobs() {
    }

    /**
     * A lease's new end, never before the one stored: a commit handed over earlier ends after a renewal made while it
     * ran.
     */
    private static final String LEASE_FORWARD =
            "case when j.leaseUntil is not null and j.leaseUntil > :until then j.leaseUntil else :until end";

    /** Another node holds the job's lease: the batch is rolled back, its work done again by that node. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the bulk job's lease is held by another node", null, false, false);
        }
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** A new queued job; the database refuses a second unfinished job of the realm (unique ACTIVE_KEY). */
    static BulkJobEntity create(KeycloakSession session, RealmModel realm, BulkJobDefinition definition,
                                String legacyProviderId, String operator, long now) {
        BulkJobEntity job = new BulkJobEntity();
        job.setId(UUID.randomUUID().toString());
        job.setRealmId(realm.getId());
        job.setActiveKey(realm.getId());
        job.setSeq(nextSeq(session, realm.getId())); // unique enough: only one unfinished job per realm (ACTIVE_KEY)
        job.setLegacyProviderId(legacyProviderId);
        job.setProvinces(String.join(",", definition.provinces()));
        job.setAccountTypes(String.join(",", definition.accountTypes()));
        job.setCreatedFrom(definition.createdFrom().map(LocalDate::toString).orElse(null));
        job.setCreatedTo(definition.createdTo().map(LocalDate::toString).orElse(null));
        job.setRatePerSecond(definition.ratePerSecond());
        job.setConcurrency(definition.concurrency());
        job.setRegistryId(definition.registry());
        job.setState(JobState.QUEUED.name());
        job.setCreatedAt(now);
        job.setUpdatedAt(now);
        job.setCreatedBy(operator);
        EntityManager em = em(session);
        em.persist(job);
        em.flush();
        return job;
    }

    /** The realm's next job sequence number: one more than its last job's. */
    static long nextSeq(KeycloakSession session, String realmId) {
        Long last = em(session).createNamedQuery(BulkJobEntity.LAST_SEQ, Long.class).setParameter("realmId", realmId)
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /** The realm's unfinished job, if any. */
    static Optional<BulkJobEntity> unfinished(KeycloakSession session, RealmModel realm) {
        return em(session).createNamedQuery(BulkJobEntity.BY_ACTIVE_KEY, BulkJobEntity.class)
                .setParameter("realmId", realm.getId()).getResultStream().findFirst();
    }

    static BulkJobEntity find(KeycloakSession session, RealmModel realm, String id) {
        BulkJobEntity job = id == null ? null : em(session).find(BulkJobEntity.class, id);
        return job != null && job.getRealmId().equals(realm.getId()) ? job : null;
    }

    static List<BulkJobEntity> list(KeycloakSession session, RealmModel realm, int max) {
        return em(session).createNamedQuery(BulkJobEntity.BY_REALM, BulkJobEntity.class)
                .setParameter("realmId", realm.getId()).setMaxResults(max).getResultList();
    }

    /** The ids of the jobs some node should be working on, in every realm. */
    static List<String> activeIds(KeycloakSession session) {
        return em(session).createNamedQuery(BulkJobEntity.ACTIVE, BulkJobEntity.class)
                .setParameter("states", ACTIVE_STATES).getResultStream().map(BulkJobEntity::getId).toList();
    }

    /** An operator's command: the state moves only from {@code from}; false when the job was no longer there. */
    static boolean command(KeycloakSession session, BulkJobEntity job, JobState from, JobState to, long now) {
        String jpql = switch (to) {
            case PAUSED -> "update BulkJobEntity j set j.state = :to, j.version = j.version + 1, j.updatedAt = :now"
                    + " where j.id = :id and j.state = :from";
            case RUNNING -> "update BulkJobEntity j set j.state = :to, j.runStartedAt = :now,"
                    + " j.runStartProcessed = j.processed, j.version = j.version + 1, j.updatedAt = :now"
                    + " where j.id = :id and j.state = :from";
            case CANCELLED -> "update BulkJobEntity j set j.state = :to, j.activeKey = null, j.finishedAt = :now,"
                    + " j.leaseOwner = null, j.leaseUntil = null, j.version = j.version + 1, j.updatedAt = :now"
                    + " where j.id = :id and j.state = :from";
            default -> throw new IllegalArgumentException("no command leads to " + to);
        };
        EntityManager em = em(session);
        int changed = em.createQuery(jpql).setParameter("to", to.name()).setParameter("now", now)
                .setParameter("id", job.getId()).setParameter("from", from.name()).executeUpdate();
        em.refresh(job);
        if (changed == 1 && to == JobState.CANCELLED) {
            BulkResults.withdraw(session, job.getId()); // a cancelled job's verifications are no longer applied
        }
        return changed == 1;
    }

    /**
     * Takes the job's lease for {@code node} until {@code until}, if it is free, expired or already this node's, at
     * the version read; a queued job starts running. False when another node holds it or the job is not active.
     */
    static boolean claim(KeycloakSession session, String jobId, String node, long now, long until) {
        EntityManager em = em(session);
        BulkJobEntity job = em.find(BulkJobEntity.class, jobId);
        if (job == null || !ACTIVE_STATES.contains(job.getState())) {
            return false;
        }
        int claimed = em.createQuery("update BulkJobEntity j set j.leaseOwner = :node, j.leaseUntil = :until,"
                        + " j.version = j.version + 1, j.updatedAt = :now where j.id = :id and j.version = :version"
                        + " and j.state in :states and (j.leaseOwner is null or j.leaseUntil < :now"
                        + " or j.leaseOwner = :node)")
                .setParameter("node", node).setParameter("until", until).setParameter("now", now)
                .setParameter("id", jobId).setParameter("version", job.getVersion())
                .setParameter("states", ACTIVE_STATES).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        em.createQuery("update BulkJobEntity j set j.state = :running, j.runStartedAt = :now,"
                        + " j.runStartProcessed = j.processed where j.id = :id and j.state = :queued")
                .setParameter("running", JobState.RUNNING.name()).setParameter("queued", JobState.QUEUED.name())
                .setParameter("now", now).setParameter("id", jobId).executeUpdate();
        return true;
    }

    /** Extends this node's lease while a slow registry answers; false when the lease is another node's now. */
    static boolean renew(KeycloakSession session, String jobId, String node, long now, long until) {
        return em(session).createQuery("update BulkJobEntity j set j.leaseUntil = " + LEASE_FORWARD
                        + ", j.version = j.version + 1 where j.id = :id and j.leaseOwner = :node")
                .setParameter("until", until).setParameter("id", jobId).setParameter("node", node)
                .executeUpdate() == 1;
    }

    /**
     * Whether this node holds the job's lease as last committed: a read, which never waits for a commit's lock of the
     * job's row (a cancel, a pause or another node's claim committed takes the lease away).
     */
    static boolean holds(KeycloakSession session, String jobId, String node) {
        return !em(session).createQuery("select j.id from BulkJobEntity j where j.id = :id and j.leaseOwner = :node",
                        String.class)
                .setParameter("id", jobId).setParameter("node", node).setMaxResults(1).getResultList().isEmpty();
    }

    /** Gives the lease back (the node stops: shutting down, or the job was paused). */
    static void release(KeycloakSession session, String jobId, String node) {
        em(session).createQuery("update BulkJobEntity j set j.leaseOwner = null, j.leaseUntil = null,"
                        + " j.version = j.version + 1 where j.id = :id and j.leaseOwner = :node")
                .setParameter("id", jobId).setParameter("node", node).executeUpdate();
    }

    /**
     * Records how many rows the job covers (counted once, when a node first takes it). Throws {@link LeaseLost} when
     * this node no longer holds the lease, so it stops before asking the registry anything.
     */
    static void total(KeycloakSession session, String jobId, String node, long total) {
        int changed = em(session).createQuery("update BulkJobEntity j set j.totalRows = :total where j.id = :id"
                        + " and j.leaseOwner = :node")
                .setParameter("total", total).setParameter("id", jobId).setParameter("node", node).executeUpdate();
        if (changed != 1) {
            throw new LeaseLost();
        }
    }

    /**
     * A batch's commit: the cursor (unchanged for a batch of retries), the counts, the renewed lease. Throws
     * {@link LeaseLost} when this node no longer holds the lease, so the batch's results roll back with it.
     */
    static void commit(KeycloakSession session, String jobId, String node, String cursor, CountDelta delta,
                       long now, long until) {
        int changed = em(session).createQuery("update BulkJobEntity j set j.cursorKey = :cursor,"
                        + " j.processed = j.processed + :scanned, j.verified = j.verified + :verified,"
                        + " j.mismatched = j.mismatched + :mismatched, j.notFound = j.notFound + :notFound,"
                        + " j.conflicts = j.conflicts + :conflicts, j.registryErrors = j.registryErrors + :errors,"
                        + " j.skipped = j.skipped + :skipped, j.leaseUntil = " + LEASE_FORWARD
                        + ", j.updatedAt = :now,"
                        + " j.version = j.version + 1 where j.id = :id and j.leaseOwner = :node")
                .setParameter("cursor", cursor).setParameter("scanned", delta.scanned())
                .setParameter("verified", delta.of(CountDelta.Counter.VERIFIED))
                .setParameter("mismatched", delta.of(CountDelta.Counter.MISMATCH))
                .setParameter("notFound", delta.of(CountDelta.Counter.NOT_FOUND))
                .setParameter("conflicts", delta.of(CountDelta.Counter.CONFLICT))
                .setParameter("errors", delta.of(CountDelta.Counter.REGISTRY_ERROR))
                .setParameter("skipped", delta.of(CountDelta.Counter.SKIPPED))
                .setParameter("until", until).setParameter("now", now)
                .setParameter("id", jobId).setParameter("node", node).executeUpdate();
        if (changed != 1) {
            throw new LeaseLost();
        }
    }

    /** The job is done, if it is still running under this node's lease. */
    static boolean finish(KeycloakSession session, String jobId, String node, long now) {
        return em(session).createQuery("update BulkJobEntity j set j.state = :done, j.activeKey = null,"
                        + " j.finishedAt = :now, j.leaseOwner = null, j.leaseUntil = null, j.updatedAt = :now,"
                        + " j.version = j.version + 1 where j.id = :id and j.state = :running and j.leaseOwner = :node")
                .setParameter("done", JobState.DONE.name()).setParameter("running", JobState.RUNNING.name())
                .setParameter("now", now).setParameter("id", jobId).setParameter("node", node).executeUpdate() == 1;
    }

    /** The legacy rows the job covers, as the legacy store filters them. */
    static LegacyAccountFilter filter(BulkJobEntity job, Set<String> servedTypes) {
        Set<String> types = new TreeSet<>(split(job.getAccountTypes()));
        if (types.isEmpty()) {
            types.addAll(servedTypes);
        } else {
            types.retainAll(servedTypes);
            if (types.isEmpty()) {
                types.add("-"); // asked only for types this provider does not serve: nothing
            }
        }
        return new LegacyAccountFilter(split(job.getProvinces()), types,
                Optional.ofNullable(job.getCreatedFrom()).map(LocalDate::parse),
                Optional.ofNullable(job.getCreatedTo()).map(LocalDate::parse));
    }

    static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return new TreeSet<>(Arrays.asList(csv.split(",")));
    }
}
