package vn.vneidbridge.operations.bulk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * This node's part in the bulk jobs: every few seconds, on a thread of its own (never Keycloak's timer, never a
 * request thread), it offers to work on the queued or running jobs, each on a slot of a small pool ({@link JobPick}:
 * one realm's long job does not hold up another's); the job's lease makes sure one node at a time works on it, and a
 * node that stops (or dies) leaves the lease to expire for another node to take over. A node that cannot ask a job's
 * registry leaves that job to the other nodes for a few minutes.
 */
public final class BulkVerificationScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BulkVerificationScheduler.class);
    private static final long POLL_MILLIS = 10_000;

    private final KeycloakSessionFactory factory;
    private final String node;
    private final ScheduledExecutorService executor;
    private final ExecutorService runners;
    private final Set<String> working = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> setAsideUntil = new ConcurrentHashMap<>();

    private BulkVerificationScheduler(KeycloakSessionFactory factory) {
        this.factory = factory;
        this.node = nodeName();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vneid-bulk-verification");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger slots = new AtomicInteger();
        this.runners = Executors.newFixedThreadPool(JobPick.SLOTS, runnable -> {
            Thread thread = new Thread(runnable, "vneid-bulk-job-" + slots.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling for jobs on this node (once Keycloak's database is migrated). */
    public static BulkVerificationScheduler start(KeycloakSessionFactory factory) {
        BulkVerificationScheduler scheduler = new BulkVerificationScheduler(factory);
        scheduler.executor.scheduleWithFixedDelay(scheduler::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        LOG.debugf("bulk pre-verification jobs polled on node %s", scheduler.node);
        return scheduler;
    }

    private void poll() {
        try {
            List<String> jobs = KeycloakModelUtils.runJobInTransactionWithResult(factory, BulkJobs::activeIds);
            long now = System.currentTimeMillis();
            setAsideUntil.values().removeIf(until -> until <= now);
            for (String job : JobPick.next(jobs, working, setAsideUntil, now, JobPick.SLOTS)) {
                working.add(job);
                runners.execute(() -> run(job));
            }
        } catch (RuntimeException e) {
            // never let one failure end the schedule
            LOG.warnf("bulk pre-verification: a poll failed (%s); polling goes on", e.getClass().getSimpleName());
            LOG.debugf(e, "bulk pre-verification poll");
        }
    }

    private void run(String job) {
        try {
            if (new BulkJobRunner(factory, node, job, System::currentTimeMillis).run()
                    == BulkJobRunner.End.NOT_SET_UP) {
                setAsideUntil.put(job, System.currentTimeMillis() + JobPick.SET_ASIDE_MILLIS);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the job is taken up again at the next poll
            LOG.warnf("bulk pre-verification: a run stopped (%s); it goes on at the next poll",
                    e.getClass().getSimpleName());
            LOG.debugf(e, "bulk pre-verification run");
        } finally {
            working.remove(job);
        }
    }

    /** The lease owner's name: the host, and a random part so two nodes on one host differ. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String name = host + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        runners.shutdownNow();
        try {
            // the runs release their leases when interrupted; another node need not wait for them to expire
            executor.awaitTermination(5, TimeUnit.SECONDS);
            runners.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
