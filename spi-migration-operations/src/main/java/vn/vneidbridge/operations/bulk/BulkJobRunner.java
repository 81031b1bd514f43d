package vn.vneidbridge.operations.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import vn.vneidbridge.cccd.registry.BackgroundLane;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;
import vn.vneidbridge.legacy.storage.LegacyUserStorage;
import vn.vneidbridge.legacy.store.LegacyAccount;
import vn.vneidbridge.legacy.store.LegacyAccountFilter;
import vn.vneidbridge.legacy.store.LegacyAccountStore;
import vn.vneidbridge.legacy.store.LegacyDatabaseUnavailableException;

/**
 * Works on one job from this node while it holds the job's lease: batch after batch, either the accounts due to be
 * asked again or the next keyset page of the legacy database after the cursor. Each batch is four short steps, so
 * no transaction is open while the registry answers: read the job (stop unless it is running); read the page and
 * the other holders of its numbers (legacy database, Keycloak's users); ask the registry on the job's own pool;
 * commit the results, the marks on imported users, the review entries, the counts and the cursor in one transaction
 * under the lease. A restart resumes after the last committed cursor; a batch cut short is done again whole.
 * While a batch's registry calls and commit run, the next page of the scan and its numbers' other legacy holders are
 * read on a thread of their own ({@link ReadAhead}): the legacy database is only read, and the page is taken only if
 * it was read after the cursor of the batch before and no retry is due. A page's commit runs on a thread of its own
 * too, while the next page is asked ({@link CommitLane}): commits keep their order (one at a time, each after the one
 * before), the next page is read after the cursor the commit in flight writes, a failed commit ends the run before any
 * later commit (the next run resumes from the cursor committed), and a batch of retries, a pause, the end of the scan
 * and the end of a run wait for the commit in flight first. Keycloak's verified holders of the next page are read
 * while that commit runs: a number it marked on another user turns the next page's account into a conflict once it
 * is in ({@link AccountCheck#withMarksMeanwhile}), as if the mark had been read before asking, and every mark is
 * checked again as it is written ({@link BatchCommit}).
 *
 * <p>The registry is asked through the adapter's background lane ({@link JobRegistry}), at the job's share of the
 * server's cap, slowing down when the registry refuses calls for quota ({@link BulkRate}). Nothing is counted or
 * asked without the lease: the count runs while the lease is renewed, and the lease is checked before each batch's
 * calls (while a commit is in flight, by a read that does not wait for that commit's lock of the job's row). A node
 * whose adapter is missing or not configured leaves the job to the other nodes ({@link End#NOT_SET_UP}).
 */
final class BulkJobRunner {

    static final long LEASE_MILLIS = 60_000;
    private static final long RENEW_AFTER_MILLIS = 20_000;
    private static final int COUNT_TIMEOUT_MILLIS = 120_000;
    private static final long BREAKER_PAUSE_MILLIS = 30_000;
    private static final long RENEW_CHECK_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(BulkJobRunner.class);

    private final KeycloakSessionFactory factory;
    private final String node;
    private final String jobId;
    private final LongSupplier clock;
    /** When the lease was last extended (by a renewal, or by a commit on the commit lane's thread): only forward. */
    private final AtomicLong renewedAt = new AtomicLong();
    /** The cursor after the last batch handed to a commit (the job's own until the first batch). */
    private String cursor;
    /** The commit of the last page, running while the next page is asked. */
    private final CommitLane commits = new CommitLane("vneid-bulk-commit");
    private LegacyAccountStore store;
    /** The pace the registry's quota refusals leave (0 until the first batch). */
    private int pace;
    /** The next page of the scan, being read while the current batch is asked and committed (or null). */
    private ReadAhead ahead;
    private ExecutorService reader;

    /** How a run ended, for the scheduler. */
    enum End {
        /** The job is done, paused, cancelled, taken by another node, or waits for retries or its database. */
        STOPPED,
        /** The job's registry adapter is missing or not configured on this node: the lease was given back. */
        NOT_SET_UP
    }

    BulkJobRunner(KeycloakSessionFactory factory, String node, String jobId, LongSupplier clock) {
        this.factory = factory;
        this.node = node;
        this.jobId = jobId;
        this.clock = clock;
    }

