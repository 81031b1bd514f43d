package vn.vneidbridge.operations.bulk;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * This node's part in the bulk jobs: every few seconds, on a thread of its own (never Keycloak's timer, never a
 * request thread), it offers to work on each queued or running job; the job's lease makes sure one node at a time
 * works on it, and a node that stops (or dies) leaves the lease to expire for another node to take over.
 */
public final class BulkVerificationScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BulkVerificationScheduler.class);
    private static final long POLL_MILLIS = 10_000;

    private final KeycloakSessionFactory factory;
    private final String node;
    private final ScheduledExecutorService executor;

    private BulkVerificationScheduler(KeycloakSessionFactory factory) {
        this.factory = factory;
        this.node = nodeName();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vneid-bulk-verification");
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
            for (String job : jobs) {
                new BulkJobRunner(factory, node, job, System::currentTimeMillis).run();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // never let one failure end the schedule; the job is taken up again at the next poll
            LOG.warnf("bulk pre-verification: a run stopped (%s); it goes on at the next poll",
                    e.getClass().getSimpleName());
            LOG.debugf(e, "bulk pre-verification run");
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
        try {
            // the run releases its lease when interrupted; another node need not wait for it to expire
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
