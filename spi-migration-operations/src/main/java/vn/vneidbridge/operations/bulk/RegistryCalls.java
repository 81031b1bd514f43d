package vn.vneidbridge.operations.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import vn.vneidbridge.cccd.registry.PopulationRegistry;
import vn.vneidbridge.cccd.registry.RegistryQuery;
import vn.vneidbridge.cccd.registry.RegistryResult;

/**
 * The registry calls of one job's run on this node: its own small pool of {@code concurrency} daemon threads
 * (never a request thread), at most {@code rate} calls a second ({@link TokenBucket}; the runner changes the rate
 * between batches, {@link BulkRate}). Once a call finds the circuit open, or is refused for quota
 * ({@code http-429}), the batch's remaining calls are not made: they answer {@code circuit-open} at once (not asked,
 * not counted as a call) and are asked again soon.
 */
final class RegistryCalls implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final long WAIT_SLICE_MILLIS = 5_000;

    private final ExecutorService pool;
    private final int concurrency;
    private volatile TokenBucket bucket;
    private int rate;

    RegistryCalls(int concurrency, int ratePerSecond) {
        int number = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "vneid-bulk-registry-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.concurrency = concurrency;
        rate(ratePerSecond);
    }

    /** Calls at most {@code ratePerSecond} a second from now on (between batches). */
    synchronized void rate(int ratePerSecond) {
        if (ratePerSecond != rate) {
            rate = ratePerSecond;
            bucket = new TokenBucket(ratePerSecond, Math.min(concurrency, ratePerSecond), System::nanoTime);
        }
    }

    /**
     * Asks every query, in order; {@code whileWaiting} runs every few seconds while answers are awaited (the lease's
     * renewal). The answers are in the order of the queries.
     */
    List<RegistryResult> ask(PopulationRegistry registry, List<RegistryQuery> queries, Runnable whileWaiting)
            throws InterruptedException {
        AtomicBoolean holdBack = new AtomicBoolean();
        List<Future<RegistryResult>> answers = new ArrayList<>(queries.size());
        for (RegistryQuery query : queries) {
            answers.add(pool.submit(() -> {
                if (holdBack.get()) {
                    return new RegistryResult.Unavailable(BulkResults.CIRCUIT_OPEN);
                }
                bucket.acquire();
                if (holdBack.get()) {
                    return new RegistryResult.Unavailable(BulkResults.CIRCUIT_OPEN);
                }
                RegistryResult result = registry.verify(query);
                if (BulkRate.quotaRefused(result) || (result instanceof RegistryResult.Unavailable unavailable
                        && BulkResults.CIRCUIT_OPEN.equals(unavailable.reason()))) {
                    holdBack.set(true);
                }
                return result;
            }));
        }
        List<RegistryResult> results = new ArrayList<>(answers.size());
        for (Future<RegistryResult> answer : answers) {
            results.add(await(answer, whileWaiting));
        }
        return results;
    }

    private static RegistryResult await(Future<RegistryResult> answer, Runnable whileWaiting)
            throws InterruptedException {
        while (true) {
            try {
                return answer.get(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                whileWaiting.run();
            } catch (ExecutionException e) {
                return new RegistryResult.Unavailable("internal-error");
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