    /** What a batch needs of the job, read in a short transaction. */
    private record Snapshot(String realmId, JobState state, String cursor, int rate, int concurrency,
                            String legacyProviderId, String registryId, LegacyAccountFilter filter, boolean counted,
                            int activeJobs) {
    }

    /**
     * Runs while the job is this node's and running; returns when it is done, paused, cancelled or taken, or at once
     * (without taking the lease) when this node cannot ask the job's registry.
     */
    End run() throws InterruptedException {
        String registryId = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            BulkJobEntity row = BulkJobs.em(s).find(BulkJobEntity.class, jobId);
            return row == null ? null : row.getRegistryId();
        });
        if (registryId == null) {
            return End.STOPPED;
        }
        Optional<BackgroundLane> lane = lane(registryId);
        if (lane.isEmpty() || !lane.get().configured()) {
            notSetUp(registryId);
            return End.NOT_SET_UP;
        }
        long now = clock.getAsLong();
        boolean claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> BulkJobs.claim(s, jobId, node, now, now + LEASE_MILLIS));
        if (!claimed) {
            return End.STOPPED;
        }
        renewedAt.set(now);
        RegistryCalls calls = null;
        try {
            Snapshot job = snapshot();
            if (job == null || job.state() != JobState.RUNNING) {
                return End.STOPPED;
            }
            if (!job.counted()) {
                count(job);
            }
            cursor = job.cursor();
            while (!Thread.currentThread().isInterrupted()) {
                job = snapshot();
                if (job == null || job.state() != JobState.RUNNING) {
                    return End.STOPPED;
                }
                int share = BulkRate.share(job.rate(), lane.get().maxRatePerSecond(), job.activeJobs());
                int rate = pace == 0 ? share : Math.min(pace, share);
                Batch batch = nextBatch(job, rate);
                if (batch == null) {
                    return End.STOPPED; // retries are waiting for later: the lease goes; a node takes the job then
                }
                if (batch.rows().isEmpty() && batch.retried().isEmpty() && batch.skippedInvalid() == 0) {
                    commits.await(); // the last page's results first
                    KeycloakModelUtils.runJobInTransaction(factory,
                            s -> BulkJobs.finish(s, jobId, node, clock.getAsLong()));
                    LOG.infof("bulk pre-verification job %s is done", jobId);
                    return End.STOPPED;
                }
                if (calls == null) {
                    calls = new RegistryCalls(job.concurrency(), rate); // only once there is work
                }
                calls.rate(rate);
                readAhead(job, batch, BatchSize.of(rate));
                BatchEnd end = process(job, batch, calls, lane.get().registry());
                if (end == BatchEnd.SETUP_BROKEN) {
                    notSetUp(job.registryId()); // the lease is given back below; the batch was not committed
                    return End.NOT_SET_UP;
                }
                pace = end == BatchEnd.QUOTA_REFUSED ? BulkRate.afterQuotaRefusal(rate)
                        : BulkRate.afterCalmBatch(rate, share);
                if (end == BatchEnd.CIRCUIT_OPEN || end == BatchEnd.QUOTA_REFUSED) {
                    commits.await();
                    dropReadAhead(); // read again after the pause, at the pace it leaves
                    Thread.sleep(BREAKER_PAUSE_MILLIS); // the registry refused: give it time
                }
            }
        } catch (BulkJobs.LeaseLost lost) {
            LOG.debugf("bulk job %s: the lease went to another node", jobId);
        } catch (LegacyDatabaseUnavailableException e) {
            // the legacy database's health is on /metrics already; the job goes on at a later poll
            LOG.debugf(e, "bulk job %s: the legacy database did not answer", jobId);
        } finally {
            commits.awaitToTheEnd().ifPresent(this::lastCommitFailed); // before the lease is given back
            // no interrupt while the lease goes back: an interrupt closes an embedded H2 database's file
            boolean interrupted = Thread.interrupted();
            try {
                if (calls != null) {
                    calls.close();
                }
                if (reader != null) {
                    reader.shutdown(); // never interrupted either
                    reader = null;
                }
                commits.close();
                ahead = null;
                try {
                    KeycloakModelUtils.runJobInTransaction(factory, s -> BulkJobs.release(s, jobId, node));
                } catch (RuntimeException e) {
                    LOG.debugf(e, "bulk job %s: lease not released (it expires)", jobId);
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return End.STOPPED;
    }

    private void notSetUp(String registryId) {
        LOG.warnf("bulk pre-verification job %s: registry adapter '%s' is not installed or not configured on node %s;"
                + " this node leaves the job to the other nodes", jobId, registryId, node);
    }

    private Optional<BackgroundLane> lane(String registryId) {
        return JobRegistry.lane(factory.getProviderFactory(PopulationRegistry.class, registryId));
    }

    private Snapshot snapshot() {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            BulkJobEntity row = s.getProvider(org.keycloak.connections.jpa.JpaConnectionProvider.class)
                    .getEntityManager().find(BulkJobEntity.class, jobId);
            if (row == null) {
                return null;
            }
            RealmModel realm = s.realms().getRealm(row.getRealmId());
            ComponentModel component = realm == null ? null : realm.getComponent(row.getLegacyProviderId());
            if (component == null) {
                return null;
            }
            return new Snapshot(row.getRealmId(), JobState.valueOf(row.getState()), row.getCursorKey(),
                    row.getRatePerSecond(), row.getConcurrency(), row.getLegacyProviderId(), row.getRegistryId(),
                    BulkJobs.filter(row, LegacyUserStorage.accountTypes(component)), row.getTotalRows() != null,
                    BulkJobs.activeIds(s).size());
        });
    }

    /**
     * Counts the job's rows on a thread of its own while this one keeps the lease (a count may take longer than the
     * lease); records the total only while the lease is still this node's ({@link BulkJobs.LeaseLost} otherwise).
     */
    private void count(Snapshot job) throws InterruptedException {
        withStore(job, store -> null); // the reader, made on this thread
        ExecutorService counter = HelperThreads.single("vneid-bulk-count");
        try {
            Future<Long> counting = counter.submit(() -> store.count(job.filter(), COUNT_TIMEOUT_MILLIS));
            long total;
            while (true) {
                try {
                    total = counting.get(RENEW_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException slow) {
                    renewIfDue();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            long counted = total;
            KeycloakModelUtils.runJobInTransaction(factory, s -> BulkJobs.total(s, jobId, node, counted));
        } finally {
            counter.shutdown(); // never interrupted: an interrupt closes an embedded H2 database's file
        }
    }

    /**
     * One batch: the rows of the next page (with the page's last key), or the accounts to ask again; with the legacy
     * ids of the valid rows holding each of their 12-digit numbers.
     */
    private record Batch(List<LegacyAccount> rows, int skippedInvalid, Optional<String> lastKey,
                         Map<String, BulkResultEntity> retried, Map<String, List<String>> legacyHolders) {
    }

    /** A page of the scan being read after {@code after}. */
    private record ReadAhead(String after, Future<Batch> page) {
    }

    /** The next batch; an empty one when the job is over; null when only retries not yet due remain. */
    private Batch nextBatch(Snapshot job, int rate) throws InterruptedException {
        int size = BatchSize.of(rate);
        long now = clock.getAsLong();
        List<BulkResultEntity> due = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> BulkResults.dueRetries(s, jobId, now, size));
        if (!due.isEmpty()) {
            commits.await(); // a batch of retries is asked and committed alone
            dropReadAhead(); // read again after the retries, from the cursor then committed
            Map<String, BulkResultEntity> retried = new HashMap<>();
            List<LegacyAccount> rows = new ArrayList<>();
            withStore(job, store -> {
                for (BulkResultEntity result : due) {
                    retried.put(result.getLegacyId(), result);
                    store.byLegacyId(result.getLegacyId()).account().ifPresent(rows::add);
                }
                return null;
            });
            return new Batch(rows, 0, Optional.empty(), retried, legacyHolders(job, rows));
        }
        Batch page = takeReadAhead(cursor);
        if (page == null) {
            page = page(job, cursor, size);
        }
        if (page.rows().isEmpty() && page.skippedInvalid() == 0) {
            commits.await(); // the retries the last page's commit asks for count before the job can end
            Optional<Long> later = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    s -> BulkResults.nextRetry(s, jobId));
            return later.isPresent() ? null : page;
        }
        return page;
    }

    /** The page of the scan after {@code after}, with its numbers' legacy holders (the legacy database only). */
    private Batch page(Snapshot job, String after, int size) {
        LegacyAccountStore.Page page = withStore(job, store -> store.page(after, size, job.filter()));
        List<LegacyAccount> rows = new ArrayList<>();
        int invalid = 0;
        for (LegacyAccountStore.PageRow row : page.rows()) {
            if (row.account().isPresent()) {
                rows.add(row.account().get());
            } else {
                invalid++;
            }
        }
        return new Batch(rows, invalid, page.lastKey(), Map.of(), legacyHolders(job, rows));
    }

    private Map<String, List<String>> legacyHolders(Snapshot job, List<LegacyAccount> rows) {
        Set<String> numbers = new HashSet<>();
        rows.forEach(row -> row.cccd().ifPresent(numbers::add));
        return numbers.isEmpty() ? Map.of() : withStore(job, store -> store.holdersOfCccds(numbers));
    }

    /** Starts reading the page after this one's, while this one is asked and committed. */
    private void readAhead(Snapshot job, Batch batch, int size) {
        if (batch.lastKey().isEmpty()) {
            return; // a batch of retries, or the end of the scan
        }
        if (reader == null) {
            reader = HelperThreads.single("vneid-bulk-read-ahead");
        }
        String after = batch.lastKey().get();
        ahead = new ReadAhead(after, reader.submit(() -> page(job, after, size)));
    }

    /** The page read ahead when it was read after the cursor now committed; null otherwise (it is dropped). */
    private Batch takeReadAhead(String cursor) throws InterruptedException {
        ReadAhead taken = ahead;
        ahead = null;
        if (taken == null) {
            return null;
        }
        if (!taken.after().equals(cursor)) {
            taken.page().cancel(false);
            return null;
        }
        try {
            return taken.page().get();
        } catch (ExecutionException e) {
            throw HelperThreads.rethrown(e); // as if read here: the legacy database not answering ends this run
        }
    }

    /** Drops the page read ahead (a read under way ends on its own: never interrupted, see {@link #run}). */
    private void dropReadAhead() {
        if (ahead != null) {
            ahead.page().cancel(false);
            ahead = null;
        }
    }

    /** How a batch ended. */
    private enum BatchEnd { NEXT, CIRCUIT_OPEN, QUOTA_REFUSED, SETUP_BROKEN }

    /**
     * Checks and commits one batch. A batch whose every call found the registry adapter missing or unconfigured on
     * this node is not committed (its accounts are not marked with an error that asking again would not change).
     */
    private BatchEnd process(Snapshot job, Batch batch, RegistryCalls calls, PopulationRegistry registry)
            throws InterruptedException {
        Set<String> numbers = new HashSet<>();
        batch.rows().forEach(row -> row.cccd().ifPresent(numbers::add));
        Map<String, List<String>> legacyHolders = batch.legacyHolders();
        Map<String, List<String>> verifiedUsers = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> KeycloakHolders.verified(s, job.realmId(), numbers));

        List<CheckedAccount> accounts = new ArrayList<>();
        List<AccountCheck.Plan> plans = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        List<RegistryQuery> queries = new ArrayList<>();
        String realmId = job.realmId();
        for (LegacyAccount row : batch.rows()) {
            String userId = LegacyUserStorage.userId(realmId, row.legacyId());
            Set<String> others = new LinkedHashSet<>();
            boolean ownUserVerified = false;
            if (row.cccd().isPresent()) {
                for (String legacyId : legacyHolders.getOrDefault(row.cccd().get(), List.of())) {
                    if (!legacyId.equals(row.legacyId())) {
                        others.add(LegacyUserStorage.userId(realmId, legacyId));
                    }
                }
                for (String user : verifiedUsers.getOrDefault(row.cccd().get(), List.of())) {
                    if (user.equals(userId)) {
                        ownUserVerified = true;
                    } else {
                        others.add(user);
                    }
                }
            }
            CheckedAccount account = CheckedAccount.of(row);
            if (ownUserVerified) {
                account = new CheckedAccount(account.legacyId(), account.cccd(), account.cmnd(), account.fullName(),
                        account.birthDate(), account.gender(), true);
            }
            AccountCheck.Plan plan = AccountCheck.plan(account, List.copyOf(others));
            accounts.add(account);
            plans.add(plan);
            userIds.add(userId);
            if (plan instanceof AccountCheck.Ask ask) {
                queries.add(ask.query());
            }
        }

        if (!queries.isEmpty()) {
            if (commits.busy()) {
                // a renewal now could wait for the commit in flight's lock of the job's row: a read sees a cancel
                // committed, and the commit extends the lease
                holdsLease();
                renewIfDue();
            } else {
                renew(); // no registry call without the lease
            }
        }
        List<RegistryResult> answers = queries.isEmpty() ? List.of()
                : calls.ask(registry, queries, this::renewIfDue);
        if (!answers.isEmpty() && answers.stream().allMatch(BulkJobRunner::setupBroken)) {
            return BatchEnd.SETUP_BROKEN;
        }
        List<AccountOutcome> outcomes = new ArrayList<>();
        int answer = 0;
        boolean circuitOpen = false;
        for (AccountCheck.Plan plan : plans) {
            if (plan instanceof AccountCheck.Ask ask) {
                AccountOutcome outcome = AccountCheck.outcome(ask, answers.get(answer++));
                circuitOpen |= outcome instanceof AccountOutcome.RegistryError error
                        && BulkResults.CIRCUIT_OPEN.equals(error.reason());
                outcomes.add(outcome);
            } else if (plan instanceof AccountCheck.Settled settled) {
                outcomes.add(settled.outcome());
            } else {
                outcomes.add(null);
            }
        }
        Map<String, String> markedMeanwhile = commits.await(); // commits keep their order
        for (int i = 0; i < plans.size(); i++) {
            outcomes.set(i, AccountCheck.withMarksMeanwhile(plans.get(i), outcomes.get(i), userIds.get(i),
                    markedMeanwhile));
        }
        long now = clock.getAsLong();
        String after = batch.lastKey().orElse(cursor);
        commits.submit(() -> { // a page of the scan: the next one is asked meanwhile
            Map<String, String> marked = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    s -> new BatchCommit(s, realmId, jobId, node).commit(accounts, outcomes, batch.skippedInvalid(),
                            batch.retried(), after, now, now + LEASE_MILLIS));
            renewedAt.accumulateAndGet(now, Math::max);
            return marked;
        });
        if (!batch.retried().isEmpty()) {
            commits.await(); // a batch of retries: committed before anything else is read
        }
        cursor = after;
        if (BulkRate.quotaRefused(answers)) {
            return BatchEnd.QUOTA_REFUSED;
        }
        return circuitOpen ? BatchEnd.CIRCUIT_OPEN : BatchEnd.NEXT;
    }

    /** The commit of a run's last batch failed (after the run ended for another reason): it is done again. */
    private void lastCommitFailed(Throwable failure) {
        if (failure instanceof BulkJobs.LeaseLost) {
            LOG.debugf("bulk job %s: the last batch was not committed, the lease had gone", jobId);
        } else {
            LOG.warnf("bulk job %s: the last batch was not committed (%s); it is done again", jobId,
                    failure.getClass().getName());
            LOG.debugf(failure, "bulk job %s: the last batch's commit", jobId);
        }
    }

    private static boolean setupBroken(RegistryResult answer) {
        return answer instanceof RegistryResult.Unavailable unavailable
                && (unavailable.reason().equals("not-configured") || unavailable.reason().equals("not-installed"));
    }

    /** Keeps the lease while a slow registry answers a batch or a slow count runs. */
    private void renewIfDue() {
        if (clock.getAsLong() - renewedAt.get() >= RENEW_AFTER_MILLIS) {
            renew();
        }
    }

    /** Renews the lease now; {@link BulkJobs.LeaseLost} when another node holds it. */
    private void renew() {
        long now = clock.getAsLong();
        boolean renewed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> BulkJobs.renew(s, jobId, node, now, now + LEASE_MILLIS));
        if (!renewed) {
            throw new BulkJobs.LeaseLost();
        }
        renewedAt.accumulateAndGet(now, Math::max);
    }

    /** {@link BulkJobs.LeaseLost} unless this node holds the lease as last committed (a cancel takes it away). */
    private void holdsLease() {
        if (!KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> BulkJobs.holds(s, jobId, node))) {
            throw new BulkJobs.LeaseLost();
        }
    }

    /** Reads the job's legacy database (the reader is made once per run, from the provider's settings). */
    private <T> T withStore(Snapshot job, java.util.function.Function<LegacyAccountStore, T> work) {
        if (store == null) {
            store = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
                RealmModel realm = s.realms().getRealm(job.realmId());
                return LegacyUserStorage.store(s, realm.getComponent(job.legacyProviderId()));
            });
        }
        return work.apply(store);
    }
}
